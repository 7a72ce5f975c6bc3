"""The Tengo runtime of one run: Tengo's operators, indexing, iteration, calls
and runtime errors over :mod:`.values`, for compiled code and the libraries.

Semantics are the real interpreter's: d5/tengo v2.17.0's sources
(``objects.go``'s ``BinaryOp``/``Equals``/``IndexGet``/``IndexSet`` per type,
``vm.go``'s slicing, calls and error texts, ``tengo.go``'s conversions), checked
against the Tengo build the golden tests are recorded with
(``tests/golden/tengo_reference.py``).  Where it matters:

* ``==`` is ``Equals``: no conversions, so ``1 == 1.0`` is false (v2.17.0; the
  later master compares them numerically), ``'a' == 97`` is false; arrays and
  maps compare element-wise (mutable equals immutable); errors by identity;
  functions are never equal, not even to themselves.
* Ordering works for int/float/char mixes, strings, and times; anything else
  is ``invalid operation: string < int`` (the operands as written).
* Integer ``/`` and ``%`` truncate toward zero and wrap; dividing by zero is a
  runtime error worded as the reference build words Go's recovered panic,
  ``runtime error: integer divide by zero`` (d5/tengo v2.17.0 crashes).  Shifts
  by a negative count or by 64 and more give 0 (or -1), as Go's shifts by the
  count's uint64 value do.
* ``string + x`` appends ``x``'s ``String()`` form (``"a" + [1]`` is ``a[1]``);
  ``x + string`` is an error unless x is a string.
* ``m[k]`` on a map converts k with ``ToString`` (``m[1]`` reads key ``"1"``);
  arrays, strings and bytes need an int index and give undefined out of range;
  ``undefined[k]`` is undefined; ``e.value`` reads an error's value.  Indexing
  anything else is ``not indexable: T`` where T is the type of the *index*
  (a slip in vm.go that Tengo users see; slicing names the value's type).
* ``a[i] = v`` converts i with ``ToInt`` (``a["1"] = v`` works); out of range
  is ``index out of bounds``; immutable values are ``not index-assignable``.
* Strings slice by byte offsets, keeping partial characters' bytes.  Array
  slices are copies: Go shares the backing array, so in real Tengo writing
  through a slice, or appending to one with spare capacity, changes the
  original — not reproduced here (it depends on Go's slice growth policy).

Runtime errors end the spell (Tengo has no ``try``): :meth:`error` raises a
:class:`ScriptThrow` whose value is Tengo's message without its
``Runtime Error:`` prefix (``invalid operation: int + string``); it is reported
as ``file:line:col: runtime error: <message>`` with the calls that were active.
Bridge failures are runtime errors too.
"""
from __future__ import annotations

import inspect as _inspect
import math
import sys

from ...ir.errors import ScriptError
from ...ir.tengo import is_stdlib
from ..runtime import CODEMAP, BridgeFailure, Runtime, ScriptThrow
from .fmt import format_float, quote
from .values import (
    MAX_NESTING,
    MAXI,
    MINI,
    Array,
    Char,
    Error,
    ImmutableArray,
    ImmutableMap,
    Map,
    Time,
    byte_len,
    char_of,
    from_bytes,
    join,
    rune_of,
    rune_str,
    to_bytes,
    to_int64,
    wrap,
)

MASK64 = 0xFFFFFFFFFFFFFFFF

TOKENS = {"ADD": "+", "SUB": "-", "MUL": "*", "DIV": "/", "MOD": "%", "BAND": "&", "BOR": "|",
          "BXOR": "^", "SHL": "<<", "SHR": ">>", "ANDNOT": "&^"}
_FLOAT_OPS = ("ADD", "SUB", "MUL", "DIV")
#: types whose Python ``==`` is Tengo's ``==`` when both sides have the type
SIMPLE = frozenset({int, float, str, bool, bytes, Char})
_ORDER_TOKENS = {"LT": "<", "LE": "<=", "GT": ">", "GE": ">="}
_TYPE_NAMES = {type(None): "undefined", bool: "bool", int: "int", float: "float", Char: "char", str: "string",
               bytes: "bytes", Array: "array", ImmutableArray: "immutable-array", Map: "map",
               ImmutableMap: "immutable-map", Error: "error", Time: "time"}


class TengoRuntime(Runtime):
    lang = "tengo"

    def __init__(self, policy, out=None, meter=None):
        super().__init__(policy, out, meter)
        self.function_names: dict = {}     # builtin / module / host function -> Tengo type name
        self.modules: dict = {}            # imported modules, by name
        from .builtins import make_builtins
        self.builtins: dict = make_builtins(self)
        #: the globals compiled code reads: the builtins, then what the host adds
        #: (llm, tools, ..., args)
        self.G: dict = dict(self.builtins)

    # -- errors ------------------------------------------------------------------------------
    def bridge_failure(self, message: str):
        """A failed bridge call returns an error value (``is_error(r)``): tengo
        has no try/catch, and its own library reports failures this way."""
        return self.make_error(message)

    def error(self, message: str):
        """A Tengo runtime error at the running script position: ends the spell."""
        tb = self.traceback(sys._getframe(1))
        raise ScriptThrow(message, tb[0] if tb else None, tb)

    def wrong_args(self, label: str):
        """``ErrWrongNumArguments`` from the function Tengo calls *label*
        (``builtin-function:len``, ``user-function:split``)."""
        self.error(f"wrong number of arguments in call to '{label}'")

    def bad_arg(self, label: str, name: str, expected: str, value):
        """``ErrInvalidArgumentType``: argument *name* ("first", "format", ...)."""
        self.error(f"invalid type for argument '{name}' in call to '{label}': "
                   f"expected {expected}, found {self.type_name(value)}")

    def to_script_error(self, exc: ScriptThrow) -> ScriptError:
        value = exc.value
        msg = value if type(value) is str else self.inspect(value)
        return ScriptError(msg, exc.span, value=value, traceback=exc.traceback)

    def nesting_error(self, what: str):
        self.error(f"value nested too deeply to {what} (more than {MAX_NESTING} levels)")

    # -- names and string forms ------------------------------------------------------------------
    def type_name(self, v) -> str:
        name = _TYPE_NAMES.get(type(v))
        if name is not None:
            return name
        code = getattr(v, "__code__", None)
        if code is not None and code in CODEMAP:
            return "compiled-function"
        name = self.function_names.get(v)
        if name is not None:
            return name
        return "user-function:" + getattr(v, "__name__", "")

    def user_function(self, name: str, fn):
        """Name a library or host function as Tengo's ``UserFunction`` (type name
        ``user-function:NAME``); returns *fn*."""
        self.function_names[fn] = "user-function:" + name
        return fn

    def inspect(self, v, depth: int = 0) -> str:
        """Tengo's ``Object.String()``: how ``%v``, containers and ``"s" + v``
        show a value (strings quoted, undefined as ``<undefined>``)."""
        t = type(v)
        if t is str:
            return quote(v)
        if t is int:
            return str(v)
        if t is float:
            return format_float(v)
        if t is bool:
            return "true" if v else "false"
        if v is None:
            return "<undefined>"
        if t is Char:
            return rune_str(v)
        if t is bytes:
            return from_bytes(v)
        if depth > MAX_NESTING:
            self.nesting_error("print")
        if t is Array or t is ImmutableArray:
            self.meter.charge(len(v.items))
            return "[" + ", ".join([self.inspect(x, depth + 1) for x in v.items]) + "]"
        if t is Map or t is ImmutableMap:
            self.meter.charge(len(v.items))
            return "{" + ", ".join([f"{k}: {self.inspect(x, depth + 1)}" for k, x in v.items.items()]) + "}"
        if t is Error:
            return "error: " + self.inspect(v.value, depth + 1)
        if t is Time:
            return str(v)
        return "<" + self.type_name(v).partition(":")[0] + ">"

    def to_string(self, v) -> str:
        """Tengo's ``ToString``: a string as it is, other values' ``String()``;
        undefined gives "" (``string(undefined)`` checks for it first)."""
        if type(v) is str:
            return v
        if v is None:
            return ""
        return self.inspect(v)

    @staticmethod
    def truthy(v) -> bool:
        """``!IsFalsy()``: 0, 0 char, "", empty bytes/array/map, NaN, errors,
        undefined and the zero time are false; 0.0 is true."""
        t = type(v)
        if t is bool:
            return v
        if v is None or t is Error:
            return False
        if t is int or t is Char:
            return v != 0
        if t is float:
            return v == v
        if t is str or t is bytes:
            return len(v) > 0
        if isinstance(v, (Array, Map)):
            return len(v.items) > 0
        if t is Time:
            return not v.is_zero()
        return True

    # -- operators ---------------------------------------------------------------------------
    def arith(self, op: str, a, b):
        """``a op b`` for op in ADD SUB MUL DIV MOD BAND BOR BXOR SHL SHR ANDNOT."""
        ta, tb = type(a), type(b)
        if ta is int:
            if tb is int:
                return self._int_arith(op, a, b)
            if tb is float and op in _FLOAT_OPS:
                return self._float_arith(op, float(a), b)
            if tb is Char and op in ("ADD", "SUB"):
                return char_of(a + b if op == "ADD" else a - b)
        elif ta is float:
            if (tb is float or tb is int) and op in _FLOAT_OPS:
                return self._float_arith(op, a, float(b))
        elif ta is Char:
            if (tb is Char or tb is int) and op in ("ADD", "SUB"):
                return char_of(a + b if op == "ADD" else a - b)
        elif ta is str:
            if op == "ADD":
                return self.concat(a, b)
        elif ta is bytes:
            if op == "ADD" and tb is bytes:
                self.meter.alloc(len(a) + len(b))
                return a + b
        elif ta is Array:
            if op == "ADD" and tb is Array:
                return a if not b.items else self.make_array(a.items + b.items)
        elif ta is ImmutableArray:
            if op == "ADD" and tb is ImmutableArray:
                return self.make_array(a.items + b.items)
        elif ta is Time:
            if tb is int and op in ("ADD", "SUB"):
                return Time(a.ns + b if op == "ADD" else a.ns - b, a.offset, a.zone)
            if tb is Time and op == "SUB":
                return max(MINI, min(MAXI, a.ns - b.ns))     # Go's Sub saturates
        self.error(f"invalid operation: {self.type_name(a)} {TOKENS[op]} {self.type_name(b)}")

    def concat(self, a: str, b) -> str:
        """``a + b`` with a string on the left: b's ``String()`` form is appended
        (compiled code calls this directly once it has seen the string)."""
        t = type(b)
        rhs = b if t is str else str(b) if t is int else self.inspect(b)
        self.meter.string(len(a) + len(rhs))
        s = a + rhs
        return s if s.isascii() else join((a, rhs))

    def _int_arith(self, op: str, a: int, b: int) -> int:
        if op == "ADD":
            return wrap(a + b)
        if op == "SUB":
            return wrap(a - b)
        if op == "MUL":
            return wrap(a * b)
        if op == "DIV" or op == "MOD":
            if b == 0:
                self.error("runtime error: integer divide by zero")
            if op == "DIV":
                q = abs(a) // abs(b)
                return wrap(-q if (a < 0) != (b < 0) else q)
            r = abs(a) % abs(b)
            return -r if a < 0 else r
        if op == "BAND":
            return a & b
        if op == "BOR":
            return a | b
        if op == "BXOR":
            return a ^ b
        if op == "ANDNOT":
            return a & ~b
        s = b & MASK64
        if op == "SHL":
            return 0 if s >= 64 else wrap(a << s)
        return (-1 if a < 0 else 0) if s >= 64 else a >> s

    @staticmethod
    def _float_arith(op: str, x: float, y: float) -> float:
        if op == "ADD":
            return x + y
        if op == "SUB":
            return x - y
        if op == "MUL":
            return x * y
        if y:
            return x / y
        if x != x or x == 0:
            return math.nan
        return math.copysign(math.inf, x) * math.copysign(1.0, y)

    def compare(self, op: str, a, b) -> bool:
        """``a op b`` for op in LT LE GT GE."""
        tok = _ORDER_TOKENS[op]
        ta, tb = type(a), type(b)
        if ta is int and (tb is int or tb is Char) or ta is Char and (tb is Char or tb is int) \
                or ta is str and tb is str or ta is float and tb is float:
            x, y = a, b
        elif ta is int and tb is float or ta is float and tb is int:
            x, y = float(a), float(b)
        elif ta is Time and tb is Time:
            x, y = a.ns, b.ns
        else:
            self.error(f"invalid operation: {self.type_name(a)} {tok} {self.type_name(b)}")
        if op == "LT":
            return x < y
        if op == "LE":
            return x <= y
        return x > y if op == "GT" else x >= y

    def eq(self, a, b, depth: int = 0) -> bool:
        """``a == b``: Tengo's ``Equals``."""
        ta = type(a)
        if ta is int or ta is str or ta is bool or ta is float or ta is Char or ta is bytes:
            return type(b) is ta and a == b
        if a is None:
            return b is None
        if ta is Array or ta is ImmutableArray:
            if not isinstance(b, Array) or len(a.items) != len(b.items):
                return False
            if depth > MAX_NESTING:
                self.nesting_error("compare")
            self.meter.charge(len(a.items))
            return all(self.eq(x, y, depth + 1) for x, y in zip(a.items, b.items))
        if ta is Map or ta is ImmutableMap:
            if not isinstance(b, Map) or len(a.items) != len(b.items):
                return False
            if depth > MAX_NESTING:
                self.nesting_error("compare")
            self.meter.charge(len(a.items))
            other = b.items
            return all(k in other and self.eq(x, other[k], depth + 1) for k, x in a.items.items())
        if ta is Time:
            return type(b) is Time and a.ns == b.ns
        return ta is Error and a is b

    def neg(self, a):
        t = type(a)
        if t is int:
            return wrap(-a)
        if t is float:
            return -a
        self.error(f"invalid operation: -{self.type_name(a)}")

    def bnot(self, a):
        if type(a) is int:
            return ~a
        self.error(f"invalid operation: ^{self.type_name(a)}")

    # -- indexing ----------------------------------------------------------------------------
    def _key(self, k) -> str | None:
        """A map key from any index value (``ToString``); None for undefined."""
        if type(k) is str:
            return k
        return None if k is None else self.inspect(k)

    def index(self, o, k):
        """``o[k]`` and ``o.k``."""
        t = type(o)
        if t is Map or t is ImmutableMap:
            key = self._key(k)
            if key is None:
                self.error("invalid index type: undefined")
            return o.items.get(key)
        if t is Array or t is ImmutableArray or t is str or t is bytes:
            if type(k) is not int:
                self.error(f"invalid index type: {self.type_name(k)}")
            seq = o.items if t is Array or t is ImmutableArray else o
            if not 0 <= k < len(seq):
                return None
            v = seq[k]
            return rune_of(v) if t is str else v
        if o is None:
            return None
        if t is Error:
            if self._key(k) != "value":
                self.error("invalid index on error")
            return o.value
        self.error(f"not indexable: {self.type_name(k)}")

    def set_index(self, o, k, v):
        """``o[k] = v`` and ``o.k = v`` (the last step of a selector chain)."""
        t = type(o)
        if t is Array:
            i = to_int64(k)
            if i is None:
                self.error("invalid index type")
            if not 0 <= i < len(o.items):
                self.error("index out of bounds")
            o.items[i] = v
        elif t is Map:
            key = self._key(k)
            if key is None:
                self.error("invalid index type")
            if key not in o.items:
                self.meter.alloc(32, 0)
            o.items[key] = v
        else:
            self.error(f"not index-assignable: {self.type_name(o)}")

    def slice(self, o, lo, hi):
        """``o[lo:hi]`` (either bound None when omitted)."""
        if lo is None:
            lo = 0
        elif type(lo) is not int:
            self.error(f"invalid slice index type: {self.type_name(lo)}")
        t = type(o)
        if t is str:
            n = byte_len(o)
        elif t is bytes:
            n = len(o)
        elif t is Array or t is ImmutableArray:
            n = len(o.items)
        else:
            self.error(f"not indexable: {self.type_name(o)}")
        if hi is None:
            hi = n
        elif type(hi) is not int:
            self.error(f"invalid slice index type: {self.type_name(hi)}")
        if lo > hi:
            self.error(f"invalid slice index: {lo} > {hi}")
        lo = min(max(lo, 0), n)
        hi = min(max(hi, 0), n)
        if t is str:
            self.meter.string(hi - lo)
            return o[lo:hi] if o.isascii() else from_bytes(to_bytes(o)[lo:hi])
        if t is bytes:
            self.meter.alloc(hi - lo)
            return o[lo:hi]
        return self.make_array(o.items[lo:hi])

    # -- iteration and values ------------------------------------------------------------------
    def iterate(self, v):
        """``for k, v in x``: an iterator of (key, value) pairs — arrays and bytes
        (index, element), maps (key, value) in insertion order, strings (rune
        index, char); undefined iterates nothing."""
        t = type(v)
        if t is Array or t is ImmutableArray:
            return _array_pairs(v.items)
        if t is Map or t is ImmutableMap:
            self.meter.charge(len(v.items) // 8)
            return _map_pairs(v.items)
        if t is str:
            return ((i, rune_of(c)) for i, c in enumerate(v))
        if t is bytes:
            return enumerate(v)
        if v is None:
            return iter(())
        self.error(f"not iterable: {self.type_name(v)}")

    def spread(self, v) -> list:
        """The arguments ``f(x...)`` passes: x must be an array."""
        if isinstance(v, Array):
            return v.items
        self.error(f"not an array: {self.type_name(v)}")

    def make_array(self, items: list) -> Array:
        self.meter.alloc(64 + 8 * len(items))
        return Array(items)

    def make_map(self, keys_values: list) -> Map:
        """A map literal from [k1, v1, k2, v2, ...] (keys are strings)."""
        self.meter.alloc(64 + 16 * len(keys_values))
        it = iter(keys_values)
        return Map(dict(zip(it, it)))

    def immutable(self, v):
        """``immutable(x)``: shallow, and sharing x's elements as Tengo does;
        other values are returned unchanged."""
        t = type(v)
        if t is Array:
            self.meter.alloc(48)
            return ImmutableArray(v.items)
        if t is Map:
            self.meter.alloc(48)
            return ImmutableMap(v.items)
        return v

    @staticmethod
    def make_char(code: int) -> Char:
        """A char literal."""
        return Char(code)

    @staticmethod
    def plus(v):
        """Unary ``+``: Tengo compiles it to nothing (``+"a"`` is ``"a"``)."""
        return v

    def make_error(self, v) -> Error:
        """``error(x)``."""
        self.meter.alloc(48)
        return Error(v)

    # -- calls ---------------------------------------------------------------------------------
    def call(self, f, *args):
        """Call a Tengo value from library code."""
        try:
            return f(*args)
        except TypeError as e:
            return self.call_site(e, f, *args)

    def call_site(self, exc: TypeError, f, *args):
        """A call ``f(*args)`` raised TypeError: if the call itself failed (not a
        function; a compiled function given the wrong number of arguments —
        Tengo has no default parameters), raise Tengo's error; a TypeError from
        inside the callee is not ours and goes on."""
        if exc.__traceback__.tb_next is not None:
            raise exc
        if not callable(f):
            self.error(f"not callable: {self.type_name(f)}")
        code = getattr(f, "__code__", None)
        if code is not None and code in CODEMAP:
            if code.co_flags & _inspect.CO_VARARGS:
                self.error(f"wrong number of arguments: want>={code.co_argcount}, got={len(args)}")
            self.error(f"wrong number of arguments: want={code.co_argcount}, got={len(args)}")
        raise exc

    def append_to(self, arr, *items):
        """``x = append(x, items...)`` with *x* moved out of its variable by the
        compiler: when this call's own references are the only ones left (the
        register, the parameter, getrefcount's argument), nobody can see the
        array change, so it grows in place — amortised O(1) like Go's append,
        where copying made the idiom quadratic.  Otherwise, or when the policy
        replaced ``append``, it is the builtin's call."""
        if type(arr) is Array and sys.getrefcount(arr) <= 3 and self.G["append"] is self.builtins["append"]:
            self.meter.alloc(8 * len(items), 0)
            arr.items.extend(items)
            return arr
        return self.call(self.G["append"], arr, *items)

    def spread_call(self, f, *args):
        """``f(a, b, rest...)``: the last argument's elements are arguments too."""
        if not callable(f):
            self.error(f"not callable: {self.type_name(f)}")
        return self.call(f, *args[:-1], *self.spread(args[-1]))

    def unresolved(self, name: str):
        """A global the spell names but this run does not have (a bridge
        namespace of a run without bridges)."""
        self.error(f"unresolved reference '{name}'")

    def import_module(self, name: str):
        """``import("name")``: a standard module (made once per run), or else a
        module file (``import("./lib")``, ``import("./lib.lua")``)."""
        mod = self.modules.get(name)
        if mod is None:
            if not is_stdlib(name):
                return self.load_module(name)
            from .stdlib import load
            mod = self.modules[name] = load(self, name)
        return mod

    def failure_of(self, value) -> str | None:
        """An error value a function returns: the message another language's
        caller sees raised (``error("boom")`` → ``boom``)."""
        if type(value) is not Error:
            return None
        inner = value.value
        return inner if type(inner) is str else self.inspect(inner)

    def adopt_module(self, value, same_language: bool):
        """A module's value as its importer sees it (tengo's ``export`` already
        made a Tengo module's value immutable)."""
        return value

    # -- what the bridges see (every runtime offers these; see bridges/host.py) --------------
    @staticmethod
    def members(v) -> dict | None:
        if type(v) is dict:             # the globals
            return v
        return v.items if isinstance(v, Map) else None

    def new_namespace(self, members: dict) -> ImmutableMap:
        self.meter.alloc(64 + 32 * len(members))
        return ImmutableMap(dict(members))

    @staticmethod
    def set_namespace_member(ns: Map, name: str, value):
        ns.items[name] = value

    def set_global(self, name: str, value):
        self.G[name] = value

    def get_global(self, name: str):
        return self.G.get(name)

    def host_function(self, name: str, fn, waits: bool = False):
        """A bridge function: a user function named as the intrinsic; one that
        waits simply blocks (Tengo has no promises)."""
        return self.user_function(name, fn)

    def call_from_host(self, f, *args):
        return self.call(f, *args)

    def to_host(self, v, host, depth: int = 0):
        """Script value → plain Python data for a bridge: arrays become lists,
        maps dicts, chars and bytes strings, errors their ``String()`` form."""
        t = type(v)
        if v is None or t is bool or t is int or t is float or t is str:
            return v
        if t is Char:
            return rune_str(v)
        if t is bytes:
            return from_bytes(v)
        if depth > 64:
            raise BridgeFailure("value nested too deeply to pass to the host")
        obj = host.object_for(v)
        if obj is not None:
            return obj
        if isinstance(v, Array):
            return [self.to_host(x, host, depth + 1) for x in v.items]
        if isinstance(v, Map):
            return {k: self.to_host(x, host, depth + 1) for k, x in v.items.items()}
        if t is Error or t is Time:
            return self.inspect(v)
        if callable(v):
            return host.script_function(v)
        return None

    def from_host(self, v, host):
        t = type(v)
        if v is None or t is bool or t is float or t is str:
            return v
        if t is int:
            return v if MINI <= v <= MAXI else float(v)
        if t is dict:
            self.meter.alloc(64 + 32 * len(v))
            return Map({str(k): self.from_host(x, host) for k, x in v.items()})
        if t is list or t is tuple:
            return self.make_array([self.from_host(x, host) for x in v])
        return host.script_value(v)

    @staticmethod
    def main_results(result) -> tuple:
        return ()           # a Tengo script returns nothing

    def main_args(self, args: tuple) -> tuple:
        """A Tengo spell reads its inputs from the global map ``args`` (empty
        without ``--arg``); its main function takes no parameters."""
        inputs = super().main_args(args)
        self.G["args"] = inputs[0] if inputs and isinstance(inputs[0], Map) else self.make_map([])
        return ()

    # -- the names compiled code uses ----------------------------------------------------------
    def helpers(self) -> dict:
        """The names compiled Tengo code uses (vm/tengo/emit.py), bound to this run."""
        from .emit import intrinsic_helpers
        meter = self.meter
        h = {
            "wrap": wrap, "ScriptThrow": ScriptThrow, "SIMPLE": SIMPLE, "Gh": self.G,
            "INF": math.inf, "NAN": math.nan, "NNAN": -math.nan,
            "refuel": meter.refuel, "too_deep": meter.too_deep, "alloc": meter.alloc, "enter": meter.enter,
            "string": meter.string,
            "arith": self.arith, "compare": self.compare, "eq": self.eq, "neg": self.neg, "bnot": self.bnot,
            "truthy": self.truthy, "concat": self.concat, "idx": self.index, "setidx": self.set_index,
            "iterate": self.iterate, "callx": self.call_site, "unresolved": self.unresolved,
            "Array": Array, "Map": Map, "ImmutableMap": ImmutableMap, "join": join,
        }
        h.update(intrinsic_helpers(self))
        return h


def _array_pairs(items: list):
    """(index, element) up to the length the array had when the loop began;
    element assignments during the loop are seen, as with Tengo's iterator."""
    for i in range(len(items)):
        if i >= len(items):         # splice shrank the array
            return
        yield i, items[i]


def _map_pairs(d: dict):
    """(key, value) over the keys present when the loop began; a key deleted
    meanwhile reads undefined."""
    for k in list(d):
        yield k, d.get(k)
