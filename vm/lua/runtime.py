"""The Lua runtime of one run: the operators' slow paths and the services the
standard library uses (``error``, ``call``, ``tostring``, ``index``, ``setindex``).

Compiled code inlines the common cases of each operator (two integers, a table
field hit) and calls the methods here for everything else: coercions,
metamethods and errors.  Errors name the culprit the way Lua does: a method
raising with ``operand=k`` asks :meth:`op_error` to describe the register in
operand *k* of the instruction being executed ("local 'y'", "field 'x'").
"""
from __future__ import annotations

import math
import sys

from ...ir.errors import ScriptError
from ...ir.opcodes import Op
from ..debuginfo import name_register
from ..runtime import CODEMAP, LIBRARY_NAMES, BridgeFailure, Runtime, ScriptThrow, frame_span
from ..values import MAXI, MINI, Table, byte_len, join, wrap
from .lauxlib import type_name
from .numbers import fmt_float, fmt_number, str2number, float_to_int

MAXTAGLOOP = 2000

ARITH_EVENTS = {
    "ADD": "__add", "SUB": "__sub", "MUL": "__mul", "DIV": "__div", "MOD": "__mod",
    "POW": "__pow", "IDIV": "__idiv", "UNM": "__unm",
    "BAND": "__band", "BOR": "__bor", "BXOR": "__bxor", "SHL": "__shl", "SHR": "__shr",
    "BNOT": "__bnot",
}
BITWISE = {"BAND", "BOR", "BXOR", "SHL", "SHR", "BNOT"}


class LuaRuntime(Runtime):
    lang = "lua"

    def __init__(self, policy, out=None, meter=None):
        super().__init__(policy, out, meter)
        self.string_meta: Table | None = None    # set by the string library
        self.G = Table()

    # -- errors -------------------------------------------------------------------------
    # Lua positions an error in one of two ways, and so do we.  ``error`` is
    # luaL_error: the position of the *caller* of the running library function,
    # if that caller is script code.  ``runerror`` is luaG_runerror: the position
    # of the running function if it is script code (an operator failing in a
    # spell), none if it is a library function (an operator failing inside
    # table.sort).  "Lua-level" frames are compiled spell frames and library
    # function frames; Python plumbing between them is skipped.

    def _lua_frames(self, frame):
        """Lua-level frames, innermost first.  A frame sitting in ``return f(...)``
        whose callee is script code is skipped: Lua's proper tail call would have
        replaced it, so levels and positions count as Lua counts them."""
        inner_is_script = False
        while frame is not None:
            code = frame.f_code
            info = CODEMAP.get(code)
            if info is not None:
                if not (inner_is_script and info.tail_calls and info.pc_at(frame.f_lineno) in info.tail_calls):
                    yield frame, info
                inner_is_script = True
            elif code in LIBRARY_NAMES:
                yield frame, None
                inner_is_script = False
            frame = frame.f_back

    def _raise(self, value, frame, info, operand=None, template=False):
        tb = self.traceback(frame) if frame is not None else self.traceback()
        span = None
        if info is not None:
            span = frame_span(frame, info)
            if type(value) is str:
                if operand is not None or template:
                    var = info.describe(frame.f_lineno, operand) if operand is not None else ""
                    value = value.format(var) if template else value + var
                value = f"{span.file}:{span.line}: {value}"
        elif template and type(value) is str:
            value = value.format("")
        raise ScriptThrow(value, span or (tb[0] if tb else None), tb)

    def error(self, value, level: int = 1):
        """luaL_error: raise *value*, positioned at the *level*-th Lua-level caller
        of the running library function (only if that is script code)."""
        for n, (frame, info) in enumerate(self._lua_frames(sys._getframe(1))):
            if n == level:
                self._raise(value, frame, info)
        self._raise(value, None, None)

    def where(self, level: int = 1) -> str:
        """luaL_where: "file:line: " of the *level*-th Lua-level frame if it is
        script code, else ""."""
        for n, (frame, info) in enumerate(self._lua_frames(sys._getframe(1))):
            if n == level:
                if info is None:
                    return ""
                span = frame_span(frame, info)
                return f"{span.file}:{span.line}: "
        return ""

    def runerror(self, msg: str, operand=None, template: bool = False):
        """luaG_runerror: *msg* positioned in the running function if it is script
        code, naming the culprit in instruction operand *operand* (with
        *template*, the name goes where ``{}`` is in *msg*)."""
        for frame, info in self._lua_frames(sys._getframe(1)):
            self._raise(msg, frame, info, operand, template)
        self._raise(msg, None, None, None, template)

    def arg_error(self, i: int, fname: str, msg: str):
        """luaL_argerror: "bad argument #i to 'name' (msg)", naming the function as
        its caller's code does, or by its library name when called from a library."""
        frames = self._lua_frames(sys._getframe(1))
        running = next(frames, None)
        caller = next(frames, None)
        name = None
        if caller is not None and caller[1] is not None:
            frame, info = caller
            pc = info.pc_at(frame.f_lineno)
            ins = info.fn.code[pc]
            if ins[0] == Op.FOR_IN:
                name = "for iterator"
            elif ins[0] == Op.CALL:
                named = name_register(info.fn, pc, ins[1])
                if named is not None:
                    kind, name = named
                    if kind == "method":
                        i -= 1
                        if i == 0:
                            self.error(f"calling '{name}' on bad self ({msg})")
                    elif kind == "constant":
                        name = None
            name = name or "?"
        elif caller is not None:
            # called from library code (pcall, sort, ...): Lua names it globally
            name = LIBRARY_NAMES.get(running[0].f_code, fname)
            if name.endswith("."):
                name += fname
        else:
            name = fname        # called straight from the host
        self.error(f"bad argument #{i} to '{name}' ({msg})")

    def arg_absent(self, i: int) -> bool:
        """Whether argument *i* of the running library function was not passed at
        all (Lua says "got no value" then, "got nil" for an explicit nil).  The
        count comes from the caller: a compiled CALL, or ``Runtime.call``."""
        running = None
        for frame, info in self._lua_frames(sys._getframe(1)):
            running = frame
            break
        if running is None or running.f_code not in LIBRARY_NAMES:
            return False
        caller = running.f_back
        info = CODEMAP.get(caller.f_code) if caller is not None else None
        if info is not None:
            ins = info.fn.code[info.pc_at(caller.f_lineno)]
            if ins[0] != Op.CALL:
                return False
            _, a, nargs, _, spread = ins
            if spread:
                extra = caller.f_locals.get(f"r{a + nargs}")
                nargs = nargs - 1 + (len(extra) if type(extra) is tuple else 1)
            return i > nargs
        if caller is not None and caller.f_code is _CALL_CODE:
            return i > len(caller.f_locals.get("args", ()))
        return False

    def to_script_error(self, exc: ScriptThrow) -> ScriptError:
        value = exc.value
        if type(value) is str:
            msg = value
        elif type(value) is Table and self._meta(value, "__tostring") is not None:
            try:
                msg = self.tostring(value)
            except ScriptThrow:         # lua.c's msghandler: the object cannot say what it is
                msg = f"(error object is a {type_name(value)} value)"
        else:
            msg = f"(error object is a {type_name(value)} value)"
        return ScriptError(msg, exc.span, value=value, traceback=exc.traceback)

    # -- metatables ---------------------------------------------------------------------
    def getmetatable(self, v):
        if type(v) is Table:
            return v.meta
        if type(v) is str:
            return self.string_meta
        return None

    def _meta(self, v, event: str):
        mt = v.meta if type(v) is Table else (self.string_meta if type(v) is str else None)
        if mt is None:
            return None
        return mt.hash.get(event)

    # -- calls ---------------------------------------------------------------------------
    def call(self, f, *args):
        """Call a Lua value from library code; returns one value or a tuple."""
        try:
            return f(*args)
        except TypeError as e:
            return self.call_slow(e, None, f, args)

    def call_site(self, exc, f, *args):
        """Compiled code's CALL when the direct Python call raised TypeError."""
        return self.call_slow(exc, 1, f, args)

    def call_slow(self, exc, operand, f, args):
        """The call ``f(*args)`` failed before *f* started: *f* is not a function
        (``__call``, or Lua's error) or is a compiled function given more
        arguments than it has parameters (Lua drops the extras).  A TypeError
        raised *inside* the callee is not ours to handle: it is re-raised."""
        if exc.__traceback__.tb_next is not None:
            raise exc
        code = getattr(f, "__code__", None)
        if code is not None and code in CODEMAP and len(args) > code.co_argcount:
            return f(*args[:code.co_argcount])
        h = self._meta(f, "__call")
        if h is not None:
            return self.call(h, f, *args)
        self.runerror(f"attempt to call a {type_name(f)} value", operand)

    def call1(self, f, *args):
        r = self.call(f, *args)
        if type(r) is tuple:
            return r[0] if r else None
        return r

    # -- tostring --------------------------------------------------------------------
    def tostring(self, v) -> str:
        t = type(v)
        if t is str:
            return v
        if t is int:
            return str(v)
        if t is float:
            return fmt_float(v)
        if v is None:
            return "nil"
        if t is bool:
            return "true" if v else "false"
        mt = self.getmetatable(v)
        if mt is not None:
            h = mt.hash.get("__tostring")
            if h is not None:
                s = self.call1(h, v)
                if type(s) is not str:
                    if type(s) in (int, float):
                        return fmt_number(s)
                    self.runerror("'__tostring' must return a string")
                return s
            name = mt.hash.get("__name")
            if type(name) is str:
                return f"{name}: 0x{self.object_id(v):08x}"
        return f"{type_name(v)}: 0x{self.object_id(v):08x}"

    # -- indexing ----------------------------------------------------------------------
    def index(self, o, k, operand: int | None = 1):
        """``o[k]`` with ``__index``; *operand* names the object in errors."""
        for _ in range(MAXTAGLOOP):
            if type(o) is Table:
                v = o.get(k)
                if v is not None:
                    return v
                mt = o.meta
                if mt is None:
                    return None
                h = mt.hash.get("__index")
                if h is None:
                    return None
            else:
                h = self._meta(o, "__index")
                if h is None:
                    self._index_error(o, k, operand)
            if type(h) is Table:
                o = h
                operand = None
                continue
            return self.call1(h, o, k)
        self.runerror("'__index' chain too long; possibly a loop")

    def inherited(self, o: Table, k: str):
        """``o.k`` for a table whose own hash lacks string key *k* and that has a
        metatable: the class pattern (``__index`` a table, or a chain of them)
        walked without :meth:`index`'s general loop; a function ``__index`` and
        a loop that is too long go to :meth:`index`, which handles and reports them."""
        h = o.meta.hash.get("__index")
        for _ in range(MAXTAGLOOP):
            if type(h) is not Table:
                return None if h is None else self.index(o, k, 2)
            v = h.hash.get(k)
            if v is not None:
                return v
            mt = h.meta
            if mt is None:
                return None
            h = mt.hash.get("__index")
        return self.index(o, k, 2)

    def string_field(self, s: str, k: str):
        """``s:k(...)``: the string metatable's ``__index`` — the ``string``
        table, unless the spell changed it (then :meth:`index` decides)."""
        mt = self.string_meta
        h = mt.hash.get("__index") if mt is not None else None
        if type(h) is Table:
            v = h.hash.get(k)
            if v is not None or h.meta is None:
                return v
        return self.index(s, k, 2)

    def _index_error(self, o, k, operand):
        msg = f"attempt to index a {type_name(o)} value"
        if operand is None and type(k) is str:
            msg += f" (field '{k}')"
        self.runerror(msg, operand)

    def setindex(self, o, k, v, operand: int | None = 1):
        """``o[k] = v`` with ``__newindex``."""
        for _ in range(MAXTAGLOOP):
            if type(o) is Table:
                mt = o.meta
                if mt is None or o.get(k) is not None:
                    self.rawset(o, k, v)
                    return
                h = mt.hash.get("__newindex")
                if h is None:
                    self.rawset(o, k, v)
                    return
            else:
                h = self._meta(o, "__newindex")
                if h is None:
                    self._index_error(o, k, operand)
            if type(h) is Table:
                o = h
                operand = None
                continue
            self.call(h, o, k, v)
            return
        self.runerror("'__newindex' chain too long; possibly a loop")

    def rawset(self, t: Table, k, v):
        if k is None:
            self.runerror("table index is nil")
        if type(k) is float and k != k:
            self.runerror("table index is NaN")
        if t.set(k, v):
            self.meter.alloc(16, 0)

    @staticmethod
    def members(v) -> dict | None:
        return v.hash if type(v) is Table else None

    # -- what the bridges see (every runtime offers these; see bridges/host.py) --------------
    def new_namespace(self, members: dict) -> Table:
        t = self.new_table(0, len(members))
        t.hash.update(members)
        return t

    @staticmethod
    def set_namespace_member(ns: Table, name: str, value):
        ns.hash[name] = value

    def set_global(self, name: str, value):
        self.G.hash[name] = value

    def get_global(self, name: str):
        return self.G.hash.get(name)

    @staticmethod
    def host_function(name: str, fn, waits: bool = False):
        return fn           # Lua functions are Python callables already

    def call_from_host(self, f, *args):
        r = self.call(f, *args)
        if type(r) is tuple:
            return r[0] if r else None
        return r

    @staticmethod
    def adopt_module(value, same_language: bool):
        """``require``'s value: ``true`` for a module that returned nothing, as
        ``package.loaded`` records it."""
        return True if value is None else value

    @staticmethod
    def truthy(v) -> bool:
        return v is not None and v is not False

    def to_host(self, v, host, depth: int = 0):
        """Script value → plain Python data: a sequence table becomes a list,
        any other table a dict, a function a callable."""
        t = type(v)
        if v is None or t in (bool, int, float, str):
            return v
        if t is Table:
            obj = host.object_for(v)
            if obj is not None:
                return obj
            if depth > 64:
                raise BridgeFailure("value nested too deeply to pass to the host")
            if not v.hash and v.arr[1:] and None not in v.arr[1:]:
                return [self.to_host(x, host, depth + 1) for x in v.arr[1:]]
            if not v.hash and len(v.arr) == 1:
                return {}
            return {k: self.to_host(x, host, depth + 1) for k, x in v.items()}
        if callable(v):
            return host.script_function(v)
        return v

    def from_host(self, v, host):
        t = type(v)
        if v is None or t in (bool, int, float, str):
            return v
        if t is dict:
            table = self.new_table()
            for k, x in v.items():
                if x is not None:
                    table.set(k, self.from_host(x, host))
            return table
        if t in (list, tuple):
            table = self.new_table()
            self.setlist(table, 1, tuple(self.from_host(x, host) for x in v))
            return table
        if t is Table:
            return v
        return host.script_value(v)

    def new_table(self, narr: int = 0, nhash: int = 0) -> Table:
        self.meter.alloc(56 + 16 * (narr + nhash))
        return Table()

    # -- operators (slow paths of compiled code) -------------------------------------------
    def arith(self, op: str, a, b):
        """Lua arithmetic/bitwise ``a op b`` for everything the inline fast path
        does not handle; operands 2 and 3 of the instruction name the culprits."""
        if op in BITWISE:
            x, y = self._toint_operand(a), self._toint_operand(b)
            if x is not None and y is not None:
                return _BIT_FUNCS[op](x, y)
            return self._arith_meta(op, a, b, bitwise=True)
        x, y = _num(a), _num(b)
        if x is None or y is None:
            return self._arith_meta(op, a, b)
        if type(x) is int and type(y) is int and op not in ("DIV", "POW"):
            if type(a) is str or type(b) is str:
                # Lua 5.4 does string arithmetic in the string metamethods (C code):
                # their errors carry no position
                try:
                    return self._int_arith(op, x, y)
                except ScriptThrow as e:
                    raise ScriptThrow(e.value.split(": ", 1)[1], e.span, e.traceback) from None
            return self._int_arith(op, x, y)
        return _float_arith(op, float(x), float(y))

    def _int_arith(self, op, x, y):
        if op == "ADD":
            return wrap(x + y)
        if op == "SUB":
            return wrap(x - y)
        if op == "MUL":
            return wrap(x * y)
        if op == "UNM":
            return wrap(-x)
        if op == "IDIV":
            if y == 0:
                self.runerror("attempt to divide by zero")
            return wrap(x // y)
        if op == "MOD":
            if y == 0:
                self.runerror("attempt to perform 'n%0'")
            return x % y
        raise AssertionError(op)

    def _toint_operand(self, v):
        t = type(v)
        if t is int:
            return v
        if t is float:
            return float_to_int(v)
        return None         # Lua 5.4 does not coerce strings in bitwise operations

    def _arith_meta(self, op, a, b, bitwise=False):
        event = ARITH_EVENTS[op]
        h = self._meta(a, event)
        if h is None:
            h = self._meta(b, event)
        if h is not None:
            return self.call1(h, a, b)
        unary = op in ("UNM", "BNOT")
        if bitwise:
            if _num(a) is not None and _num(b) is not None and type(a) is not str and type(b) is not str:
                # both numbers: one has no integer representation
                bad = 3 if (not unary and self._toint_operand(a) is not None) else 2
                self.runerror("number{} has no integer representation", bad, template=True)
            bad = 3 if (not unary and type(a) in _NUMBER) else 2
            culprit = a if bad == 2 else b
            self.runerror(f"attempt to perform bitwise operation on a {type_name(culprit)} value", bad)
        if type(a) is str or type(b) is str:
            # Lua 5.4 converts strings in arithmetic through the string metatable,
            # whose failure message names the event and both operand types
            self.runerror(f"attempt to {event[2:]} a '{type_name(a)}' with a '{type_name(b)}'")
        bad = 2 if (unary or _num(a) is None) else 3
        culprit = a if bad == 2 else b
        self.runerror(f"attempt to perform arithmetic on a {type_name(culprit)} value", bad)

    def concat(self, *vals):
        """``R[b] .. ... .. R[b+n-1]``: right to left, as Lua's luaV_concat.
        Strings and integers only (the common case) need no metamethod and
        join in one piece, which is what the right-to-left rule gives them."""
        parts = []
        for v in vals:
            t = type(v)
            if t is str:
                parts.append(v)
            elif t is int:
                parts.append(str(v))
            else:
                break
        else:
            s = join(parts)
            self.meter.string(len(s))
            return s
        vals = list(vals)
        while len(vals) > 1:
            b = vals[-1]
            a = vals[-2]
            if _strnum(a) and _strnum(b):
                i = len(vals) - 2
                while i > 0 and _strnum(vals[i - 1]):
                    i -= 1
                s = join([v if type(v) is str else fmt_number(v) for v in vals[i:]])
                self.meter.string(len(s))
                vals[i:] = [s]
                continue
            h = self._meta(a, "__concat")
            if h is None:
                h = self._meta(b, "__concat")
            if h is None:
                bad = len(vals) - 1 if _strnum(a) else len(vals) - 2
                self.runerror(f"attempt to concatenate a {type_name(vals[bad])} value", (2, bad))
            vals[-2:] = [self.call1(h, a, b)]
        return vals[0]

    def eq(self, a, b) -> bool:
        if a is b:
            return not (type(a) is float and a != a)
        ta, tb = type(a), type(b)
        if ta is bool or tb is bool:
            return False
        if ta is Table and tb is Table:
            h = self._meta(a, "__eq")
            if h is None:
                h = self._meta(b, "__eq")
            if h is None:
                return False
            r = self.call1(h, a, b)
            return r is not None and r is not False
        if ta in _NUMBER and tb in _NUMBER:
            return a == b
        return ta is tb and a == b

    def lt(self, a, b) -> bool:
        return self._order(a, b, "__lt")

    def le(self, a, b) -> bool:
        return self._order(a, b, "__le")

    def _order(self, a, b, event):
        ta, tb = type(a), type(b)
        if (ta in _NUMBER and tb in _NUMBER) or (ta is str and tb is str):
            return a < b if event == "__lt" else a <= b
        h = self._meta(a, event)
        if h is None:
            h = self._meta(b, event)
        if h is not None:
            r = self.call1(h, a, b)
            return r is not None and r is not False
        n1, n2 = type_name(a), type_name(b)
        if n1 == n2:
            self.runerror(f"attempt to compare two {n1} values")
        self.runerror(f"attempt to compare {n1} with {n2}")

    def len(self, v):
        """``#v`` with ``__len`` (library entry point: no culprit naming)."""
        return self._length(v, None)

    def length(self, v):
        return self._length(v, 2)

    def _length(self, v, operand):
        if type(v) is str:
            return byte_len(v)
        h = self._meta(v, "__len")
        if h is not None:
            return self.call1(h, v)
        if type(v) is Table:
            return len(v.arr) - 1
        self.runerror(f"attempt to get length of a {type_name(v)} value", operand)

    # -- loops --------------------------------------------------------------------------
    def forprep(self, init, limit, step):
        """The iterable of a numeric for (Lua 5.4's forprep rules)."""
        if not (type(init) is int and type(limit) is int and type(step) is int):
            init, limit, step = (self._for_number(v, what) for v, what in
                                 ((init, "initial value"), (limit, "limit"), (step, "step")))
        if step == 0:
            self.runerror("'for' step is zero")
        if type(init) is int and type(step) is int:
            if type(limit) is float:
                # clip a float limit to the integers, as forlimit does
                if limit != limit:
                    return ()
                if limit >= 9.3e18:
                    if step < 0:
                        return ()
                    limit = MAXI
                elif limit <= -9.3e18:
                    if step > 0:
                        return ()
                    limit = MINI
                else:
                    limit = math.floor(limit) if step > 0 else math.ceil(limit)
            return range(init, limit + 1, step) if step > 0 else range(init, limit - 1, step)
        return _float_loop(float(init), float(limit), float(step))

    def _for_number(self, v, what):
        n = _num(v)             # strings that denote numbers are accepted, as in Lua
        if n is None:
            self.runerror(f"bad 'for' {what} (number expected, got {type_name(v)})")
        return n

    def forin(self, f, s, ctl, n):
        """The iterable of a generic for: values (n == 1) or n-tuples."""
        if f is self.lua_next and type(s) is Table and ctl is None:
            items = s.items()
            if n == 1:
                return (k for k, _ in items)
            if n == 2:
                return items
            pad = (None,) * (n - 2)
            return ((k, v) + pad for k, v in items)
        if f is self.ipairs_iter and type(s) is Table and type(ctl) is int and n <= 2:
            return self._ipairs(s, ctl, n)
        return self._forin_general(f, s, ctl, n)

    def _ipairs(self, t, i, n):
        """``ipairs``'s steps without a call per step: each is ``ipairs_iter``'s
        own expression, so a table changed by the loop's body is seen as it is."""
        index = self.index
        while True:
            i += 1
            v = t.arr[i] if i < len(t.arr) else index(t, i)
            if v is None:
                return
            yield i if n == 1 else (i, v)

    def _forin_general(self, f, s, ctl, n):
        call = self.call
        while True:
            r = call(f, s, ctl)
            if type(r) is tuple:
                first = r[0] if r else None
            else:
                first = r
                r = (r,)
            if first is None:
                return
            ctl = first
            if n == 1:
                yield first
            elif len(r) == n:
                yield r
            else:
                yield (r + (None,) * n)[:n]

    lua_next = None    # the base library's next; set when it is opened
    ipairs_iter = None  # and ipairs's iterator function

    # -- tables -------------------------------------------------------------------------
    def setlist(self, t: Table, start: int, vals: tuple):
        if not vals:
            return
        self.meter.alloc(16 * len(vals), 0)
        if start == 1 and len(t.arr) == 1 and not t.hash:
            arr = [None, *vals]
            while len(arr) > 1 and arr[-1] is None:
                arr.pop()
            t.arr = arr
            return
        for i, v in enumerate(vals):
            t.set(start + i, v)

    def tbc_check(self, v, name: str):
        if v is not None and v is not False and self._meta(v, "__close") is None:
            self.runerror(f"variable '{name}' got a non-closable value")

    def tbc_close(self, v, exc):
        """Run ``__close(v, err)``; re-raise the error that left the region (an
        error inside ``__close`` replaces it)."""
        if v is not None and v is not False:
            h = self._meta(v, "__close")
            if h is not None:
                self.call(h, v, None if exc is None else exc.value)
        if exc is not None:
            raise exc

    def helpers(self, G: Table | None = None) -> dict:
        """The names compiled Lua code uses, bound to this run; *G* is the
        globals table of the code (``load`` with an environment passes its own)."""
        meter = self.meter
        G = self.G if G is None else G
        return {
            "Table": Table, "wrap": wrap, "INF": math.inf, "NAN": math.nan, "NNAN": -math.nan,
            "G": G, "Gh": G.hash,
            "refuel": meter.refuel, "too_deep": meter.too_deep, "alloc": meter.alloc,
            "enter": meter.enter,
            "idx": lambda o, k: self.index(o, k, 2), "inherited": self.inherited, "strfield": self.string_field,
            "setidx": lambda o, k, v: self.setindex(o, k, v, 1),
            "gget": lambda name: self.index(G, name),
            "gset": lambda name, v: self.setindex(G, name, v),
            "arith": self.arith, "concat": self.concat, "eq": self.eq, "lt": self.lt, "le": self.le,
            "length": self.length, "forprep": self.forprep, "forin": self.forin,
            "setlist": self.setlist, "new_table": self.new_table, "adjust": adjust,
            "callx": self.call_site, "ScriptThrow": ScriptThrow,
            "tbc_check": self.tbc_check, "tbc_close": self.tbc_close,
        }


_NUMBER = (int, float)


def _num(v):
    t = type(v)
    if t is int or t is float:
        return v
    if t is str:
        return str2number(v)
    return None


def _strnum(v) -> bool:
    t = type(v)
    return t is str or t is int or t is float


def adjust(r, k: int) -> tuple:
    """Results *r* (a value or a tuple) adjusted to exactly *k* values."""
    t = r if type(r) is tuple else (r,)
    n = len(t)
    if n == k:
        return t
    return t[:k] if n > k else t + (None,) * (k - n)


def _float_loop(i: float, limit: float, step: float):
    if step > 0:
        while i <= limit:
            yield i
            i += step
    else:
        while i >= limit:
            yield i
            i += step


def _shl(x: int, y: int) -> int:
    if y <= -64 or y >= 64:
        return 0
    if y >= 0:
        return wrap((x & 0xFFFFFFFFFFFFFFFF) << y)
    return wrap((x & 0xFFFFFFFFFFFFFFFF) >> -y)


_BIT_FUNCS = {
    "BAND": lambda x, y: x & y,
    "BOR": lambda x, y: x | y,
    "BXOR": lambda x, y: x ^ y,
    "SHL": _shl,
    "SHR": lambda x, y: _shl(x, -y),
    "BNOT": lambda x, y: ~x,
}


def _float_arith(op: str, x: float, y: float) -> float:
    if op == "ADD":
        return x + y
    if op == "SUB":
        return x - y
    if op == "MUL":
        return x * y
    if op == "UNM":
        return -x
    if op == "DIV":
        return _fdiv(x, y)
    if op == "IDIV":
        return _fdiv_floor(x, y)
    if op == "MOD":
        return _fmod(x, y)
    if op == "POW":
        return _pow(x, y)
    raise AssertionError(op)


def _fdiv(x: float, y: float) -> float:
    if y:
        return x / y
    if x != x or x == 0:
        return -math.nan        # x86's default NaN has the sign bit set ("-nan")
    return math.copysign(math.inf, x) * math.copysign(1.0, y)


def _fdiv_floor(x: float, y: float) -> float:
    q = _fdiv(x, y)
    if q != q or q in (math.inf, -math.inf):
        return q
    return float(math.floor(q))


def _fmod(a: float, b: float) -> float:
    if b == 0 or a != a or b != b or a in (math.inf, -math.inf):
        return -math.nan if b == 0 or a in (math.inf, -math.inf) else math.nan
    if b in (math.inf, -math.inf):
        if a == 0 or (a > 0) == (b > 0):
            return a
        return b
    m = math.fmod(a, b)
    if (m > 0) if b < 0 else (m < 0 and b != m):
        m += b
    return m


def _pow(x: float, y: float) -> float:
    try:
        return math.pow(x, y)
    except OverflowError:
        if x < 0 and y.is_integer() and int(y) % 2 == 1:
            return -math.inf
        return math.inf
    except ValueError:
        if x == 0:
            if y.is_integer() and int(y) % 2 == 1:
                return math.copysign(math.inf, x)
            return math.inf
        return -math.nan


_CALL_CODE = LuaRuntime.call.__code__
