"""Lua's basic library (the global functions): print, type, pairs, pcall, error, ...

``pcall``/``xpcall``/``error`` carry Lua errors as :class:`ScriptThrow`; limits
(:class:`LimitExceeded`) pass through them untouched — a spell cannot catch the
sandbox.  Functions follow the library contract (any arity, one value or a tuple).
Not provided: ``dofile``, ``loadfile`` (no file access from spells), and ``load``
with a custom environment.
"""
from __future__ import annotations

from ...ir.errors import LlmspellError
from ..runtime import ScriptThrow, register_function
from ..values import Table, wrap
from .lauxlib import arg_error, check_int, check_table, type_error, type_name
from .numbers import str2number

#: the standard libraries ``require`` returns as Lua's ``package.loaded`` holds them
_LIBRARIES = frozenset({"_G", "string", "table", "math", "os", "utf8", "coroutine", "io"})

_DIGITS = {c: i for i, c in enumerate("0123456789abcdefghijklmnopqrstuvwxyz")}


def open(rt) -> Table:
    G = rt.G
    meter = rt.meter
    tostring = rt.tostring

    def lua_print(*args):
        rt.write("\t".join([tostring(v) for v in args]) + "\n")
        return ()

    def lua_type(*args):
        if not args:
            arg_error(rt, 1, "type", "value expected")
        return type_name(args[0])

    def lua_tostring(*args):
        if not args:
            arg_error(rt, 1, "tostring", "value expected")
        return tostring(args[0])

    def lua_tonumber(*args):
        v = args[0] if args else None
        base = args[1] if len(args) > 1 else None
        if base is None:
            t = type(v)
            if t is int or t is float:
                return v
            if t is str:
                return str2number(v)
            if not args:
                arg_error(rt, 1, "tonumber", "value expected")
            return None
        b = check_int(rt, base, 2, "tonumber")
        if type(v) is not str:
            type_error(rt, 1, "tonumber", "string", v)
        if not 2 <= b <= 36:
            arg_error(rt, 2, "tonumber", "base out of range")
        s = v.strip(" \t\n\r\f\v").lower()
        neg = s.startswith("-")
        if neg:
            s = s[1:]
        if not s:
            return None
        n = 0
        for c in s:
            d = _DIGITS.get(c)
            if d is None or d >= b:
                return None
            n = n * b + d
        return wrap(-n if neg else n)

    def ipairs_iter(t=None, i=0, *_):
        i += 1
        v = t.arr[i] if type(t) is Table and i < len(t.arr) else rt.index(t, i)
        if v is None:
            return None
        return (i, v)

    def lua_ipairs(*args):
        if not args:
            arg_error(rt, 1, "ipairs", "value expected")
        return (ipairs_iter, args[0], 0)

    register_function("ipairs_aux", ipairs_iter)
    rt.ipairs_iter = ipairs_iter

    def lua_next(t=None, k=None, *_):
        check_table(rt, t, 1, "next")
        try:
            r = t.next(k)
        except KeyError:
            rt.error("invalid key to 'next'")
        return None if r is None else r

    rt.lua_next = lua_next

    def lua_pairs(*args):
        if not args:
            arg_error(rt, 1, "pairs", "value expected")
        t = args[0]
        h = rt._meta(t, "__pairs")
        if h is not None:
            r = rt.call(h, t)
            r = r if type(r) is tuple else (r,)
            return (r + (None, None, None))[:3]
        return (lua_next, t, None)     # like Lua, a non-table fails in next, at the loop

    def lua_select(n=None, *args):
        if n == "#":
            return len(args)
        i = check_int(rt, n, 1, "select")
        if i < 0:
            i = len(args) + i
            if i < 0:
                arg_error(rt, 1, "select", "index out of range")
            return args[i:]
        if i == 0:
            arg_error(rt, 1, "select", "index out of range")
        return args[i - 1:]

    def lua_rawget(*args):
        t = args[0] if args else None
        check_table(rt, t, 1, "rawget")
        if len(args) < 2:
            arg_error(rt, 2, "rawget", "value expected")
        return t.get(args[1])

    def lua_rawset(t=None, k=None, v=None, *_):
        check_table(rt, t, 1, "rawset")
        rt.rawset(t, k, v)
        return t

    def lua_rawequal(*args):
        if len(args) < 2:
            arg_error(rt, len(args) + 1, "rawequal", "value expected")
        a, b = args[0], args[1]
        if a is b:
            return not (type(a) is float and a != a)
        if type(a) is bool or type(b) is bool:
            return False
        if type(a) in (int, float) and type(b) in (int, float):
            return a == b
        return type(a) is str and type(b) is str and a == b

    def lua_rawlen(v=None, *_):
        if type(v) is Table:
            return v.length()
        if type(v) is str:
            return rt.len(v)
        type_error(rt, 1, "rawlen", "table or string", v)

    def lua_setmetatable(t=None, *args):
        if type(t) is not Table:
            type_error(rt, 1, "setmetatable", "table", t)
        mt = args[0] if args else None
        if not args or (mt is not None and type(mt) is not Table):
            type_error(rt, 2, "setmetatable", "nil or table", mt, absent=not args)
        if t.meta is not None and t.meta.hash.get("__metatable") is not None:
            rt.error("cannot change a protected metatable")
        t.meta = mt
        return t

    def lua_getmetatable(v=None, *_):
        mt = rt.getmetatable(v)
        if mt is None:
            return None
        protected = mt.hash.get("__metatable")
        return mt if protected is None else protected

    def lua_assert(*args):
        if not args:
            arg_error(rt, 1, "assert", "value expected")
        v = args[0]
        if v is None or v is False:
            # like error(msg): a string message gets the caller's position
            msg = args[1] if len(args) > 1 else "assertion failed!"
            if type(msg) is str:
                rt.error(msg)
            raise ScriptThrow(msg, rt.locate(), rt.traceback())
        return args

    def lua_error(msg=None, level=1, *_):
        level = check_int(rt, level, 2, "error")
        if type(msg) is str and level > 0:
            rt.error(msg, level)
        raise ScriptThrow(msg, rt.locate(), rt.traceback())

    def protected(f, args):
        saved = meter.depth.cell_contents
        try:
            return True, rt.call(f, *args)
        except ScriptThrow as e:
            meter.depth.cell_contents = saved
            return False, e

    def lua_pcall(*args):
        if not args:
            arg_error(rt, 1, "pcall", "value expected")
        ok, r = protected(args[0], args[1:])
        if ok:
            return (True, *r) if type(r) is tuple else (True, r)
        return (False, r.value)

    def lua_xpcall(f=None, handler=None, *args):
        if not callable(handler) or type(handler) is Table:
            type_error(rt, 2, "xpcall", "function", handler)
        ok, r = protected(f, args)
        if ok:
            return (True, *r) if type(r) is tuple else (True, r)
        return (False, rt.call1(handler, r.value))

    def lua_collectgarbage(opt="collect", *_):
        if opt == "count":
            return meter.bytes / 1024
        if opt in ("collect", "step", "incremental", "generational"):
            return 0
        if opt == "isrunning":
            return True
        if opt in ("stop", "restart", "setpause", "setstepmul"):
            return 0
        arg_error(rt, 1, "collectgarbage", f"invalid option '{opt}'")

    def lua_load(chunk=None, chunkname=None, mode=None, *rest):
        if type(chunk) is not str:
            if chunk is None or not callable(chunk):
                type_error(rt, 1, "load", "string", chunk)
            parts = []
            while True:
                piece = rt.call1(chunk)
                if piece is None or piece == "":
                    break
                if type(piece) is not str:
                    rt.error("reader function must return a string")
                parts.append(piece)
            chunk = "".join(parts)
        if type(mode) is str and "t" not in mode:
            return (None, f"attempt to load a text chunk (mode is '{mode}')")
        name = chunkname if type(chunkname) is str else chunk
        if name.startswith("=") or name.startswith("@"):
            name = name[1:]
        else:
            first = name.split("\n", 1)[0]
            more = "..." if len(first) > 40 or len(first) < len(name) else ""
            name = f'[string "{first[:40]}{more}"]'
        env = rest[0] if rest else G
        if type(env) is not Table:
            return (None, "llmspell: load's environment must be a table")
        try:
            return rt.load_chunk(chunk, name, env)
        except LlmspellError as e:
            return (None, f"{name}:{e.span.line}: {e.message}")

    def lua_require(name=None, *_):
        """``require(name)``: the module's value (``true`` if it returns
        nothing) and, when this call loaded it, where it was found, as Lua 5.4
        returns them; loaded once
        per run (the loader keeps ``package.loaded``'s role).  A standard
        library's name gives the library (its sandboxed self)."""
        if type(name) is not str:
            type_error(rt, 1, "require", "string", name)
        if name in _LIBRARIES:
            return G.hash.get(name)
        if rt.imports is None:
            rt.error(f"module '{name}' not found (this run cannot load modules)")
        return rt.imports.load(rt, name, with_path=True)

    lib = {
        "require": lua_require, "print": lua_print, "type": lua_type, "tostring": lua_tostring, "tonumber": lua_tonumber,
        "ipairs": lua_ipairs, "pairs": lua_pairs, "next": lua_next, "select": lua_select,
        "rawget": lua_rawget, "rawset": lua_rawset, "rawequal": lua_rawequal, "rawlen": lua_rawlen,
        "setmetatable": lua_setmetatable, "getmetatable": lua_getmetatable,
        "assert": lua_assert, "error": lua_error, "pcall": lua_pcall, "xpcall": lua_xpcall,
        "collectgarbage": lua_collectgarbage, "load": lua_load,
    }
    G.hash.update(lib)
    G.hash["_G"] = G
    G.hash["_VERSION"] = "Lua 5.4"
    return G
