"""Hostile spells (issue #7): every one ends cleanly — a LimitExceeded, a script
error (permission denials included) or a harmless value — with its position,
within its limits, never reaching a Python object, and the host unharmed.

One table drives one test.  ``{tmp}`` in a source is a private folder holding a
file ``inside.txt`` and a symlink ``out`` to ``/etc``; spells are granted
``read:{tmp}`` (plus the default ``tool:*``) only where their case says so.
"""
from __future__ import annotations

import os
import sys
import threading
from typing import NamedTuple

import pytest
from llmspell.sandbox.policy import Limits, Policy

import llmspell

SMALL = {"max_instructions": 200_000, "max_memory": 5_000_000}
#: memory bombs get fuel enough to reach the memory limit first
MEM = {"max_instructions": 5_000_000, "max_memory": 2_000_000}
#: text no script-visible value or message may contain: the marks of a Python object
PYTHON_MARKS = ("<class", "object at 0x", "Traceback", "<built-in", "<function", "<module", "__globals__",
                "<bound method")


class Case(NamedTuple):
    lang: str           # "lua" | "javascript" | "tengo"
    name: str           # what it attacks (the test id)
    src: str
    expect: tuple       # ("limit", KINDS) | ("error", FRAGMENT) | ("compile", FRAGMENT) | ("output", TEXT)
    limits: dict = SMALL
    grants: tuple | None = None     # None: the default grants


def L(name, src, expect, **kw):
    return Case("lua", name, src, expect, **kw)


def J(name, src, expect, **kw):
    return Case("javascript", name, src, expect, **kw)


def T(name, src, expect, **kw):
    return Case("tengo", name, src, expect, **kw)


def limit(*kinds):
    return ("limit", kinds)


BOMB = limit("memory", "string length")


def error(fragment):
    return ("error", fragment)


def denied(capability):
    return ("error", f"permission denied: needs {capability}")


DEEP = 10_000
CASES = [
    # -- infinite loops ---------------------------------------------------------------------
    L("while-true", "local n = 0\nwhile true do n = n + 1 end", limit("instructions")),
    L("goto-loop", "::top:: goto top", limit("instructions")),
    L("pcall-cannot-swallow", "while true do pcall(function() while true do end end) end", limit("instructions")),
    J("for-ever", "let n = 0;\nfor (;;) { n++; }", limit("instructions")),
    J("catch-cannot-swallow", "for (;;) { try { for (;;) {} } catch (e) {} finally { continue; } }",
      limit("instructions")),
    T("for-ever", "n := 0\nfor { n++ }", limit("instructions")),

    # -- memory bombs -----------------------------------------------------------------------
    L("table-growth", "local t = {}\nwhile true do t[#t + 1] = {} end", BOMB, limits=MEM),
    L("string-doubling", 'local s = "x"\nwhile true do s = s .. s end', BOMB, limits=MEM),
    L("string.rep-huge", 'local s = string.rep("x", 1e9)', BOMB, limits=MEM),
    L("string.rep-sep-huge", 'local s = ("x"):rep(1e8, ",")', BOMB, limits=MEM),
    L("table.concat-growth", 'local t = {}\nfor i = 1, 1e7 do t[i] = "abcdefgh" end\nlocal s = table.concat(t)',
      BOMB, limits=MEM),
    J("array-growth", "const a = [];\nfor (;;) a.push([]);", BOMB, limits=MEM),
    J("string-doubling", "let s = 'x';\nfor (;;) s += s;", BOMB, limits=MEM),
    J("repeat-huge", "'x'.repeat(1e8);", BOMB, limits=MEM),
    J("array-length-fill", "new Array(1e8).fill(0);", BOMB, limits=MEM),
    J("padStart-huge", "'x'.padStart(1e8, 'ab');", BOMB, limits=MEM),
    J("join-huge", "Array(1e7).join('abcdefgh');", BOMB, limits=MEM),
    T("array-growth", "a := []\nfor { a = append(a, [1]) }", BOMB, limits=MEM),
    T("string-doubling", 's := "x"\nfor { s = s + s }', BOMB, limits=MEM),
    T("text.repeat-huge", 'text := import("text")\nx := text.repeat("x", 1000000000)', BOMB, limits=MEM),
    T("bytes-huge", "b := bytes(1000000000)", BOMB, limits=MEM),

    # -- deep recursion, direct and through the library ---------------------------------------
    L("recursion", "local function f(n) return f(n + 1) + 1 end\nf(1)", limit("call depth")),
    L("__index-recursion", "local t = setmetatable({}, {__index = function(t, k) return t[k] end})\nlocal x = t.x",
      limit("call depth")),
    L("__tostring-recursion", "local t\nt = setmetatable({}, {__tostring = function(x) return tostring(x) end})\n"
      "print(t)", limit("call depth")),
    L("__add-recursion", "local m = {}\nm.__add = function(a, b) return a + b end\n"
      "local x = setmetatable({}, m) + 1", limit("call depth")),
    L("sort-comparator-recursion", "local function f(a, b) table.sort({3, 2, 1}, f) return a < b end\n"
      "table.sort({3, 2, 1}, f)", limit("call depth")),
    L("gsub-callback-recursion", 'local function f(s) return (s:gsub(".", f)) end\nf("abc")', limit("call depth")),
    L("pcall-recursion", "local function f() return pcall(f) end\nf()", limit("call depth")),
    J("recursion", "function f(n) { return f(n + 1) + 1; }\nf(1);", limit("call depth")),
    J("getter-recursion", "const o = { get x() { return this.x; } };\no.x;", limit("call depth")),
    J("toString-recursion", "const o = { toString() { return `${this}`; } };\nString(o);", limit("call depth")),
    J("map-callback-recursion", "function f() { return [1, 2].map(f); }\nf();", limit("call depth")),
    J("toJSON-recursion", "const o = { toJSON() { return JSON.stringify(this); } };\nJSON.stringify(o);",
      limit("call depth")),
    J("replace-callback-recursion", "function f(s) { return s.replace(/./g, f); }\nf('abc');", limit("call depth")),
    T("recursion", "f := func(n) { return f(n + 1) + 1 }\nf(1)", limit("call depth")),
    T("enum.map-callback-recursion", 'enum := import("enum")\nf := func(k, v) { return enum.map([1, 2], f) }\n'
      "f(0, 0)", limit("call depth")),

    # -- catastrophic backtracking: the matchers are metered ---------------------------------
    L("pattern-backtracking", 'local s = string.rep("a", 3000)\nlocal x = s:find(".-.-.-.-.-b")',
      limit("instructions")),
    L("gmatch-backtracking", 'for w in string.rep("a", 3000):gmatch("a*a*a*a*b") do end', limit("instructions")),
    J("regexp-nested-plus", "/(a+)+$/.test('a'.repeat(40) + '!');", limit("instructions")),
    J("regexp-alternation", "/^(a|a)*$/.test('a'.repeat(40) + 'b');", limit("instructions")),
    J("regexp-backreference", "/^(a*)*\\1b$/.test('a'.repeat(40));", limit("instructions")),
    T("re_match-nested-plus", 'text := import("text")\nx := text.re_match("(a+)+$", "' + "a" * 40 + '!")',
      limit("instructions")),
    T("re_find-big-input", 'text := import("text")\nx := text.re_find("(a|aa)*c", text.repeat("a", 100000), -1)',
      limit("instructions")),

    # -- sort with a lying or failing comparator: a result or a clean error --------------------
    L("sort-lying-comparator", "local t = {}\nfor i = 1, 50 do t[i] = i % 7 end\n"
      "table.sort(t, function(a, b) return true end)", error("invalid order function")),
    L("sort-failing-comparator", 'table.sort({3, 2, 1}, function(a, b) error("boom") end)', error("boom")),
    L("sort-mixed-types", 'table.sort({3, "x", 1})', error("attempt to compare")),
    L("sort-mutating-comparator", "local t = {5, 4, 3, 2, 1}\n"
      "table.sort(t, function(a, b) t[#t + 1] = 0; t[1] = nil; return (a or 0) < (b or 0) end)\n"
      'print("done")', ("output", "done\n")),
    J("sort-lying-comparator", "const a = [5, 1, 4, 2, 3];\na.sort(() => 1);\nconsole.log(a.length);",
      ("output", "5\n")),
    # a comparator that sorts again: each level is C recursion inside the sort
    # (this segfaulted the host before deep limits ran on a thread sized for them)
    J("sort-recursive-comparator", "function c(a, b) { [3, 2, 1].sort(c); return a - b; }\n[3, 2, 1].sort(c);",
      limit("call depth"), limits={"max_instructions": 5_000_000, "max_memory": 50_000_000}),
    J("to-string-of-deep-nesting", "let t = [];\nfor (let i = 0; i < 10000; i++) t = [t];\nString(t);",
      limit("call depth"), limits={"max_instructions": 5_000_000, "max_memory": 50_000_000}),
    J("sort-failing-comparator", "[3, 2, 1].sort(() => { throw new Error('boom'); });", error("boom")),
    J("sort-mutating-comparator", "const a = [5, 4, 3, 2, 1];\n"
      "a.sort((x, y) => { a.length = 0; a.push(9, 8); return x - y; });\nconsole.log(a.length);",
      ("output", "5\n")),

    # -- coroutine and generator bombs ---------------------------------------------------------
    L("coroutine-hoard", "local t = {}\nwhile true do\n  local co = coroutine.create(function() coroutine.yield() end)\n"
      "  coroutine.resume(co)\n  t[#t + 1] = co\nend", BOMB, limits=MEM),
    L("coroutine-nesting", "local function f() return coroutine.wrap(f)() end\nf()",
      error("C stack overflow")),
    L("coroutine-yield-loop", "local co = coroutine.wrap(function() while true do coroutine.yield(1) end end)\n"
      "while true do co() end", limit("instructions")),
    J("generator-endless", "function* g() { let i = 0; for (;;) yield i++; }\nfor (const x of g()) {}",
      limit("instructions")),
    J("generator-spread", "function* g() { for (;;) yield 1; }\nconst a = [...g()];", BOMB, limits=MEM),
    J("generator-delegation-recursion", "function* g() { yield* g(); }\ng().next();", limit("call depth")),
    J("async-recursion", "async function f() { await f(); }\nf();", limit("call depth")),
    J("promise-chain", "let p = Promise.resolve(0);\nfor (;;) p = p.then((x) => x + 1);", BOMB, limits=MEM),

    # -- path escapes through the file tools -------------------------------------------------
    L("read-dotdot", 'tools.call("file_read", {path = "../../../../../../etc/passwd"})', denied("read:/etc/passwd")),
    L("read-absolute", 'tools.call("file_read", {path = "/etc/passwd"})', denied("read:/etc/passwd")),
    L("read-granted-dotdot", 'tools.call("file_read", {path = "{tmp}/../../../../../../../../../../etc/passwd"})',
      denied("read:/etc/passwd"), grants=("tool:*", "read:{tmp}")),
    L("read-through-symlink", 'tools.call("file_read", {path = "{tmp}/out/passwd"})', denied("read:/etc/passwd"),
      grants=("tool:*", "read:{tmp}")),
    L("write-through-symlink", 'tools.call("file_write", {path = "{tmp}/out/evil", content = "x"})',
      denied("write:/etc/evil"), grants=("read:{tmp}", "write:{tmp}", "tool:*")),
    L("list-outside", 'tools.call("file_list", {path = "/"})', denied("read:/")),
    J("read-dotdot", 'tools.call("file_read", {path: "../../../../../../etc/passwd"});', denied("read:/etc/passwd")),
    J("read-through-symlink", 'tools.call("file_read", {path: "{tmp}/out/passwd"});', denied("read:/etc/passwd"),
      grants=("tool:*", "read:{tmp}")),
    J("read-granted-dotdot", 'tools.call("file_read", {path: "{tmp}/../../../../../../../../../../etc/passwd"});',
      denied("read:/etc/passwd"), grants=("tool:*", "read:{tmp}")),
    T("read-dotdot", 'fmt := import("fmt")\nr := tools.call("file_read", {path: "../../../../../../etc/passwd"})\n'
      "fmt.println(r.value)", ("output", "permission denied: needs read:/etc/passwd")),
    T("read-through-symlink", 'fmt := import("fmt")\nr := tools.call("file_read", {path: "{tmp}/out/passwd"})\n'
      "fmt.println(r.value)", ("output", "permission denied: needs read:/etc/passwd"), grants=("tool:*", "read:{tmp}")),

    # -- environment: there is no way to read it ------------------------------------------------
    L("os.getenv", 'local home = os.getenv("HOME")', error("getenv")),
    L("io-popen", 'local p = io.popen("env")', error("popen")),
    L("require-os", 'local home = require("os").getenv("HOME")', error("getenv")),
    L("require-io", 'local p = require("io").popen("env")', error("popen")),
    L("require-path", 'local m = require("../../../../etc/passwd")', error("not found")),
    J("process.env", "const home = process.env.HOME;", error("process is not defined")),
    J("globalThis.process", "console.log(typeof globalThis.process, typeof require);",
      ("output", "undefined undefined\n")),
    T("import-os", 'os := import("os")\nx := os.getenv("HOME")', ("compile", "os")),

    # -- network to a host not granted: refused before any connection --------------------------
    L("http-private-ip", 'tools.call("http_get", {url = "http://10.0.0.1/"})', denied("net:10.0.0.1")),
    L("http-other-host", 'tools.call("http_get", {url = "http://10.0.0.1:8080/"})', denied("net:10.0.0.1"),
      grants=("tool:*", "net:example.com")),
    J("http-example.com", 'tools.call("http_request", {url: "https://example.com/", method: "POST"});',
      denied("net:example.com")),
    T("http-private-ip", 'fmt := import("fmt")\nr := tools.call("http_get", {url: "http://10.0.0.1/"})\n'
      "fmt.println(r.value)", ("output", "permission denied: needs net:10.0.0.1")),

    # -- attribute walks toward Python internals --------------------------------------------------
    L("walk-string", 'local s = "x"\nprint(s.__class__, s.__dict__, s.__len__)', ("output", "nil\tnil\tnil\n")),
    L("walk-table", "local t = {}\nprint(t.__class__, t.__dict__, rawget(t, '__class__'), getmetatable(t))",
      ("output", "nil\tnil\tnil\tnil\n")),
    L("walk-function", "local x = print.__globals__", error("attempt to index")),
    L("walk-bridge", "print(tools.__dict__, tools.__class__, llm.__globals__, type(tools.call))",
      ("output", "nil\tnil\tnil\tfunction\n")),
    L("walk-bridge-function", "local x = tools.call.__globals__", error("attempt to index")),
    L("walk-error-value", "local ok, e = pcall(function() local x = nil + 1 end)\n"
      "print(type(e), e.__class__, e.__traceback__)", ("output", "string\tnil\tnil\n")),
    L("walk-state-object", "local st = state.create()\nprint(st.__dict__, st.__class__, st._store)",
      ("output", "nil\tnil\tnil\n")),
    J("walk-string", "const s = 'x';\nconsole.log(s.__class__, s.__dict__, s.constructor.__subclasses__);",
      ("output", "undefined undefined undefined\n")),
    J("walk-object", "const o = {};\nconsole.log(o.__class__, o.__dict__, o.__proto__.__class__, "
      "Object.getOwnPropertyNames(o).length);", ("output", "undefined undefined undefined 0\n")),
    J("walk-function", "function f() {}\nconsole.log(f.__globals__, f.__code__, f.__closure__);",
      ("output", "undefined undefined undefined\n")),
    J("function-constructor", "const F = (function () {}).constructor;\nF('return this')();", error("")),
    J("walk-bridge", "console.log(tools.__dict__, llm.__class__, llm.complete.__globals__, typeof tools.call);",
      ("output", "undefined undefined undefined function\n")),
    J("walk-error", "try { null.x; } catch (e) {\n  console.log(e.__class__, e.__traceback__, e.constructor.name);\n}",
      ("output", "undefined undefined TypeError\n")),
    J("walk-bridge-keys", "console.log(Object.keys(tools).concat(Object.keys(llm)).every((k) => !k.startsWith('_')));",
      ("output", "true\n")),
    T("walk-map", 'fmt := import("fmt")\nm := {}\nfmt.println(is_undefined(m.__class__), is_undefined(m.__dict__))',
      ("output", "truetrue\n")),
    T("walk-string", 's := "x"\nx := s.__class__', error("")),
    T("walk-function", "f := func() {}\nx := f.__globals__", error("")),
    T("walk-bridge", 'fmt := import("fmt")\nfmt.println(is_undefined(tools.__dict__), is_undefined(llm.__class__))',
      ("output", "truetrue\n")),
    T("walk-error", 'e := error("x")\nx := e.__class__', error("invalid index on error")),

    # -- huge or deeply nested JSON -------------------------------------------------------------
    L("json_parse-deep", 'local r = tools.call("json_parse", {text = string.rep("[", 2000) .. string.rep("]", 2000)})',
      error("nested more than")),
    J("JSON.parse-deep", "JSON.parse('['.repeat(100000) + ']'.repeat(100000));", error("nested deeper")),
    J("JSON.parse-huge", "JSON.parse('[' + '1,'.repeat(1e6) + '1]');", BOMB),
    J("json_parse-tool-deep", "tools.call('json_parse', {text: '['.repeat(2000) + ']'.repeat(2000)});",
      error("nested more than")),
    T("json.decode-deep", 'json := import("json")\ntext := import("text")\n'
      'x := json.decode(text.repeat("[", 100000) + text.repeat("]", 100000))', BOMB),

    J("JSON.stringify-deep", f"let t = [];\nfor (let i = 0; i < {DEEP}; i++) t = [t];\nJSON.stringify(t);",
      error("Maximum call stack size exceeded")),
    J("regexp-deep-groups", "new RegExp('('.repeat(10000) + ')'.repeat(10000));", error("nested more than")),
    T("re_match-deep-groups", 'text := import("text")\n'
      'x := text.re_match(text.repeat("(", 10000) + text.repeat(")", 10000), "x")', error("nested more than")),
    T("print-deep", f'fmt := import("fmt")\nt := []\nfor i := 0; i < {DEEP}; i++ {{ t = [t] }}\nfmt.println(t)',
      error("nested too deeply to print")),
    T("json.encode-deep", f'json := import("json")\nt := []\nfor i := 0; i < {DEEP}; i++ {{ t = [t] }}\n'
      "x := json.encode(t)", error("nested too deeply to encode")),

    # -- deeply nested data handed to a bridge ----------------------------------------------------
    L("nested-to-state", f"local t = {{}}\nfor i = 1, {DEEP} do t = {{t}} end\n"
      "local st = state.create()\nst:set('k', t)", error("value nested too deeply to pass to the host")),
    L("nested-to-llm", f"local t = {{}}\nfor i = 1, {DEEP} do t = {{t}} end\n"
      "llm.complete({model = 'scripted/reverse', prompt = 'x', metadata = t})", error("value nested too deeply to pass to the host")),
    L("cyclic-to-state", "local t = {}\nt.self = t\nlocal st = state.create()\nst:set('k', t)", error("value nested too deeply to pass to the host")),
    J("nested-to-state", f"let t = [];\nfor (let i = 0; i < {DEEP}; i++) t = [t];\n"
      "state.create().set('k', t);", error("value nested too deeply to pass to the host")),
    J("nested-to-llm", f"let t = {{}};\nfor (let i = 0; i < {DEEP}; i++) t = {{t}};\n"
      "await llm.complete({model: 'scripted/reverse', prompt: 'x', metadata: t});", error("value nested too deeply to pass to the host")),
    J("cyclic-to-json_stringify", "const o = {};\no.o = o;\ntools.call('json_stringify', {value: o});", error("value nested too deeply to pass to the host")),
    T("nested-to-state", f"t := []\nfor i := 0; i < {DEEP}; i++ {{ t = [t] }}\n"
      "fmt := import(\"fmt\")\nfmt.println(state.create().set(\"k\", t))",
      ("output", 'error: "state.set: value nested too deeply to pass to the host"\n')),
]

EXT = {"lua": "lua", "javascript": "js", "tengo": "tengo"}
TRIVIAL = {"lua": 'print("ok")', "javascript": 'console.log("ok");', "tengo": 'fmt := import("fmt")\nfmt.println("ok")'}


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    """A real folder with a file inside and a symlink ``out`` leading to /etc."""
    folder = os.path.realpath(tmp_path_factory.mktemp("hostile"))
    with open(os.path.join(folder, "inside.txt"), "w") as f:
        f.write("inside\n")
    os.symlink("/etc", os.path.join(folder, "out"))
    return folder


def host_state():
    """What a spell must not change in the host process."""
    return sys.getrecursionlimit(), len(os.listdir("/proc/self/fd")), threading.active_count()


def assert_unharmed(before):
    """Nothing a spell could leave behind is more than before (another test's
    server thread may end meanwhile, so fewer is fine)."""
    after = host_state()
    assert after[0] == before[0] and after[1] <= before[1] and after[2] <= before[2], (before, after)


def limit_value(kind: str, limits: Limits):
    return {"instructions": limits.max_instructions, "memory": limits.max_memory,
            "call depth": limits.max_depth, "string length": limits.max_string}[kind]


def check_error(case: Case, e, limits: Limits) -> str:
    """*e* is the clean error *case* expects; returns the text the spell's user sees."""
    kind, want = case.expect
    if isinstance(e, llmspell.LimitExceeded):
        assert kind == "limit" and e.limit in want, f"{e} (expected {case.expect})"
        assert e.count == limit_value(e.limit, limits)
        return str(e)
    expected_type = {"error": llmspell.ScriptError, "compile": (llmspell.ParseError, llmspell.CompileError)}
    assert isinstance(e, expected_type.get(kind, ())) and want in e.message, f"{e!r} (expected {case.expect})"
    return e.message


def test_the_table_covers_every_language():
    counts = {lang: sum(c.lang == lang for c in CASES) for lang in EXT}
    assert len(CASES) >= 40 and min(counts.values()) >= 10, counts
    assert len({(c.lang, c.name) for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.lang}-{c.name}" for c in CASES])
def test_hostile_spell_ends_cleanly(case, tmp):
    src = case.src.replace("{tmp}", tmp)
    name = f"{case.name}.{EXT[case.lang]}"
    limits = Limits(**case.limits)
    policy = Policy(limits=limits) if case.grants is None else \
        Policy(limits=limits, grants=tuple(g.replace("{tmp}", tmp) for g in case.grants))
    before = host_state()
    kind, want = case.expect
    try:
        result = llmspell.run(src, lang=case.lang, name=name, policy=policy)
    except llmspell.LlmspellError as e:
        text = check_error(case, e, limits)
        assert e.span.file == name and e.span.line >= 1, f"no position: {e.span}"
    else:
        assert kind == "output", f"ran to the end (expected {case.expect}); output {result.output!r}"
        assert want in result.output
        assert result.instructions <= limits.max_instructions and result.alloc_bytes <= limits.max_memory
        text = result.output + repr(result.values)
    assert not any(mark in text for mark in PYTHON_MARKS), text
    # the host is unharmed: a trivial spell runs and nothing in the process changed
    assert llmspell.run(TRIVIAL[case.lang], lang=case.lang, name=f"after.{EXT[case.lang]}").output == "ok\n"
    assert_unharmed(before)
