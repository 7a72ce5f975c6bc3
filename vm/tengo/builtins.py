"""Tengo's builtin functions (builtins.go), made for one run by :func:`make_builtins`.

Each builtin takes ``*args`` and checks them itself, so a wrong call is Tengo's
error, worded as vm.go words it: ``wrong number of arguments in call to
'builtin-function:len'`` and ``invalid type for argument 'first' in call to
'builtin-function:len': expected array/string/bytes/map, found int``.

The set is v2.17.0's: ``len copy append delete splice string int bool float char
bytes time format range type_name`` and the ``is_*`` predicates.  ``error(x)`` and
``immutable(x)`` are expressions in Tengo, not builtins: compiled code calls
``rt.make_error`` / ``rt.immutable``.  Conversions return undefined (or the
optional second argument) when they cannot convert, as the docs say; ``time(n)``
reads n as Unix seconds in the sandbox's local zone, which is UTC.
"""
from __future__ import annotations

from ..runtime import CODEMAP
from .fmt import format_values
from .values import (
    MAX_NESTING,
    Array,
    Char,
    Error,
    ImmutableArray,
    ImmutableMap,
    Map,
    Time,
    byte_len,
    char_of,
    to_bytes,
    to_float64,
    to_int64,
)

MAX_BYTES_LEN = 2147483647
_ITERABLE = (Array, ImmutableArray, Map, ImmutableMap, str, bytes, type(None))


def make_builtins(rt) -> dict:
    """The builtins of run *rt*, by name."""
    builtins: dict = {}

    def builtin(fn, name: str | None = None):
        name = name or fn.__name__.rstrip("_")
        rt.function_names[fn] = "builtin-function:" + name
        builtins[name] = fn
        return fn

    def arity(name: str, args: tuple, lo: int, hi: int):
        if not lo <= len(args) <= hi:
            rt.wrong_args("builtin-function:" + name)

    def convert(name: str, args: tuple, same: type, conv):
        """The conversion builtins' shape: *same* type passes through, *conv*
        gives the value or None, and then the fallback (or undefined)."""
        arity(name, args, 1, 2)
        v = args[0]
        if type(v) is same:
            return v
        r = conv(v)
        if r is not None:
            return r
        return args[1] if len(args) == 2 else None

    @builtin
    def len_(*args):
        if len(args) != 1:         # arity() inline: len is called in loops
            rt.wrong_args("builtin-function:len")
        v = args[0]
        t = type(v)
        if t is str:
            return len(v) if v.isascii() else byte_len(v)
        if isinstance(v, (Array, Map)):
            return len(v.items)
        if t is bytes:
            return len(v)
        rt.bad_arg("builtin-function:len", "first", "array/string/bytes/map", v)

    @builtin
    def copy_(*args):
        arity("copy", args, 1, 1)
        return deep_copy(rt, args[0])

    @builtin
    def append(*args):
        if len(args) < 2:
            rt.wrong_args("builtin-function:append")
        arr = args[0]
        if not isinstance(arr, Array):
            rt.bad_arg("builtin-function:append", "first", "array", arr)
        rt.meter.charge(len(arr.items) // 8)
        return rt.make_array(arr.items + list(args[1:]))

    @builtin
    def delete(*args):
        arity("delete", args, 2, 2)
        m, key = args
        if type(m) is not Map:
            rt.bad_arg("builtin-function:delete", "first", "map", m)
        if type(key) is not str:
            rt.bad_arg("builtin-function:delete", "second", "string", key)
        m.items.pop(key, None)

    @builtin
    def splice(*args):
        """splice(array[, start[, count[, items...]]]): removes and inserts in
        place, returns the removed elements."""
        if not args:
            rt.wrong_args("builtin-function:splice")
        arr = args[0]
        if type(arr) is not Array:
            rt.bad_arg("builtin-function:splice", "first", "array", arr)
        items = arr.items
        n = len(items)
        start, count = 0, n
        if len(args) > 1:
            start = args[1]
            if type(start) is not int:
                rt.bad_arg("builtin-function:splice", "second", "int", start)
            if not 0 <= start <= n:
                rt.error("index out of bounds")
        if len(args) > 2:
            count = args[2]
            if type(count) is not int:
                rt.bad_arg("builtin-function:splice", "third", "int", count)
            if count < 0:
                rt.error("index out of bounds")
        end = min(start + count, n)
        rt.meter.charge((n + len(args)) // 8)
        deleted = items[start:end]
        items[start:end] = args[3:]
        return rt.make_array(deleted)

    @builtin
    def string(*args):
        if not 1 <= len(args) <= 2:     # arity() inline: string is called in loops
            rt.wrong_args("builtin-function:string")
        v = args[0]
        if v is None:
            return args[1] if len(args) == 2 else None
        s = rt.to_string(v)
        if s is not v:
            rt.meter.string(len(s))
        return s

    @builtin
    def int_(*args):
        return convert("int", args, int, to_int64)

    @builtin
    def float_(*args):
        return convert("float", args, float, to_float64)

    @builtin
    def char(*args):
        return convert("char", args, Char, lambda v: char_of(v) if type(v) is int else None)

    @builtin
    def bool_(*args):
        arity("bool", args, 1, 1)
        return rt.truthy(args[0])

    @builtin
    def bytes_(*args):
        arity("bytes", args, 1, 2)
        v = args[0]
        if type(v) is int:                      # bytes(n): n zero bytes
            if v > MAX_BYTES_LEN:
                rt.error("exceeding bytes size limit")
            if v < 0:
                rt.error("runtime error: makeslice: len out of range")
            rt.meter.alloc(v + 33)
            return bytes(v)
        return convert("bytes", args, bytes, _to_bytes)

    @builtin
    def time(*args):
        return convert("time", args, Time, lambda v: Time(v * 10**9) if type(v) is int else None)

    @builtin
    def type_name(*args):
        arity("type_name", args, 1, 1)
        return rt.type_name(args[0])

    @builtin
    def format_(*args):
        if not args:
            rt.wrong_args("builtin-function:format")
        fmt = args[0]
        if type(fmt) is not str:
            rt.bad_arg("builtin-function:format", "format", "string", fmt)
        return fmt if len(args) == 1 else format_values(rt, fmt, args[1:])

    @builtin
    def range_(*args):
        """range(start, stop[, step]): ints from start toward stop, step > 0."""
        arity("range", args, 2, 3)
        for arg, name in zip(args, ("start", "stop", "step")):
            if type(arg) is not int:
                rt.bad_arg("builtin-function:range", name, "int", arg)
            if name == "step" and arg <= 0:
                rt.error("range step must be greater than 0")
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else 1
        r = range(start, stop, step if start <= stop else -step)
        rt.meter.alloc(8 * len(r))
        rt.meter.charge(len(r) // 8)
        return rt.make_array(list(r))

    def type_check(name: str, test):
        """``is_NAME(x)``: *test* is the type x must have, or a predicate.  The
        type's test is inline and so is arity(): is_* are called in loops."""
        label = "builtin-function:" + name
        if isinstance(test, type):
            def check(*args):
                if len(args) != 1:
                    rt.wrong_args(label)
                return type(args[0]) is test
        else:
            def check(*args):
                if len(args) != 1:
                    rt.wrong_args(label)
                return test(args[0])
        builtin(check, name)

    for name, t in (("is_int", int), ("is_float", float), ("is_string", str), ("is_bool", bool),
                    ("is_char", Char), ("is_bytes", bytes), ("is_array", Array),
                    ("is_immutable_array", ImmutableArray), ("is_map", Map), ("is_immutable_map", ImmutableMap),
                    ("is_time", Time), ("is_error", Error), ("is_undefined", type(None))):
        type_check(name, t)
    type_check("is_iterable", lambda v: type(v) in _ITERABLE)
    type_check("is_function", lambda v: getattr(v, "__code__", None) in CODEMAP)
    type_check("is_callable", callable)
    return builtins


def _to_bytes(v):
    return to_bytes(v) if type(v) is str else None


def deep_copy(rt, v, depth: int = 0):
    """``copy(x)``: Tengo's ``Copy()`` — arrays and maps (immutable ones too)
    become new mutable ones with copied elements; errors copy their value;
    everything else is returned as it is."""
    t = type(v)
    if t is Array or t is ImmutableArray or t is Map or t is ImmutableMap or t is Error:
        if depth > MAX_NESTING:
            rt.nesting_error("copy")
        if t is Error:
            return rt.make_error(deep_copy(rt, v.value, depth + 1))
        rt.meter.charge(len(v.items))
        if t is Array or t is ImmutableArray:
            return rt.make_array([deep_copy(rt, x, depth + 1) for x in v.items])
        rt.meter.alloc(64 + 32 * len(v.items))
        return Map({k: deep_copy(rt, x, depth + 1) for k, x in v.items.items()})
    return v
