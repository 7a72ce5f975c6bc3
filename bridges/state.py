"""The ``state`` bridge: a key/value store a spell keeps across steps and runs.

``state.create{persistence = "memory" | "file" | "sqlite", path = ...}``
returns a state object::

    st:set("context.topic", "physics")   -- dotted paths descend into (and create) tables
    st:get("context.topic")               -- the value, or nil; st:get() is the whole state
    st:delete(key)  st:keys()  st:clear()
    st:transform{type = "filter" | "flatten" | "sanitize", keys = ..., patterns = ...}
    st:merge(other, {strategy = "shallow" | "deep", conflictResolution = "ours" | "theirs" | "error"})
    st:snapshot()  st:restore(id)

Values are JSON data: strings, numbers (64-bit integers, finite floats),
booleans and tables (arrays, or tables with string keys; an empty table is
an empty JSON object), nested at most :data:`MAX_DEPTH` deep.  A path segment
names a key of a table with string keys; arrays are values, never descended
into (so a key containing a dot cannot be addressed by a path).
``set(key, nil)`` deletes.  ``merge`` defaults to ``deep`` and ``theirs``;
values equal as data (``1`` and ``1.0`` too, as in Lua) never conflict, and
arrays are merged as whole values.

Invariants:

* Stored data is never mutated in place: a change copies the tables along its
  path and installs a new top-level dict.  So a snapshot is a reference to the
  data of the moment, and values handed to the script (copied by the host)
  never alias the store.
* A change is saved *before* it becomes visible: when saving fails the state
  (in memory and on disk) is as it was, and the spell gets an error.
* Persistence (every change is saved at once):

  - ``file``: the whole state as one JSON object (keys in insertion order,
    ASCII with ``\\u`` escapes, so any Lua string round-trips), written to a
    temporary file in the same directory, fsynced, then ``os.replace``-d
    over the old one — a crash leaves the old or the new file, never a mix;
  - ``sqlite``: table ``llmspell_state(key BLOB PRIMARY KEY, value TEXT)``,
    one row per top-level key (key = its UTF-8 bytes, value = its JSON text),
    insertion order = rowid order; each change is one transaction.

  Opening a path that exists loads it.  File and sqlite states need
  ``write:{path}`` and, when the path exists, ``read:{path}`` (the real path:
  symlinks and ``..`` resolved, relative to the current directory).
  Within a run one path is one state object.
* Snapshots live in the run (they are not persisted); ids are 1, 2, ... per
  state.  ``restore`` saves the restored data.
"""
from __future__ import annotations

import json
import math
import os
import sqlite3
import tempfile
from contextlib import closing, suppress

from .events import emit
from .host import BridgeFailure, BridgeObject, kind_of
from .registry import Field, intrinsic

#: deepest nesting of tables a state holds (keeps every walk over it bounded)
MAX_DEPTH = 100
REDACTED = "[REDACTED]"
DEFAULT_PATTERNS = ("password", "api_key", "token", "secret")
INT64 = (-(1 << 63), (1 << 63) - 1)

DELETE = object()       # the value that removes a key in _updated


def _changed(call, key, old, new):
    """Emit ``state.changed``: *key* (a path, or None for the whole state) went from *old* to *new*."""
    emit(call.host, "state.changed", {"key": key, "old": old, "new": new})


class State(BridgeObject):
    kind = "state"

    def __init__(self, store, data: dict):
        self.store = store
        self.data = data                  # never mutated in place (see the module docstring)
        self.snapshots: dict[int, dict] = {}

    def commit(self, call, data: dict, keys, path, old, new):
        """Save *data* (changed top-level *keys*, None = all), then make it current."""
        self.store.save(call, data, keys)
        self.data = data
        _changed(call, path, old, new)


# -- values ---------------------------------------------------------------------------------

def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _problem(call, value, where: str, depth: int = 0) -> str | None:
    """Why *value* (found at path *where*, *depth* tables down) cannot be stored, or None."""
    stack = [(value, where, depth)]
    seen = 0
    while stack:
        v, at, d = stack.pop()
        seen += 1
        t = type(v)
        if t is str or t is bool:
            continue
        if t is int:
            if not INT64[0] <= v <= INT64[1]:
                return f"the integer at '{at}' does not fit in 64 bits"
        elif t is float:
            if not math.isfinite(v):
                return f"the number at '{at}' is not finite"
        elif t is dict or t is list:
            if d >= MAX_DEPTH:
                return f"tables nested more than {MAX_DEPTH} deep at '{at}'"
            if t is list:
                stack.extend((x, f"{at}[{i + 1}]", d + 1) for i, x in enumerate(v))
                continue
            for k, x in v.items():
                if type(k) is not str:
                    return f"{_a(kind_of(k, arrays=True))} key in '{at}': state tables have string keys, or are arrays"
                stack.append((x, f"{at}.{k}" if at else k, d + 1))
        else:
            return (f"{_a(kind_of(v, arrays=True))} at '{at}' cannot be stored: "
                    "state values are strings, numbers, booleans and tables")
    call.rt.meter.charge(seen)
    return None


def _check_value(call, value, where: str, depth: int, arg: str = "value"):
    problem = _problem(call, value, where, depth)
    if problem is not None:
        raise BridgeFailure(f"bad argument '{arg}' ({problem})")


def _same(a, b) -> bool:
    """Equal as script data: numbers by value (1 == 1.0, as in Lua), tables by content."""
    ta, tb = type(a), type(b)
    if ta is dict or tb is dict:
        return ta is tb and a.keys() == b.keys() and all(_same(x, b[k]) for k, x in a.items())
    if ta is list or tb is list:
        return ta is tb and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return (ta is bool) == (tb is bool) and (ta is str) == (tb is str) and a == b


# -- paths ----------------------------------------------------------------------------------

def _split(path: str, arg: str = "key") -> list[str]:
    parts = path.split(".")
    if "" in parts:
        raise BridgeFailure(f"bad argument '{arg}' (empty segment in path '{path}')")
    return parts


def _lookup(data: dict, parts: list[str]):
    """The value at *parts*, or None when some table on the way lacks the key."""
    node = data
    for p in parts:
        if type(node) is not dict:
            return None
        node = node.get(p)
    return node


def _updated(data: dict, parts: list[str], value):
    """A copy of *data* with *value* at *parts* (``DELETE`` removes it), copying only
    the tables along the path; None when there is nothing to delete."""
    chain = [data]
    for i, p in enumerate(parts[:-1]):
        child = chain[-1].get(p)
        if type(child) is not dict:
            if value is DELETE:
                return None
            if child is not None:
                where = ".".join(parts[:i + 1])
                raise BridgeFailure(f"cannot set '{'.'.join(parts)}': '{where}' is {_a(kind_of(child, arrays=True))}, not a table")
            child = {}
        chain.append(child)
    if value is DELETE and parts[-1] not in chain[-1]:
        return None
    new = value
    for table, p in zip(reversed(chain), reversed(parts)):
        table = dict(table)
        if new is DELETE:
            del table[p]
        else:
            table[p] = new
        new = table
    return new


# -- transforms and merging -----------------------------------------------------------------

def _flatten(call, node: dict, prefix: str, out: dict) -> dict:
    """Leaves (non-tables, arrays and empty tables) keyed by their dotted path."""
    call.rt.meter.charge(len(node))
    for k, v in node.items():
        if type(v) is dict and v:
            _flatten(call, v, f"{prefix}{k}.", out)
        else:
            out[prefix + k] = v
    return out


def _sanitize(call, v, patterns: tuple):
    """A copy of *v* whose values under keys containing a pattern (any case) are redacted."""
    if type(v) is dict:
        call.rt.meter.charge(len(v))
        return {k: REDACTED if any(p in k.lower() for p in patterns) else _sanitize(call, x, patterns)
                for k, x in v.items()}
    if type(v) is list:
        call.rt.meter.charge(len(v))
        return [_sanitize(call, x, patterns) for x in v]
    return v


def _merge(call, ours: dict, theirs: dict, deep: bool, resolve: str, prefix: str = "") -> dict:
    """*ours* with *theirs* merged in; keys of *ours* first, then theirs' new keys."""
    call.rt.meter.charge(len(ours) + len(theirs))
    out = dict(ours)
    for k, v in theirs.items():
        if k not in out:
            out[k] = v
            continue
        mine = out[k]
        if deep and type(mine) is dict and type(v) is dict:
            out[k] = _merge(call, mine, v, deep, resolve, f"{prefix}{k}.")
        elif not _same(mine, v):
            if resolve == "error":
                raise BridgeFailure(f"merge conflict at '{prefix}{k}'")
            if resolve == "theirs":
                out[k] = v
    return out


# -- persistence ----------------------------------------------------------------------------

def _encode(call, value, indent=None) -> str:
    text = json.dumps(value, ensure_ascii=True, allow_nan=False, indent=indent)
    call.rt.meter.charge(len(text))
    return text


def _decode(text: str, what: str):
    try:
        value = json.loads(text)
    except ValueError as e:
        raise BridgeFailure(f"{what} is not valid JSON ({e})")
    except RecursionError:
        raise BridgeFailure(f"{what} is nested too deeply")
    return value


class MemoryStore:
    kind = "memory"
    path = None

    def save(self, call, data, keys):
        """Nothing to save: the data lives as long as the run."""


class FileStore:
    kind = "file"

    def __init__(self, path: str):
        self.path = path

    def load(self, call) -> dict:
        what = f"state file '{self.path}'"
        try:
            with open(self.path, "rb") as f:
                call.rt.meter.alloc(os.fstat(f.fileno()).st_size)
                raw = f.read()
        except OSError as e:
            raise BridgeFailure(f"cannot read {what}: {e.strerror or e}")
        call.rt.meter.charge(len(raw))
        data = _decode(raw.decode("utf-8", "surrogateescape"), what)
        if type(data) is not dict:
            raise BridgeFailure(f"{what} does not hold a JSON object")
        problem = _problem(call, data, "", 0)
        if problem is not None:
            raise BridgeFailure(f"{what} is not a state: {problem}")
        return data

    def save(self, call, data, keys):
        text = _encode(call, data, indent=2) + "\n"
        folder, name = os.path.split(self.path)
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="ascii") as f:
                    f.write(text)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                with suppress(OSError):
                    os.unlink(tmp)
                raise
            _fsync_dir(folder)
        except OSError as e:
            raise BridgeFailure(f"cannot save state file '{self.path}': {e.strerror or e}")


def _fsync_dir(folder: str):
    """Make the rename itself durable (POSIX: the directory entry lives in the directory)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


TABLE = "llmspell_state"
CREATE = f"CREATE TABLE IF NOT EXISTS {TABLE} (key BLOB PRIMARY KEY, value TEXT NOT NULL)"
UPSERT = f"INSERT INTO {TABLE} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"


def _key(k: str) -> bytes:
    """A key as stored: its bytes (a Lua string need not be valid UTF-8)."""
    return k.encode("utf-8", "surrogateescape")


class SqliteStore:
    kind = "sqlite"

    def __init__(self, path: str):
        self.path = path

    def load(self, call) -> dict:
        what = f"state database '{self.path}'"
        try:
            with closing(sqlite3.connect(self.path)) as db:
                if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone():
                    rows = db.execute(f"SELECT key, value FROM {TABLE} ORDER BY rowid").fetchall()
                else:
                    rows = []
        except sqlite3.Error as e:
            raise BridgeFailure(f"cannot read {what}: {e}")
        data = {}
        for k, text in rows:
            call.rt.meter.alloc(len(k) + len(text))
            call.rt.meter.charge(len(text))
            key = k.decode("utf-8", "surrogateescape")
            data[key] = _decode(text, f"the value of '{key}' in {what}")
        problem = _problem(call, data, "", 0)
        if problem is not None:
            raise BridgeFailure(f"{what} is not a state: {problem}")
        return data

    def save(self, call, data, keys):
        try:
            with closing(sqlite3.connect(self.path)) as db, db:     # commits, or rolls back on any exception
                db.execute("BEGIN IMMEDIATE")
                db.execute(CREATE)
                if keys is None:
                    db.execute(f"DELETE FROM {TABLE}")
                    keys = list(data)
                else:
                    db.executemany(f"DELETE FROM {TABLE} WHERE key = ?", [(_key(k),) for k in keys if k not in data])
                db.executemany(UPSERT, ((_key(k), _encode(call, data[k])) for k in keys if k in data))
        except sqlite3.Error as e:
            raise BridgeFailure(f"cannot save state database '{self.path}': {e}")


STORES = {"file": FileStore, "sqlite": SqliteStore}


# -- the intrinsics -------------------------------------------------------------------------

OPTIONS = Field("options", "table", extra=False, fields=(
    Field("persistence", "string", default="memory", enum=("memory", "file", "sqlite"),
          doc="memory (the run), file (one JSON document) or sqlite (a row per top-level key)"),
    Field("path", "string", doc="file and sqlite: where the state is saved; loaded when it exists"),
))


@intrinsic("state.create", params=(OPTIONS,), result=Field("state", "object"))
def create(call, options):
    """A new state; file and sqlite need write:{path} (and read:{path} when it exists)."""
    options = options or {}
    persistence, path = options.get("persistence", "memory"), options.get("path")
    if persistence == "memory":
        if path is not None:
            raise BridgeFailure("bad argument 'path' (only file and sqlite persistence use a path)")
        return State(MemoryStore(), {})
    if path is None:
        raise BridgeFailure(f"bad argument 'path' (string expected for persistence '{persistence}', got nil)")
    real = os.path.realpath(path)
    opened = _opened(call.host)
    if real in opened:
        st = opened[real]
        if st.store.kind != persistence:
            raise BridgeFailure(f"'{real}' is already open as a {st.store.kind} state")
        return st
    call.host.require(f"write:{real}")
    store = STORES[persistence](real)
    data = {}
    if os.path.exists(real):
        call.host.require(f"read:{real}")
        data = store.load(call)
    st = opened[real] = State(store, data)
    return st


def _opened(host) -> dict:
    """This run's file and sqlite states by real path: one object per path, so two
    handles never overwrite each other's saves."""
    opened = getattr(host, "states", None)
    if opened is None:
        opened = host.states = {}
    return opened


KEY = Field("key", "string", required=True, doc="a dotted path: 'context.topic'")


@intrinsic("state.get", params=(Field("key", "string", doc="a dotted path; none for the whole state"),),
           method_of="state")
def get(call, st, key):
    """The value at key (nil when absent), or the whole state as a table."""
    if key is None:
        return st.data
    return _lookup(st.data, _split(key))


@intrinsic("state.set", params=(KEY, Field("value", "any", doc="JSON data; nil deletes")), method_of="state")
def set_(call, st, key, value):
    """Set the value at key, creating the tables on the way; saved at once."""
    if value is None:
        delete(call, st, key)
        return None
    parts = _split(key)
    _check_value(call, value, key, len(parts))
    call.rt.meter.charge(len(st.data) + len(parts))
    st.commit(call, _updated(st.data, parts, value), (parts[0],), key, _lookup(st.data, parts), value)


@intrinsic("state.delete", params=(KEY,), result=Field("deleted", "boolean"), method_of="state")
def delete(call, st, key):
    """Remove the value at key; true when there was one."""
    parts = _split(key)
    call.rt.meter.charge(len(st.data) + len(parts))
    data = _updated(st.data, parts, DELETE)
    if data is None:
        return False
    st.commit(call, data, (parts[0],), key, _lookup(st.data, parts), None)
    return True


@intrinsic("state.keys", result=Field("keys", "array"), method_of="state")
def keys(call, st):
    """The top-level keys, in insertion order."""
    call.rt.meter.charge(len(st.data))
    return list(st.data)


@intrinsic("state.clear", method_of="state")
def clear(call, st):
    """Remove everything; saved at once."""
    st.commit(call, {}, None, None, st.data, {})


TRANSFORM = Field("spec", "table", required=True, extra=False, fields=(
    Field("type", "string", required=True, enum=("filter", "flatten", "sanitize")),
    Field("keys", "array", items=Field("key", "string"), doc="filter: the dotted paths to keep"),
    Field("patterns", "array", items=Field("pattern", "string"),
          doc="sanitize: key substrings (any case) whose values become [REDACTED]; "
              "default password, api_key, token, secret"),
))


@intrinsic("state.transform", params=(TRANSFORM,), result=Field("table", "table"), method_of="state")
def transform(call, st, spec):
    """A plain table from the state: filter (the given paths), flatten (dotted keys) or sanitize."""
    kind = spec["type"]
    if kind == "flatten":
        return _flatten(call, st.data, "", {})
    if kind == "sanitize":
        patterns = spec.get("patterns")
        return _sanitize(call, st.data, tuple(p.lower() for p in (DEFAULT_PATTERNS if patterns is None else patterns)))
    if spec.get("keys") is None:
        raise BridgeFailure("bad argument 'keys' (array expected for type 'filter', got nil)")
    out: dict = {}
    for path in spec["keys"]:
        parts = _split(path, "keys")
        value = _lookup(st.data, parts)
        if value is not None:
            out = _updated(out, parts, value)
    return out


MERGE = Field("options", "table", extra=False, fields=(
    Field("strategy", "string", default="deep", enum=("shallow", "deep"),
          doc="deep merges tables present on both sides key by key; shallow replaces top-level values"),
    Field("conflictResolution", "string", default="theirs", enum=("ours", "theirs", "error"),
          doc="which value wins where both sides differ; error fails naming the path"),
))


@intrinsic("state.merge", params=(Field("other", "object|table", required=True, doc="a state or a table"), MERGE),
           result=Field("state", "object"), method_of="state")
def merge(call, st, other, options):
    """A new (memory) state: this one with other merged in; both are left unchanged."""
    options = options or {}
    if isinstance(other, BridgeObject):
        if not isinstance(other, State):
            raise BridgeFailure(f"bad argument 'other' (state or table expected, got {other.kind})")
        theirs = other.data
    elif type(other) is list:
        raise BridgeFailure("bad argument 'other' (a state or a table with string keys expected, got an array)")
    else:
        _check_value(call, other, "", 0, "other")
        theirs = other
    merged = _merge(call, st.data, theirs, options.get("strategy", "deep") == "deep",
                    options.get("conflictResolution", "theirs"))
    return State(MemoryStore(), merged)


@intrinsic("state.snapshot", result=Field("id", "integer"), method_of="state")
def snapshot(call, st):
    """Remember the current data (for this run); returns an id for restore."""
    sid = len(st.snapshots) + 1
    st.snapshots[sid] = st.data
    return sid


@intrinsic("state.restore", params=(Field("id", "integer", required=True),), method_of="state")
def restore(call, st, sid):
    """Go back to a snapshot's data; saved at once.  The snapshot stays available."""
    data = st.snapshots.get(sid)
    if data is None:
        raise BridgeFailure(f"bad argument 'id' (no snapshot {sid} of this state)")
    st.commit(call, data, None, None, st.data, data)
