"""Differential tests of the ``table`` library against real Lua 5.4 (lupa).

Every expected value and error message comes from lupa, evaluated in the test.
This module also holds the small differential harness the math/os/utf8 library
tests import (``make_rt``, ``check``, ...).
"""
from __future__ import annotations

import math
import re
import types

import pytest
from hypothesis import given, settings, strategies as st
from lupa import lua54

from llmspell.ir.errors import LimitExceeded
from llmspell.sandbox.policy import Limits, Policy
from llmspell.vm.lua import ltable
from llmspell.vm.lua.lauxlib import type_name
from llmspell.vm.lua.runtime import LuaRuntime
from llmspell.vm.runtime import ScriptThrow
from llmspell.vm.values import Table, as_latin1, byte_len, from_bytes, to_bytes

LUA = lua54.LuaRuntime(encoding=None)
_PREFIX = re.compile(rb'^\[string "[^"]*"\]:\d+: ')


# -- harness ------------------------------------------------------------------------------
# rt.lt / rt.len / rt.eq are the lead's; until they exist these stand-ins give
# Lua's semantics for the cases the tests use.
def _stub_lt(rt, a, b):
    num = (int, float)
    if type(a) in num and type(b) in num:
        return a < b
    if type(a) is str and type(b) is str:
        return as_latin1(a) < as_latin1(b)
    h = rt._meta(a, "__lt") or rt._meta(b, "__lt")
    if h is not None:
        r = rt.call1(h, a, b)
        return r is not None and r is not False
    ta, tb = type_name(a), type_name(b)
    rt.error(f"attempt to compare two {ta} values" if ta == tb else f"attempt to compare {ta} with {tb}")


def _stub_len(rt, v):
    h = rt._meta(v, "__len")
    if h is not None:
        return rt.call1(h, v)
    if type(v) is Table:
        return v.length()
    if type(v) is str:
        return byte_len(v)
    rt.error(f"attempt to get length of a {type_name(v)} value")


def _stub_eq(rt, a, b):
    return a is b or (type(a) is not Table and type(a) is type(b) and a == b)


def make_rt(**policy) -> LuaRuntime:
    rt = LuaRuntime(Policy(**policy))
    for name, stub in (("lt", _stub_lt), ("len", _stub_len), ("eq", _stub_eq)):
        if not hasattr(rt, name):
            setattr(rt, name, types.MethodType(stub, rt))
    return rt


def is_lua_table(v) -> bool:
    return lua54.lua_type(v) == "table"


def to_ours(v):
    """A value lupa returned, as our VM represents it."""
    if type(v) is bytes:
        return from_bytes(v)
    if is_lua_table(v):
        t = Table()
        for k, x in v.items():
            t.set(to_ours(k), to_ours(x))
        return t
    return v


def norm(v):
    """A comparable form of a value from either side (floats keep the sign of
    zero and of NaN, integers and floats stay apart)."""
    if v is None or type(v) is bool:
        return v
    if type(v) is int:
        return ("int", v)
    if type(v) is float:
        return ("float", "nan" if v != v else v, math.copysign(1.0, v))
    if type(v) is str:
        return to_bytes(v)
    if type(v) is bytes:
        return v
    if type(v) is Table or is_lua_table(v):
        return ("table", {norm(k): norm(x) for k, x in v.items()})
    return "function"


def lua_args(src: str) -> list:
    """Evaluate a Lua expression list in real Lua, converted to our values."""
    r = LUA.execute(f"return table.pack({src})")
    return [to_ours(r[i]) for i in range(1, r[b"n"] + 1)]


def lua_outcome(code: str, *extra):
    """Run ``return <code>`` in real Lua (inside a function, so errors carry
    the call's name): ("ok", [results], *extras) or ("err", message, *extras).
    *extra* names Lua locals (set up in *code*'s prefix) to return too."""
    prefix, _, expr = code.rpartition(";")
    tail = ", ".join(extra)
    chunk = (f"{prefix}; local ok, r = pcall(function() return table.pack({expr}) end) "
             f"return ok, r{', ' + tail if tail else ''}")
    ok, r, *rest = LUA.execute(chunk)
    rest = [norm(x) for x in rest]
    if not ok:
        return ("err", _PREFIX.sub(b"", r), *rest)
    return ("ok", [norm(r[i]) for i in range(1, r[b"n"] + 1)], *rest)


def our_outcome(fn, args, *extra):
    try:
        res = fn(*args)
    except ScriptThrow as e:
        return ("err", to_bytes(e.value), *(norm(x) for x in extra))
    vals = list(res) if type(res) is tuple else [res]
    return ("ok", [norm(v) for v in vals], *(norm(x) for x in extra))


def check(fn, name: str, src: str):
    """``fn(<src>)`` here gives what ``name(<src>)`` gives in real Lua."""
    assert our_outcome(fn, lua_args(src)) == lua_outcome(f"{name}({src})"), src


# -- table-specific helpers -----------------------------------------------------------------
@pytest.fixture
def rt():
    return make_rt()


@pytest.fixture
def T(rt):
    return ltable.open(rt).hash


def check_mut(fn, name: str, table_src: str, rest_src: str = ""):
    """``name(t, <rest>)`` on ``t = <table_src>``: same results (or error) and
    the same table afterwards."""
    t = lua_args(table_src)[0]
    rest = lua_args(rest_src) if rest_src else []
    ours = our_outcome(fn, [t, *rest], t)
    sep = ", " if rest_src else ""
    theirs = lua_outcome(f"local t = {table_src}; {name}(t{sep}{rest_src})", "t")
    assert ours == theirs, (table_src, rest_src)


def lua_list(items) -> str:
    return "{" + ", ".join(items) + "}"


# -- concat ---------------------------------------------------------------------------------
@pytest.mark.parametrize("src", [
    '{}', '{1, 2, 3}', '{1, 2, 3}, ", "', '{"a", "b", "c"}, "-", 2', '{"a", "b", "c"}, "", 2, 3',
    '{"a", "b", "c"}, "x", 3, 2', '{1.5, 2^63, 1e100, -0.0, 1/0}, " "', '{1, 2, 3}, 4',
    '{1, {}, 3}', '{1, 2, 3}, ",", 2, 5', '{1, 2}, {}', '{1, 2}, ",", 1.5', '{1, 2}, ",", "1", "2"',
    '{[0] = "z", "a"}, "", 0', '{1, true}', '1', 'nil', '"abc"', '{"x"}, nil, nil, 1',
])
def test_concat(T, src):
    check(T["concat"], "table.concat", src)


def test_concat_result_is_canonical_string(T):
    """Pieces whose bytes only together form a UTF-8 sequence give the same
    script string as the sequence itself (one spelling per byte string)."""
    t = lua_args('{"\\xc3", "\\xa9", "x"}')[0]
    assert T["concat"](t) == "\u00e9x" == from_bytes(LUA.execute('return table.concat({"\\xc3", "\\xa9", "x"})'))


def test_concat_large_and_metered():
    rt = make_rt(limits=Limits(max_string=1000))
    T = ltable.open(rt).hash
    t = Table([None, *(["ab"] * 10_000)])
    with pytest.raises(LimitExceeded):
        T["concat"](t)
    t = Table([None, *([str(i) for i in range(10_000)])])
    rt = make_rt()
    assert ltable.open(rt).hash["concat"](t, ",") == ",".join(str(i) for i in range(10_000))


# -- insert / remove -----------------------------------------------------------------------
@pytest.mark.parametrize("table_src", ['{}', '{1, 2, 3}', '{"a", "b"}', '{1, 2, [5] = 5}'])
@pytest.mark.parametrize("rest", ['"v"', '1, "v"', '2, "v"', '3, "v"', '4, "v"', '5, "v"', '0, "v"',
                                  '-1, "v"', '"2", "v"', '1.5, "v"', '2.0, "v"', '1, nil', '2, nil',
                                  '1, 2, 3', 'nil, "v"', 'math.mininteger, 1'])
def test_insert(T, table_src, rest):
    check_mut(T["insert"], "table.insert", table_src, rest)


def test_insert_argument_errors(T):
    check(T["insert"], "table.insert", "{1}")
    check(T["insert"], "table.insert", "nil, 1")
    check(T["insert"], "table.insert", "1, 2")


def test_insert_shifts_into_hash_part(T):
    # t[4] lives in the hash part until the array part grows into it
    t = Table([None, 1, 2, 3])
    t.set(5, "five")
    T["insert"](t, 1, 0)
    assert [t.get(i) for i in range(1, 7)] == [0, 1, 2, 3, "five", None]
    assert t.length() == 5 and list(t.items()) == [(1, 0), (2, 1), (3, 2), (4, 3), (5, "five")]


@pytest.mark.parametrize("table_src", ['{}', '{1, 2, 3}', '{"a", "b"}', '{[0] = "zero"}',
                                       '{[0] = "zero", "one"}', '{1, 2, [4] = 4}'])
@pytest.mark.parametrize("rest", ['', '1', '2', '3', '4', '5', '0', '-1', 'nil', '"1"', '1.5'])
def test_remove(T, table_src, rest):
    check_mut(T["remove"], "table.remove", table_src, rest)


def test_remove_argument_errors(T):
    check(T["remove"], "table.remove", "1")
    check(T["remove"], "table.remove", "nil")


# -- move ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("rest", ['1, 3, 2', '1, 3, 1', '2, 4, 1', '1, 4, 3', '3, 1, 1', '1, 0, 5',
                                  '-2, 2, 4', '1, 2, 6', '1, 3, 2, {}', '2, 3, 1, {9, 9, 9}',
                                  '1, 3, 2, nil', '1, math.maxinteger, 2', '-1, math.maxinteger, 1',
                                  'math.mininteger, -1, 1', '1, 2, math.maxinteger', '1.5, 2, 3',
                                  '1, 3, 2, 5', '"1", "2", "3"'])
def test_move(T, rest):
    check_mut(T["move"], "table.move", "{1, 2, 3, 4}", rest)


def test_move_returns_destination_and_same_table_overlap(T):
    t = Table([None, 1, 2, 3, 4])
    assert T["move"](t, 1, 3, 2, t) is t
    assert norm(t) == lua_outcome("local t = {1, 2, 3, 4}; table.move(t, 1, 3, 2, t)", "t")[2]
    check(T["move"], "table.move", "1, 1, 2, 3")


# -- pack / unpack -----------------------------------------------------------------------------
@pytest.mark.parametrize("src", ['', 'nil', '1, nil', 'nil, nil, 3', '1, 2, 3', '"a", {}, false'])
def test_pack(T, src):
    check(T["pack"], "table.pack", src)


@pytest.mark.parametrize("src", ['{}', '{1, 2, 3}', '{1, 2, 3}, 2', '{1, 2, 3}, 2, 5', '{1, 2, 3}, -1, 1',
                                 '{1, 2, 3}, 3, 2', '{1, 2, 3}, 3, 3', '{[0] = 0, 1}, 0', '{}, 1, 1e6',
                                 '{}, math.mininteger, math.maxinteger', '{}, math.maxinteger, math.mininteger',
                                 '{1, 2}, nil, 3', '{1, 2}, "2"', '{1, 2}, 1.5', 'nil', '1'])
def test_unpack(T, src):
    check(T["unpack"], "table.unpack", src)


def test_unpack_many_values(T):
    t = Table([None, *range(1, 5001)])
    assert T["unpack"](t) == tuple(range(1, 5001))
    assert T["unpack"](Table(), 1, 900_000) == (None,) * 900_000


# -- sort ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("table_src", [
    '{}', '{1}', '{3, 1, 2}', '{5, 3, 5, 1, 3, 1, 2}', '{"b", "a", "c", "B", "", "ab"}',
    '{"\\xff", "\\xc3\\xa9", "z", "\\xee\\x80\\x80", "\\xf0"}',
    '{3, 1.0, 1, 2.5, 1, -0.0, 0, 2}', '{1, 0/0, 2, 3}', '{1, "x"}', '{1, {}}', '{{}, {}}',
    '{3, 2, 1, true}',
])
def test_sort_default_order(T, table_src):
    check_mut(T["sort"], "table.sort", table_src)


@pytest.mark.parametrize("rest", ['3', '"x"', '{}', 'true', 'nil'])
def test_sort_comparator_argument(T, rest):
    check_mut(T["sort"], "table.sort", "{3, 1, 2}", rest)
    check_mut(T["sort"], "table.sort", "{1}", rest)


def test_sort_argument_errors(T):
    check(T["sort"], "table.sort", "nil")
    check(T["sort"], "table.sort", '"abc"')


def _records(keys) -> str:
    return lua_list(f"{{k = {k}, id = {i}}}" for i, k in enumerate(keys, 1))


def _sorted_ids_lua(keys, cmp_src: str):
    ok, err, ids = LUA.execute(
        f"local t = {_records(keys)} local ok, err = pcall(function() table.sort(t, {cmp_src}) end) "
        "local ids = {} for i, r in ipairs(t) do ids[i] = r.id end return ok, err, ids")
    return ("ok", []) + (norm(ids),) if ok else ("err", _PREFIX.sub(b"", err), norm(ids))


def _sorted_ids_ours(keys, cmp) -> tuple:
    rt = make_rt()
    T = ltable.open(rt).hash
    recs = Table([None, *(Table(hash={"k": k, "id": i}) for i, k in enumerate(keys, 1))])
    ids = Table()
    try:
        T["sort"](recs, cmp)
        outcome = ("ok", [])
    except ScriptThrow as e:
        outcome = ("err", to_bytes(e.value))
    for i, r in recs.items():
        ids.set(i, r.get("id"))
    return (*outcome, norm(ids))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 12), max_size=100))
def test_sort_equal_keys_match_lua(keys):
    """Records sorted by key alone: the order of equal keys shows the algorithm."""
    assert _sorted_ids_ours(keys, lambda a, b: a.get("k") < b.get("k")) == \
        _sorted_ids_lua(keys, "function(a, b) return a.k < b.k end")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 6), max_size=60))
def test_sort_inconsistent_comparator_matches_lua(keys):
    """``<=`` is not a strict order: Lua either raises "invalid order function"
    or produces some order — ours must do the same thing."""
    assert _sorted_ids_ours(keys, lambda a, b: a.get("k") <= b.get("k")) == \
        _sorted_ids_lua(keys, "function(a, b) return a.k <= b.k end")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 1000), min_size=2, max_size=80), st.integers(1, 96))
def test_sort_arbitrary_comparator_matches_lua(keys, salt):
    """A comparator answering pseudo-randomly (from the two keys) exercises the
    error checks and every comparison's order."""
    def cmp(a, b):
        return (a.get("k") * 31 + b.get("k") * 17 + salt) % 7 < 3
    src = f"function(a, b) return (a.k * 31 + b.k * 17 + {salt}) % 7 < 3 end"
    assert _sorted_ids_ours(keys, cmp) == _sorted_ids_lua(keys, src)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-5, 5), st.booleans()), max_size=100))
def test_sort_default_mixed_int_float_matches_lua(items):
    """1 and 1.0 are equal under ``<`` yet distinguishable: the generic path's order."""
    src = lua_list(f"{v}.0" if f else str(v) for v, f in items)
    check_mut(ltable.open(make_rt()).hash["sort"], "table.sort", src)


def test_sort_large_arrays_are_sorted(T):
    keys = [(i * 7919) % 1009 for i in range(3000)]
    t = Table([None, *keys])
    T["sort"](t)
    assert t.arr[1:] == sorted(keys)
    t = Table([None, *(float(k) for k in keys)])
    T["sort"](t, lambda a, b: a > b)
    assert t.arr[1:] == sorted((float(k) for k in keys), reverse=True)


def test_sort_charges_fuel():
    rt = make_rt(limits=Limits(max_instructions=2000))
    t = Table([None, *((i * 37) % 101 for i in range(1000))])
    with pytest.raises(LimitExceeded):
        ltable.open(rt).hash["sort"](t, lambda a, b: a < b)


# -- metamethods: the same element accesses, in the same order, as Lua ---------------------------
PROXY_LUA = """
local log, inner = {}, %s
local t = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "g" .. tostring(k); return inner[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "s" .. tostring(k) .. "=" .. tostring(v); inner[k] = v end,
  __len = function() log[#log + 1] = "#"; return #inner end})
"""


def _proxy(rt, inner: Table, log: list) -> Table:
    def index(_, k):
        log.append(f"g{k}")
        return inner.get(k)

    def newindex(_, k, v):
        log.append(f"s{k}={rt.tostring(v)}")
        rt.rawset(inner, k, v)

    def length(_):
        log.append("#")
        return inner.length()

    proxy = Table()
    proxy.meta = Table(hash={"__index": index, "__newindex": newindex, "__len": length})
    return proxy


@pytest.mark.parametrize("fname, inner_src, rest", [
    ("insert", "{1, 2, 3}", '2, "x"'), ("insert", "{1, 2, 3}", '"x"'),
    ("remove", "{1, 2, 3}", "1"), ("remove", "{1, 2, 3}", ""),
    ("concat", "{1, 2, 3}", '"-"'), ("unpack", "{1, 2, 3}", ""),
    ("move", "{1, 2, 3}", "1, 3, 2"), ("move", "{1, 2, 3}", "2, 3, 1"),
    ("sort", "{5, 2, 8, 1, 9, 3}", ""), ("sort", "{5, 2, 8, 1, 9, 3, 4, 7, 6, 0}", "function(a, b) return a > b end"),
])
def test_metamethods_are_honoured_in_order(fname, inner_src, rest):
    sep = ", " if rest else ""
    theirs = lua_outcome(PROXY_LUA % inner_src + f"; table.{fname}(t{sep}{rest})", "log", "inner")
    rt = make_rt()
    T = ltable.open(rt).hash
    inner, log = lua_args(inner_src)[0], []
    args = [_proxy(rt, inner, log)]
    if rest:
        args += lua_args(rest) if not rest.startswith("function") else [lambda a, b: a > b]
    ours = our_outcome(T[fname], args)
    assert (*ours, norm(Table([None, *(from_bytes(x.encode()) for x in log)])), norm(inner)) == theirs


def test_length_must_be_an_integer(T):
    t = Table()
    t.meta = Table(hash={"__len": lambda _: "x"})
    theirs = lua_outcome('local t = setmetatable({}, {__len = function() return "x" end}); table.insert(t, 1)')
    assert our_outcome(T["insert"], [t, 1]) == theirs
