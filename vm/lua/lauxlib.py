"""Argument checking for Lua library functions, worded as Lua's lauxlib words it.

Every library function is a Python function that accepts any number of
positional arguments (missing ones arrive as ``None``) and checks them with these
helpers: ``bad argument #1 to 'insert' (table expected, got nil)``.
"""
from __future__ import annotations

from ..values import Table
from .numbers import fmt_number, str2number, tointeger


def type_name(v) -> str:
    if v is None:
        return "nil"
    t = type(v)
    if t is bool:
        return "boolean"
    if t is int or t is float:
        return "number"
    if t is str:
        return "string"
    if t is Table:
        return "table"
    if getattr(t, "lua_type", None):
        return t.lua_type
    if callable(v):
        return "function"
    return "userdata"


def arg_error(rt, i: int, fname: str, msg: str):
    rt.arg_error(i, fname, msg)


def type_error(rt, i: int, fname: str, expected: str, v, absent: bool = False):
    """luaL_typeerror.  "got no value" when the argument was not passed at all
    (*absent*, or found out from the call), a ``__name`` when the value has one."""
    if v is None and (absent or rt.arg_absent(i)):
        got = "no value"
    else:
        got = type_name(v)
        mt = rt.getmetatable(v)
        if mt is not None and type(mt.hash.get("__name")) is str:
            got = mt.hash["__name"]
    arg_error(rt, i, fname, f"{expected} expected, got {got}")


def check_int(rt, v, i: int, fname: str) -> int:
    if type(v) is int:
        return v
    n = tointeger(v)
    if n is None:
        if type(v) is float or (type(v) is str and str2number(v) is not None):
            arg_error(rt, i, fname, "number has no integer representation")
        type_error(rt, i, fname, "number", v)
    return n


def opt_int(rt, v, i: int, fname: str, default: int) -> int:
    return default if v is None else check_int(rt, v, i, fname)


def check_num(rt, v, i: int, fname: str):
    t = type(v)
    if t is int or t is float:
        return v
    if t is str:
        n = str2number(v)
        if n is not None:
            return n
    type_error(rt, i, fname, "number", v)


def opt_num(rt, v, i: int, fname: str, default):
    return default if v is None else check_num(rt, v, i, fname)


def check_str(rt, v, i: int, fname: str) -> str:
    t = type(v)
    if t is str:
        return v
    if t is int or t is float:
        return fmt_number(v)
    type_error(rt, i, fname, "string", v)


def opt_str(rt, v, i: int, fname: str, default: str | None) -> str | None:
    return default if v is None else check_str(rt, v, i, fname)


def check_table(rt, v, i: int, fname: str) -> Table:
    if type(v) is Table:
        return v
    type_error(rt, i, fname, "table", v)


def check_any(rt, nargs: int, i: int, fname: str):
    """For functions whose argument may be nil but must be present."""
    if nargs < i:
        arg_error(rt, i, fname, "value expected")
