"""Lua's number <-> string conversions and integer/float rules.

``fmt_number`` prints numbers exactly as Lua 5.4 does (``%.14g`` for floats,
``.0`` appended when the result looks like an integer, ``inf``/``-inf``/
``nan``/``-nan``); ``str2number`` accepts exactly what Lua's ``lua_stringtonumber``
accepts (decimal and hex integers, which wrap; decimal and hex floats; surrounding
whitespace).
"""
from __future__ import annotations

import math
import re

from ..values import MAXI, MINI, wrap


def fmt_g14(x: float) -> str:
    """C's ``printf("%.14g", x)`` (LUAI_NUMFFORMAT), NaN sign included."""
    if x != x:
        return "-nan" if math.copysign(1.0, x) < 0 else "nan"
    if x == math.inf:
        return "inf"
    if x == -math.inf:
        return "-inf"
    return "%.14g" % x


def fmt_float(x: float) -> str:
    """``tostring`` of a float: %.14g, plus ".0" when that looks like an integer."""
    s = fmt_g14(x)
    if "." in s or "e" in s or "n" in s or "i" in s:
        return s
    return s + ".0"


def fmt_number(v) -> str:
    return str(v) if type(v) is int else fmt_float(v)


_DEC = re.compile(r"[ \t\n\r\f\v]*([-+]?)(?:(0[xX])([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?[0-9]+))?"
                  r"|([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?)[ \t\n\r\f\v]*\Z")


def str2number(s: str):
    """The number a string denotes in Lua, or ``None``."""
    if type(s) is not str or len(s) > 200:
        return None
    m = _DEC.match(s)
    if m is None:
        return None
    sign, hx, hint, hfrac, hexp, dint, dfrac, dexp = m.groups()
    neg = sign == "-"
    if hx:
        hfrac_s = hfrac or ""
        if not hint and not hfrac_s:
            return None
        if hfrac is None and hexp is None:
            v = wrap(int(hint, 16))
            return wrap(-v) if neg else v
        mant = int((hint or "") + hfrac_s or "0", 16)
        exp = int(hexp or 0) - 4 * len(hfrac_s)
        try:
            v = math.ldexp(float(mant), exp)
        except OverflowError:
            v = math.inf
        return -v if neg else v
    dint = dint or ""
    if not dint and not dfrac:
        return None
    if dfrac is None and dexp is None and "." not in s:
        v = int(dint)
        if v > MAXI + (1 if neg else 0):
            # too large for an integer: Lua reads it as a float
            return -float(dint) if neg else float(dint)
        return -v if neg else v
    try:
        v = float(f"{dint or '0'}.{dfrac or ''}e{dexp or 0}")
    except (ValueError, OverflowError):
        return None
    return -v if neg else v


def float_to_int(x: float):
    """The integer equal to float *x*, or ``None`` (Lua's ``lua_Number`` → ``lua_Integer``)."""
    if x.is_integer() and -9.3e18 < x < 9.3e18:
        i = int(x)
        if MINI <= i <= MAXI:
            return i
    return None


def tointeger(v):
    """Lua's ``math.tointeger``-like conversion used by integer arguments: ints,
    integral floats and strings denoting them; otherwise ``None``."""
    t = type(v)
    if t is int:
        return v
    if t is float:
        return float_to_int(v)
    if t is str:
        n = str2number(v)
        return None if n is None else tointeger(n)
    return None


def tonumber(v):
    """Number coercion for arithmetic: numbers, and strings that denote numbers."""
    t = type(v)
    if t is int or t is float:
        return v
    if t is str:
        return str2number(v)
    return None
