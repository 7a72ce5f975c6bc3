"""The ``state`` bridge, driven through real Lua spells.

Expected values come from the bridge's documented semantics (the module
docstring of bridges/state.py and the seed API): dotted paths, insertion-ordered
keys, the three transforms, shallow/deep merge with ours/theirs/error, snapshots,
atomic file and sqlite persistence, and the write/read capabilities.
"""
import json
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

import llmspell
from llmspell.bridges import state as state_bridge  # registers the state intrinsics
from llmspell.ir.errors import ScriptError
from llmspell.sandbox.policy import Policy


def run(src, *grants):
    """Run *src*; return its values (plain Python data)."""
    return llmspell.run(textwrap.dedent(src), policy=Policy(grants=grants)).values


def error_of(src, *grants):
    """The message of the error *src* ends with (its last statement must fail)."""
    with pytest.raises(ScriptError) as e:
        run(src, *grants)
    return str(e.value)


@pytest.fixture
def folder(tmp_path):
    """A real (symlink-free) folder and the grants to read and write in it."""
    real = os.path.realpath(tmp_path)
    return real, (f"write:{real}", f"read:{real}")


# -- the basic methods ----------------------------------------------------------------------

def test_seed_example():
    assert run("""
        local st = state.create{persistence = "memory"}
        st:set("conversation_id", "abc123")
        st:set("context", {user = "John", topic = "quantum", messages = {}})
        st:set("context.topic", "physics")
        local topic, missing = st:get("context.topic"), st:get("missing")
        st:delete("context.user")
        return topic, missing, #st:keys(), st:get("context.user"), st:get("context.topic")
    """) == ["physics", None, 2, None, "physics"]


def test_get_without_key_is_the_whole_state_and_a_copy():
    assert run("""
        local st = state.create()
        st:set("a", {b = 1})
        local all = st:get()
        all.a.b = 99             -- changing the copy does not change the state
        return st:get(), all.a.b
    """) == [{"a": {"b": 1}}, 99]


def test_keys_in_insertion_order():
    # re-setting a key keeps its place; deleting and setting again moves it last
    assert run("""
        local st = state.create()
        for _, k in ipairs{"z", "a", "m", "b"} do st:set(k, 1) end
        st:set("a", 2)
        st:delete("m")
        st:set("m", 3)
        return st:keys()
    """) == [["z", "a", "b", "m"]]


def test_clear_and_empty_state():
    assert run("""
        local st = state.create()
        st:set("a", 1) st:set("b", {c = true})
        st:clear()
        return #st:keys(), st:get("a"), next(st:get())
    """) == [0, None, None]


def test_delete_reports_whether_something_was_removed():
    assert run("""
        local st = state.create()
        st:set("a", {b = 1})
        return st:delete("a.b"), st:delete("a.b"), st:delete("nope.x"), st:delete("a"), st:get()
    """) == [True, False, False, True, []]


def test_set_nil_deletes():
    assert run("""
        local st = state.create()
        st:set("a", {b = 1, c = 2})
        st:set("a.b", nil)
        st:set("gone", nil)
        return st:get(), #st:keys()
    """) == [{"a": {"c": 2}}, 1]


def test_values_round_trip():
    assert run("""
        local st = state.create()
        st:set("v", {s = "x\\255y", i = math.maxinteger, f = 1.5, t = true, f2 = false,
                     arr = {1, "two", {3}}, empty = {}})
        local v = st:get("v")
        return v.s == "x\\255y", math.type(v.i), v.i == math.maxinteger, v.f, v.t, v.f2,
               v.arr[2], v.arr[3][1], next(v.empty)
    """) == [True, "integer", True, 1.5, True, False, "two", 3, None]


# -- dotted paths ---------------------------------------------------------------------------

def test_dotted_set_creates_tables():
    assert run("""
        local st = state.create()
        st:set("a.b.c", 1)
        st:set("a.b.d", 2)
        st:set("a.e", "x")
        return st:get(), st:get("a.b.c"), st:get("a.b").d
    """) == [{"a": {"b": {"c": 1, "d": 2}, "e": "x"}}, 1, 2]


def test_dotted_get_through_a_non_table_is_nil():
    # arrays are values: a path never indexes into them
    assert run("""
        local st = state.create()
        st:set("s", "text")
        st:set("arr", {10, 20})
        return st:get("s.x"), st:get("arr.1"), st:get("nope.deeper.still")
    """) == [None, None, None]


@pytest.mark.parametrize("value, kind", [('"text"', "a string"), ("{1, 2}", "an array"), ("42", "a number")])
def test_dotted_set_through_a_non_table_fails(value, kind):
    assert f"state.set: cannot set 'p.q.r': 'p.q' is {kind}, not a table" in error_of(f"""
        local st = state.create()
        st:set("p", {{q = {value}}})
        st:set("p.q.r", 1)
    """)


@pytest.mark.parametrize("key", ["a..b", ".a", "a.", ""])
def test_empty_path_segment_fails(key):
    assert f"state.get: bad argument 'key' (empty segment in path '{key}')" in error_of(f"""
        state.create():get("{key}")
    """)


# -- transform ------------------------------------------------------------------------------

SAMPLE = """
    local st = state.create()
    st:set("conversation_id", "abc123")
    st:set("context", {user = "John", topic = "physics", messages = {"hi", "ho"}, meta = {}})
    st:set("auth", {Password = "p", API_KEY = "k", nested = {{refresh_token = "t", ok = 1}}, user = "u"})
    st:set("secret_plan", {deep = 1})
"""


def test_transform_filter_keeps_the_paths_nested():
    assert run(SAMPLE + """
        local f = st:transform{type = "filter", keys = {"conversation_id", "context.topic", "missing", "auth.nope"}}
        return f, st:get("context.user")
    """) == [{"conversation_id": "abc123", "context": {"topic": "physics"}}, "John"]


def test_transform_flatten():
    # leaves are non-tables, arrays and empty tables, keyed by their dotted path
    assert run(SAMPLE + """
        local f = st:transform{type = "flatten"}
        local keys = {}
        for k in pairs(f) do keys[#keys + 1] = k end
        return keys, f["context.topic"], f["context.messages"], next(f["context.meta"]), f["secret_plan.deep"]
    """) == [["conversation_id", "context.user", "context.topic", "context.messages", "context.meta",
              "auth.Password", "auth.API_KEY", "auth.nested", "auth.user", "secret_plan.deep"],
             "physics", ["hi", "ho"], None, 1]


def test_transform_sanitize_default_patterns():
    # case-insensitive substring of the key, at any depth (arrays too); the whole
    # value under a matching key is replaced, the state itself is unchanged
    assert run(SAMPLE + """
        local c = st:transform{type = "sanitize"}
        return c, st:get("auth.API_KEY")
    """) == [{"conversation_id": "abc123",
              "context": {"user": "John", "topic": "physics", "messages": ["hi", "ho"], "meta": []},
              "auth": {"Password": "[REDACTED]", "API_KEY": "[REDACTED]",
                       "nested": [{"refresh_token": "[REDACTED]", "ok": 1}], "user": "u"},
              "secret_plan": "[REDACTED]"}, "k"]


def test_transform_sanitize_given_patterns():
    assert run(SAMPLE + """
        local c = st:transform{type = "sanitize", patterns = {"USER", "conversation"}}
        return c.context.user, c.auth.user, c.conversation_id, c.auth.API_KEY
    """) == ["[REDACTED]", "[REDACTED]", "[REDACTED]", "k"]


# -- merge ----------------------------------------------------------------------------------

MERGE = """
    local a = state.create()
    a:set("x", 1) a:set("t", {p = 1, q = {r = "ours"}}) a:set("same", {1, 2})
    local b = state.create()
    b:set("t", {q = {r = "theirs", s = 2}, u = 3}) b:set("y", 2) b:set("same", {1.0, 2}) b:set("x", 1.0)
"""


@pytest.mark.parametrize("strategy, resolution, expected", [
    ("deep", "theirs", {"x": 1, "t": {"p": 1, "q": {"r": "theirs", "s": 2}, "u": 3}, "same": [1, 2], "y": 2}),
    ("deep", "ours", {"x": 1, "t": {"p": 1, "q": {"r": "ours", "s": 2}, "u": 3}, "same": [1, 2], "y": 2}),
    ("shallow", "theirs", {"x": 1, "t": {"q": {"r": "theirs", "s": 2}, "u": 3}, "same": [1, 2], "y": 2}),
    ("shallow", "ours", {"x": 1, "t": {"p": 1, "q": {"r": "ours"}}, "same": [1, 2], "y": 2}),
])
def test_merge_strategies(strategy, resolution, expected):
    # equal values (1 and 1.0 are equal numbers, as in Lua) are no conflict
    merged, a_after, b_after, keys = run(MERGE + f"""
        local m = a:merge(b, {{strategy = "{strategy}", conflictResolution = "{resolution}"}})
        return m:get(), a:get(), b:get(), m:keys()
    """)
    assert merged == expected
    assert keys == ["x", "t", "same", "y"]         # ours' keys first, then theirs' new ones
    assert a_after == {"x": 1, "t": {"p": 1, "q": {"r": "ours"}}, "same": [1, 2]}
    assert b_after == {"t": {"q": {"r": "theirs", "s": 2}, "u": 3}, "y": 2, "same": [1, 2], "x": 1}


@pytest.mark.parametrize("strategy, path", [("deep", "t.q.r"), ("shallow", "t")])
def test_merge_conflict_error(strategy, path):
    assert f"state.merge: merge conflict at '{path}'" in error_of(MERGE + f"""
        a:merge(b, {{strategy = "{strategy}", conflictResolution = "error"}})
    """)


def test_merge_defaults_are_deep_and_theirs_and_accept_a_table():
    assert run("""
        local a = state.create()
        a:set("t", {p = 1, q = "ours"})
        local m = a:merge({t = {q = "theirs"}, n = {1, 2}})
        m:set("extra", true)            -- the result is a state of its own
        return m:get(), a:get()
    """) == [{"t": {"p": 1, "q": "theirs"}, "n": [1, 2], "extra": True}, {"t": {"p": 1, "q": "ours"}}]


def test_merge_without_conflicts_never_fails():
    assert run("""
        local a = state.create() a:set("k", {1, {x = "same"}})
        return a:merge({k = {1, {x = "same"}}, z = 0}, {conflictResolution = "error"}):get()
    """) == [{"k": [1, {"x": "same"}], "z": 0}]


# -- snapshots ------------------------------------------------------------------------------

def test_snapshot_and_restore():
    assert run("""
        local st = state.create()
        st:set("a", {b = 1})
        local s1 = st:snapshot()
        st:set("a.b", 2)                 -- a nested change after the snapshot
        st:set("x", 1)
        local s2 = st:snapshot()
        st:clear()
        st:restore(s1)
        local first = st:get()
        st:restore(s2)
        local second = st:get()
        st:restore(s1)                   -- a snapshot can be restored again
        return s1 ~= s2, first, second, st:get()
    """) == [True, {"a": {"b": 1}}, {"a": {"b": 2}, "x": 1}, {"a": {"b": 1}}]


def test_restore_unknown_snapshot():
    assert "state.restore: bad argument 'id' (no snapshot 7 of this state)" in error_of("""
        local st = state.create()
        st:snapshot()
        st:restore(7)
    """)


# -- values that cannot be stored -----------------------------------------------------------

@pytest.mark.parametrize("value, problem", [
    ("function() end", "a function at 'k' cannot be stored: state values are strings, numbers, booleans and tables"),
    ("{a = {f = print}}", "a function at 'k.a.f' cannot be stored"),
    ("{1, 2, x = 3}", "a number key in 'k': state tables have string keys, or are arrays"),
    ("{[true] = 1}", "a boolean key in 'k'"),
    ("0/0", "the number at 'k' is not finite"),
    ("{n = math.huge}", "the number at 'k.n' is not finite"),
    ("state.create()", "a state at 'k' cannot be stored"),
])
def test_values_that_are_not_json_are_rejected(value, problem):
    assert f"state.set: bad argument 'value' ({problem}" in error_of(f"""
        local st = state.create()
        st:set("k", {value})
    """)


def test_nesting_is_bounded():
    depth = state_bridge.MAX_DEPTH
    path = ".".join(["k"] * depth)
    assert "tables nested more than" in error_of(f"""
        local st = state.create()
        st:set("{path}", {{}})
    """)
    assert run(f"""
        local st = state.create()
        st:set("{path}", 1)
        return st:get("{path}")
    """) == [1]


# -- bad arguments --------------------------------------------------------------------------

@pytest.mark.parametrize("src, message", [
    ('state.create{persistance = "file"}', "state.create: bad argument 'options' (unknown field 'persistance')"),
    ('state.create{persistence = "disk"}', "state.create: bad argument 'persistence' (one of 'memory', 'file', "
                                           "'sqlite' expected, got 'disk')"),
    ('state.create{persistence = "file"}', "state.create: bad argument 'path' (string expected for persistence "
                                           "'file', got nil)"),
    ('state.create{path = "x.json"}', "state.create: bad argument 'path' (only file and sqlite persistence "
                                      "use a path)"),
    ('state.create():set(1, 2)', "state.set: bad argument 'key' (string expected, got number)"),
    ('state.create():set()', "state.set: bad argument 'key' (string expected, got nil)"),
    ('state.create():delete()', "state.delete: bad argument 'key' (string expected, got nil)"),
    ('state.create():restore("one")', "state.restore: bad argument 'id' (integer expected, got string)"),
    ('state.create():transform{type = "sort"}', "state.transform: bad argument 'type' (one of 'filter', "
                                                "'flatten', 'sanitize' expected, got 'sort')"),
    ('state.create():transform{type = "filter"}', "state.transform: bad argument 'keys' (array expected for "
                                                  "type 'filter', got nil)"),
    ('state.create():transform{type = "filter", keys = {"a", 2}}', "state.transform: bad argument 'keys[2]' "
                                                                   "(string expected, got number)"),
    ('state.create():transform{type = "sanitize", patterns = "x"}', "state.transform: bad argument 'patterns' "
                                                                    "(array expected, got string)"),
    ('state.create():merge({}, {strategy = "wide"})', "state.merge: bad argument 'strategy' (one of 'shallow', "
                                                      "'deep' expected, got 'wide')"),
    ('state.create():merge({}, {conflictResolution = "mine"})', "state.merge: bad argument 'conflictResolution' "
                                                                "(one of 'ours', 'theirs', 'error' expected, "
                                                                "got 'mine')"),
    ('state.create():merge({1, 2})', "state.merge: bad argument 'other' (a state or a table with string keys "
                                     "expected, got an array)"),
    ('state.create():merge({[1.5] = 1})', "state.merge: bad argument 'other' (a number key in '': state tables "
                                          "have string keys, or are arrays)"),
    ('state.create():merge()', "state.merge: bad argument 'other' (object|table expected, got nil)"),
])
def test_bad_arguments(src, message):
    assert message in error_of(src)


# -- persistence ----------------------------------------------------------------------------

WRITE = """
    local st = state.create{persistence = "%s", path = "%s"}
    st:set("conversation_id", "abc123")
    st:set("context", {user = "John", topic = "quantum", messages = {}})
    st:set("context.topic", "physics")
    st:set("bytes", "\\0\\255\\xC3")
    st:set("zzz", 1)
    st:delete("zzz")
"""
READ = """
    local st = state.create{persistence = "%s", path = "%s"}
    return st:get(), st:keys(), st:get("bytes") == "\\0\\255\\xC3"
"""
SAVED = {"conversation_id": "abc123", "context": {"user": "John", "topic": "physics", "messages": []}}


@pytest.mark.parametrize("kind, name", [("file", "st.json"), ("sqlite", "st.db")])
def test_persistence_round_trip_across_runs(folder, kind, name):
    real, grants = folder
    path = os.path.join(real, name)
    run(WRITE % (kind, path), *grants)
    data, keys, same_bytes = run(READ % (kind, path), *grants)
    assert {k: v for k, v in data.items() if k != "bytes"} == SAVED
    assert keys == ["conversation_id", "context", "bytes"]
    assert same_bytes


def test_file_format_is_one_json_object(folder):
    real, grants = folder
    path = os.path.join(real, "st.json")
    run(WRITE % ("file", path), *grants)
    with open(path, encoding="ascii") as f:        # ASCII: other bytes are \u escapes
        data = json.load(f)
    assert list(data) == ["conversation_id", "context", "bytes"]
    assert data["context"] == {"user": "John", "topic": "physics", "messages": {}}   # an empty table is {}
    assert os.listdir(real) == ["st.json"]         # no temporary file left behind


def test_sqlite_format_is_a_row_per_top_level_key(folder):
    real, grants = folder
    path = os.path.join(real, "st.db")
    run(WRITE % ("sqlite", path), *grants)
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT key, value FROM llmspell_state ORDER BY rowid").fetchall()
    assert [k for k, _ in rows] == [b"conversation_id", b"context", b"bytes"]
    assert json.loads(rows[1][1]) == {"user": "John", "topic": "physics", "messages": {}}
    assert json.loads(rows[2][1]).encode("utf-8", "surrogateescape") == b"\0\xff\xc3"


@pytest.mark.parametrize("kind", ["file", "sqlite"])
def test_clear_restore_and_set_nil_persist(folder, kind):
    real, grants = folder
    path = os.path.join(real, "st")
    run(f"""
        local st = state.create{{persistence = "{kind}", path = "{path}"}}
        st:set("a", 1) st:set("b", 2)
        local s = st:snapshot()
        st:clear()
        st:set("c", 3)
        st:restore(s)
        st:set("b", nil)
    """, *grants)
    assert run(READ % (kind, path), *grants)[:2] == [{"a": 1}, ["a"]]


def test_relative_path_resolves_against_the_current_directory(folder, monkeypatch):
    real, grants = folder
    monkeypatch.chdir(real)
    run('state.create{persistence = "file", path = "sub/../rel.json"}:set("k", "v")', *grants)
    assert json.load(open(os.path.join(real, "rel.json"))) == {"k": "v"}


def test_same_path_is_one_state_within_a_run(folder):
    real, grants = folder
    path = os.path.join(real, "one.json")
    assert run(f"""
        local a = state.create{{persistence = "file", path = "{path}"}}
        local b = state.create{{persistence = "file", path = "{real}/./one.json"}}
        a:set("x", 1) b:set("y", 2)
        return rawequal(a, b), a:get()
    """, *grants) == [True, {"x": 1, "y": 2}]
    assert f"state.create: '{path}' is already open as a file state" in error_of(f"""
        state.create{{persistence = "file", path = "{path}"}}
        state.create{{persistence = "sqlite", path = "{path}"}}
    """, *grants)


@pytest.mark.parametrize("kind", ["file", "sqlite"])
def test_without_the_write_grant_permission_is_denied(folder, kind):
    real, _ = folder
    path = os.path.join(real, "st")
    message = error_of(f'state.create{{persistence = "{kind}", path = "{path}"}}', f"read:{real}")
    assert (f"state.create: permission denied: needs write:{path} (grant it with --allow-write={path}, "
            f'or write = ["{path}"] under [permissions] in llmspell.toml)') in message
    assert not os.path.exists(path)


def test_reading_an_existing_state_needs_the_read_grant(folder):
    real, grants = folder
    path = os.path.join(real, "st.json")
    run(WRITE % ("file", path), *grants)
    message = error_of(f'state.create{{persistence = "file", path = "{path}"}}', f"write:{real}")
    assert (f"permission denied: needs read:{path} (grant it with --allow-read={path}, "
            f'or read = ["{path}"] under [permissions] in llmspell.toml)') in message


def test_the_capability_names_the_real_path(folder):
    real, grants = folder
    os.mkdir(os.path.join(real, "inside"))
    os.symlink(os.path.join(real, "inside"), os.path.join(real, "link"))
    message = error_of(f'state.create{{persistence = "file", path = "{real}/link/../../x.json"}}',
                       f"write:{real}")
    # the symlink is followed, then ".." climbs out of the folder the grant covers
    assert f"needs write:{os.path.dirname(real)}/x.json" in message


def test_memory_needs_no_grant():
    assert run('local st = state.create{persistence = "memory"} st:set("a", 1) return st:get("a")') == [1]


@pytest.mark.parametrize("content, problem", [
    ("{not json", "is not valid JSON"),
    ("[1, 2]", "does not hold a JSON object"),
    ('{"a": null}', "is not a state: a nil at 'a' cannot be stored"),
    ('{"a": 1e999}', "is not a state: the number at 'a' is not finite"),
    ('{"a": 99999999999999999999}', "is not a state: the integer at 'a' does not fit in 64 bits"),
])
def test_a_damaged_file_is_an_error(folder, content, problem):
    real, grants = folder
    path = os.path.join(real, "bad.json")
    with open(path, "w") as f:
        f.write(content)
    assert f"state file '{path}' {problem}" in error_of(
        f'state.create{{persistence = "file", path = "{path}"}}', *grants)


def test_a_file_that_is_not_a_database_is_an_error(folder):
    real, grants = folder
    path = os.path.join(real, "bad.db")
    with open(path, "w") as f:
        f.write("this is not a database, just text long enough to have a header" * 4)
    assert f"cannot read state database '{path}': file is not a database" in error_of(
        f'state.create{{persistence = "sqlite", path = "{path}"}}', *grants)


# -- atomicity ------------------------------------------------------------------------------

def test_failed_file_save_changes_nothing(folder, monkeypatch):
    """os.replace fails: the spell gets an error, memory and disk keep the old state."""
    real, grants = folder
    path = os.path.join(real, "st.json")
    run(WRITE % ("file", path), *grants)
    before = open(path).read()

    def no_replace(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", no_replace)
    ok, message, topic, keys = run(f"""
        local st = state.create{{persistence = "file", path = "{path}"}}
        local ok, message = pcall(st.set, st, "context.topic", "biology")
        return ok, message, st:get("context.topic"), st:keys()
    """, *grants)
    assert not ok
    assert f"state.set: cannot save state file '{path}': No space left on device" in message
    assert (topic, keys) == ("physics", ["conversation_id", "context", "bytes"])
    assert open(path).read() == before
    assert os.listdir(real) == ["st.json"]


def test_failed_sqlite_save_changes_nothing(folder, monkeypatch):
    """A restore fails after its DELETE and first row: the transaction is rolled back."""
    real, grants = folder
    path = os.path.join(real, "st.db")
    encode = state_bridge._encode
    calls = []

    def failing(call, value, indent=None):
        calls.append(value)
        if len(calls) == 6:         # the second row written by the restore
            raise sqlite3.OperationalError("disk I/O error")
        return encode(call, value, indent)
    monkeypatch.setattr(state_bridge, "_encode", failing)
    ok, message, data = run(f"""
        local st = state.create{{persistence = "sqlite", path = "{path}"}}
        st:set("a", 1) st:set("b", 2)
        local s = st:snapshot()
        st:set("c", 3) st:set("a", "changed")
        local ok, message = pcall(st.restore, st, s)
        return ok, message, st:get()
    """, *grants)
    assert not ok
    assert f"state.restore: cannot save state database '{path}': disk I/O error" in message
    assert data == {"a": "changed", "b": 2, "c": 3}
    monkeypatch.setattr(state_bridge, "_encode", encode)
    assert run(READ % ("sqlite", path), *grants)[:2] == [data, ["a", "b", "c"]]


CRASH = """
import os, sys
import llmspell
from llmspell.bridges import state
from llmspell.sandbox.policy import Policy
{patch}
llmspell.run(sys.argv[1], policy=Policy(grants=tuple(sys.argv[2:])))
"""


def crash(patch, src, grants):
    """Run *src* in a process that *patch* kills (os._exit) in the middle of a save."""
    done = subprocess.run([sys.executable, "-c", CRASH.format(patch=textwrap.dedent(patch)),
                           textwrap.dedent(src), *grants], capture_output=True, text=True, timeout=120)
    assert done.returncode == 9, done.stderr


def test_killed_during_a_file_save_loses_no_committed_state(folder):
    """The process dies after writing and fsyncing the new file, before the rename."""
    real, grants = folder
    path = os.path.join(real, "st.json")
    run(WRITE % ("file", path), *grants)
    before = open(path).read()
    # (only the state's rename: the IR cache renames its files too)
    crash(f"""
        replace = os.replace
        os.replace = lambda src, dst: os._exit(9) if dst == {path!r} else replace(src, dst)
    """, f"""
        local st = state.create{{persistence = "file", path = "{path}"}}
        st:set("context.topic", "biology")
    """, grants)
    assert open(path).read() == before
    leftovers = [n for n in os.listdir(real) if n != "st.json"]
    assert len(leftovers) == 1 and "biology" in open(os.path.join(real, leftovers[0])).read()
    data, keys, _ = run(READ % ("file", path), *grants)
    assert data["context"] == SAVED["context"] and keys == ["conversation_id", "context", "bytes"]


def test_killed_during_a_sqlite_transaction_loses_no_committed_state(folder):
    """The process dies inside a restore's transaction (after its DELETE and first row)."""
    real, grants = folder
    path = os.path.join(real, "st.db")
    run(WRITE % ("sqlite", path), *grants)
    crash("""
        encode, calls = state._encode, []
        def dying(*args):
            calls.append(1)
            if len(calls) == 3:
                os._exit(9)
            return encode(*args)
        state._encode = dying
    """, f"""
        local st = state.create{{persistence = "sqlite", path = "{path}"}}
        local s = st:snapshot()
        st:set("context", "replaced")
        st:restore(s)
    """, grants)
    data, keys, _ = run(READ % ("sqlite", path), *grants)
    assert data["context"] == "replaced" and keys == ["conversation_id", "context", "bytes"]
