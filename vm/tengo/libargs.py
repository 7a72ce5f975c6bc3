"""Argument checking for the standard modules, as Tengo's Go functions do it.

Every module function in real Tengo starts the same way (stdlib/func_typedefs.go):
check the argument count (``ErrWrongNumArguments``), then convert each argument
with one of tengo.go's ``To*`` conversions or insist on an exact type
(``ErrInvalidArgumentType{Name: "first", Expected: "string(compatible)"}``); the
VM then words the error with the function's type name.  :func:`unpack` does all
of that from a short spec, so each module function states its signature once::

    s, n = unpack(rt, "user-function:repeat", args, "S I")

Spec letters — compatible conversions: ``S`` string (``ToString``: anything but
undefined), ``I`` int (``ToInt``/``ToInt64``: int, float, char, bool, decimal
string), ``F`` float (``ToFloat64``), ``Y`` bytes (``ToByteSlice``: bytes, or a
string's UTF-8), ``T`` time (``ToTime``: a time, or an int of Unix seconds).
Exact types: ``s`` string, ``i`` int, ``f`` float, ``b`` bool, ``y`` bytes;
``*`` takes anything.  ``?`` after a letter makes
that argument and the rest optional (missing ones come back as None).
"""
from __future__ import annotations

from .values import Time, to_bytes, to_float64, to_int64

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
NS_PER_S = 1_000_000_000


def utf8(s: str) -> bytes:
    """A Tengo string's bytes (Go's ``[]byte(s)``)."""
    return s.encode() if s.isascii() else to_bytes(s)


def _conv_string(rt, v):
    if type(v) is str:
        return v
    return None if v is None else rt.inspect(v)


def _conv_bytes(rt, v):
    if type(v) is bytes:
        return v
    return utf8(v) if type(v) is str else None


def _conv_time(rt, v):
    if type(v) is Time:
        return v
    return Time(v * NS_PER_S) if type(v) is int else None


def _exact(t):
    return lambda rt, v: v if type(v) is t else None


#: letter -> (the type that passes unconverted, expected-type text, conversion)
_SPECS = {
    "S": (str, "string(compatible)", _conv_string),
    "I": (int, "int(compatible)", lambda rt, v: to_int64(v)),
    "F": (float, "float(compatible)", lambda rt, v: to_float64(v)),
    "Y": (bytes, "bytes(compatible)", _conv_bytes),
    "T": (Time, "time(compatible)", _conv_time),
    "s": (str, "string", _exact(str)),
    "i": (int, "int", _exact(int)),
    "f": (float, "float", _exact(float)),
    "b": (bool, "bool", _exact(bool)),
    "y": (bytes, "bytes", _exact(bytes)),
}
_ANY = (None, "", None)


def _parse(spec: str) -> tuple:
    """(required count, each argument's own type, per-argument _SPECS entries) of *spec*."""
    letters = spec.replace(" ", "")
    mark = letters.find("?")
    letters = letters.replace("?", "")
    required = len(letters) if mark < 0 else mark - 1
    kinds = tuple(_ANY if letter == "*" else _SPECS[letter] for letter in letters)
    return required, tuple(kind[0] for kind in kinds), kinds


#: parsed specs, by spec text (module functions unpack on every call)
_PARSED: dict = {}


def unpack(rt, label: str, args: tuple, spec: str) -> tuple | list:
    """Check *args* against *spec* for the function Tengo calls *label*; return the
    converted values (None for missing optional ones).  Every conversion returns
    a value of its letter's own type unchanged, so when each argument is given
    and has that type, *args* is the answer."""
    parsed = _PARSED.get(spec)
    if parsed is None:
        parsed = _PARSED[spec] = _parse(spec)
    required, types, kinds = parsed
    if tuple(map(type, args)) == types:
        return args
    if not required <= len(args) <= len(kinds):
        rt.wrong_args(label)
    out = []
    for (same, expected, conv), v in zip(kinds, args):
        if type(v) is same or conv is None:
            out.append(v)
            continue
        r = conv(rt, v)
        if r is None:
            rt.bad_arg(label, ORDINALS[len(out)], expected, v)
        out.append(r)
    if len(args) < len(kinds):
        out.extend([None] * (len(kinds) - len(args)))
    return out


def go_error(rt, message: str):
    """Tengo's ``wrapError(err)``: an error value holding Go's message."""
    return rt.make_error(message)


def functions(rt, fns: dict, label_name=None) -> dict:
    """Module members from {name: python function}: each is registered with the
    runtime as ``user-function:NAME`` (or the fixed *label_name*, for the modules
    whose Go functions have no name, like base64's)."""
    return {name: rt.user_function(name if label_name is None else label_name, fn)
            for name, fn in fns.items()}
