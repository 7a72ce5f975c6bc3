"""ECMAScript number <-> string conversions (pure functions, no VM dependencies).

Input: JS numbers as Python floats; a Python int is treated exactly like the float of
the same value (huge ints round to +-Infinity like JS would).  Output: Python str or float.
Invariant: every function returns a value for any input of its declared types; the only
exception ever raised is ``RangeError`` where the ECMAScript spec throws one, carrying
node's (V8's) message.  Results match V8/node bit for bit, including V8's own algorithm for
``Number.prototype.toString(radix)`` fractions and ``parseInt`` in non power-of-two radixes,
which the spec leaves implementation-defined.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal

__all__ = [
    "RangeError",
    "number_to_string",
    "parse_float",
    "parse_int",
    "string_to_number",
    "to_exponential",
    "to_fixed",
    "to_int32",
    "to_integer_or_infinity",
    "to_precision",
    "to_string_radix",
    "to_uint32",
]

INF = math.inf
NAN = math.nan
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
# StrWhiteSpaceChar: WhiteSpace (TAB VT FF ZWNBSP and every Zs char) + LineTerminator.
_JS_SPACE = ("\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
             "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
# ASCII-only digit classes: Python's \d and float() accept other Unicode digits and "_".
_DECIMAL = r"[+-]?(?:Infinity|(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
_STR_DECIMAL = re.compile(_DECIMAL + r"\Z")
_PREFIX_DECIMAL = re.compile(_DECIMAL)
_NONDECIMAL = re.compile(r"0(?:[xX](?P<x>[0-9a-fA-F]+)|[oO](?P<o>[0-7]+)|[bB](?P<b>[01]+))\Z")


class RangeError(Exception):
    """The JS RangeError a conversion throws; ``str(e)`` is node's message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _num(x) -> float:
    """The JS number for ``x``: ints become the nearest double (overflow -> +-Infinity)."""
    if isinstance(x, float):
        return x
    try:
        return float(x)
    except OverflowError:
        return INF if x > 0 else -INF


def _int_to_double(n: int) -> float:
    """Round a non-negative mathematical integer to the nearest double (ties to even)."""
    try:
        return float(n)
    except OverflowError:
        return INF


# ---------------------------------------------------------------- number -> string

def _shortest(ax: float) -> tuple[str, int]:
    """Shortest round-trip digits of a finite ``ax > 0`` as (digits, n): ax = 0.digits * 10**n.

    Python's repr already picks the shortest digit string that round-trips (closest
    one on ties), which is what Number::toString specifies and V8 prints.
    """
    mant, _, exp = repr(ax).partition("e")
    whole, _, frac = mant.partition(".")
    digits = (whole + frac).lstrip("0")
    n = len(whole) + (int(exp) if exp else 0) - (len(whole + frac) - len(digits))
    return digits.rstrip("0"), n


def _exp_form(digits: str, e: int) -> str:
    """``d.ddd`` + ``e+N``/``e-N``, the exponential layout shared by toString and friends."""
    head = digits if len(digits) == 1 else digits[0] + "." + digits[1:]
    return f"{head}e{'+' if e >= 0 else '-'}{abs(e)}"


def number_to_string(x) -> str:
    """Number::toString(x) in radix 10 (what ``String(x)`` prints); a safe integer
    (the common case) prints as its digits, which are then its shortest form."""
    if type(x) is float and x.is_integer() and -9007199254740992.0 < x < 9007199254740992.0:
        return str(int(x))
    x = _num(x)
    if math.isnan(x):
        return "NaN"
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    if math.isinf(x):
        return sign + "Infinity"
    digits, n = _shortest(abs(x))
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + digits
    return sign + _exp_form(digits, n - 1)


def _radix_arg(radix) -> int:
    """ToIntegerOrInfinity(radix) checked to 2..36 (undefined/None means 10)."""
    if radix is None:
        return 10
    r = to_integer_or_infinity(radix)
    if not 2 <= r <= 36:
        raise RangeError("toString() radix argument must be between 2 and 36")
    return int(r)


def to_string_radix(x, radix=None) -> str:
    """``Number.prototype.toString(radix)``; non-decimal radixes use V8's DoubleToRadixCString.

    That algorithm emits fraction digits only while they are significant (``delta`` is
    half the gap to the next double, scaled along), rounds the last one half-to-even with
    carry propagation, and prints integer digits beyond 2**53 as zeros.
    """
    r = _radix_arg(radix)
    x = _num(x)
    if r == 10 or not math.isfinite(x):
        return number_to_string(x)
    negative = x < 0
    value = -x if negative else x
    integer = float(math.floor(value))
    fraction = value - integer
    delta = max(math.nextafter(0.0, 1.0), 0.5 * (math.nextafter(value, INF) - value))
    frac_digits: list[int] = []
    if fraction >= delta:
        while True:
            fraction *= r
            delta *= r
            digit = int(fraction)
            frac_digits.append(digit)
            fraction -= digit
            if (fraction > 0.5 or (fraction == 0.5 and digit & 1)) and fraction + delta > 1:
                # Round up: propagate the carry back through the written digits.
                while True:
                    if not frac_digits:
                        integer += 1
                        break
                    d = frac_digits.pop()
                    if d + 1 < r:
                        frac_digits.append(d + 1)
                        break
                break
            if not fraction >= delta:
                break
    int_digits: list[str] = []
    while integer / r >= 2.0 ** 53:  # V8: Double(integer / radix).Exponent() > 0
        integer /= r
        int_digits.append("0")
    while True:
        rem = math.fmod(integer, r)
        int_digits.append(_DIGITS[int(rem)])
        integer = (integer - rem) / r
        if not integer > 0:
            break
    out = ("-" if negative else "") + "".join(reversed(int_digits))
    if frac_digits:
        out += "." + "".join(_DIGITS[d] for d in frac_digits)
    return out


def _digits_arg(digits, lo: int, what: str) -> int | float:
    """ToIntegerOrInfinity of a digits argument; out of lo..100 raises node's RangeError."""
    f = to_integer_or_infinity(_num(digits) if digits is not None else 0.0)
    if not lo <= f <= 100:
        raise RangeError(what)
    return int(f)


def _round_sig(ax: float, p: int) -> tuple[str, int]:
    """The exact value of finite ``ax > 0`` rounded half-up to ``p`` significant digits.

    Returns (p digits, e) with ax ~= d.ddd * 10**e; ties go to the larger n as the spec
    requires (V8's bignum dtoa does the same).
    """
    num, den = ax.as_integer_ratio()
    e = Decimal(ax).adjusted()
    shift = p - 1 - e
    if shift >= 0:
        num *= 10 ** shift
    else:
        den *= 10 ** -shift
    n = (2 * num + den) // (2 * den)
    if n == 10 ** p:
        n //= 10
        e += 1
    return str(n), e


def to_fixed(x, digits=None) -> str:
    """``Number.prototype.toFixed(digits)`` from the double's exact decimal value."""
    f = _digits_arg(digits, 0, "toFixed() digits argument must be between 0 and 100")
    x = _num(x)
    if not math.isfinite(x) or abs(x) >= 1e21:
        return number_to_string(x)
    sign = "-" if x < 0 else ""
    num, den = abs(x).as_integer_ratio()
    m = str((2 * num * 10 ** f + den) // (2 * den))
    if f:
        m = m.rjust(f + 1, "0")
        m = m[:-f] + "." + m[-f:]
    return sign + m


def to_exponential(x, digits=None) -> str:
    """``Number.prototype.toExponential(digits)``; ``None`` (undefined) = as many as needed."""
    x = _num(x)
    # Spec and V8 convert the argument first, then answer non-finite x, then range-check.
    f = to_integer_or_infinity(_num(digits)) if digits is not None else None
    if not math.isfinite(x):
        return number_to_string(x)
    if f is not None and not 0 <= f <= 100:
        raise RangeError("toExponential() argument must be between 0 and 100")
    sign = "-" if x < 0 else ""
    if x == 0:
        return sign + _exp_form("0" * (int(f or 0) + 1), 0)
    if f is None:
        ds, n = _shortest(abs(x))
        return sign + _exp_form(ds, n - 1)
    ds, e = _round_sig(abs(x), int(f) + 1)
    return sign + _exp_form(ds, e)


def to_precision(x, precision=None) -> str:
    """``Number.prototype.toPrecision(precision)``; ``None`` (undefined) = ToString(x)."""
    x = _num(x)
    if precision is None:
        return number_to_string(x)
    p = to_integer_or_infinity(_num(precision))
    if not math.isfinite(x):
        return number_to_string(x)
    if not 1 <= p <= 100:
        raise RangeError("toPrecision() argument must be between 1 and 100")
    p = int(p)
    sign = "-" if x < 0 else ""
    if x == 0:
        ds, e = "0" * p, 0
    else:
        ds, e = _round_sig(abs(x), p)
    if e < -6 or e >= p:
        return sign + _exp_form(ds, e)
    if e == p - 1:
        return sign + ds
    if e >= 0:
        return sign + ds[:e + 1] + "." + ds[e + 1:]
    return sign + "0." + "0" * (-e - 1) + ds


# ---------------------------------------------------------------- string -> number

def string_to_number(s: str) -> float:
    """ToNumber applied to a string (``Number(s)``, unary ``+s``)."""
    s = s.strip(_JS_SPACE)
    if not s:
        return 0.0
    if _STR_DECIMAL.match(s):
        if s[-1] == "y":  # [+-]Infinity
            return -INF if s[0] == "-" else INF
        return float(s)
    m = _NONDECIMAL.match(s)
    if m is None:
        return NAN
    for base, text in ((16, m["x"]), (8, m["o"]), (2, m["b"])):
        if text is not None:
            return _int_to_double(int(text, base))
    return NAN  # unreachable: the pattern has exactly those three alternatives


def parse_float(s: str) -> float:
    """Global ``parseFloat``: the longest StrDecimalLiteral prefix after leading space."""
    m = _PREFIX_DECIMAL.match(s.lstrip(_JS_SPACE))
    if m is None:
        return NAN
    text = m.group()
    if text[-1] == "y":
        return -INF if text[0] == "-" else INF
    return float(text)


def _generic_radix(text: str, radix: int) -> float:
    """V8's approximation for radixes that are neither 10 nor a power of two.

    Digits are gathered into 32-bit chunks and folded into a double accumulator
    (``result * multiplier + part``), so large values can differ from correct rounding;
    the spec allows this and node prints exactly these values.  V8 skips leading zeros
    before chunking, which moves the chunk boundaries, so we do too.
    """
    text = text.lstrip("0")
    max_multiplier = 0xFFFFFFFF // 36
    result = 0.0
    i, end = 0, len(text)
    while i < end:
        part, multiplier = 0, 1
        while i < end:
            m = multiplier * radix
            if m > max_multiplier:
                break
            part = part * radix + int(text[i], 36)
            multiplier = m
            i += 1
        result = result * multiplier + part
    return result


def parse_int(s: str, radix=None) -> float:
    """Global ``parseInt(s, radix)``; ``radix=None`` is undefined (ToInt32 -> 0)."""
    s = s.lstrip(_JS_SPACE)
    sign = 1.0
    if s[:1] in ("-", "+"):
        if s[0] == "-":
            sign = -1.0
        s = s[1:]
    r = to_int32(radix) if radix is not None else 0
    strip_prefix = True
    if r != 0:
        if not 2 <= r <= 36:
            return NAN
        strip_prefix = r == 16
    else:
        r = 10
    if strip_prefix and s[:2] in ("0x", "0X"):
        s = s[2:]
        r = 16
    end = 0
    for ch in s:
        if not ch.isascii() or not ch.isalnum() or int(ch, 36) >= r:
            break
        end += 1
    text = s[:end]
    if not text:
        return NAN
    if r == 10:
        value = float(text)  # correctly rounded for any length, like V8's Strtod
    elif r & (r - 1) == 0:
        value = _int_to_double(int(text, r))  # power of two: V8 rounds exactly
    else:
        value = _generic_radix(text, r)
    return sign * value


# ---------------------------------------------------------------- integer conversions

def to_integer_or_infinity(x) -> int | float:
    """ToIntegerOrInfinity: NaN -> 0, +-Infinity stay (as floats), else truncate to an int."""
    x = _num(x)
    if math.isnan(x):
        return 0
    if math.isinf(x):
        return x
    return int(x)


def to_uint32(x) -> int:
    """ToUint32: truncate, then wrap modulo 2**32 (NaN and +-Infinity give 0)."""
    x = _num(x)
    if not math.isfinite(x):
        return 0
    return int(x) & 0xFFFFFFFF


def to_int32(x) -> int:
    """ToInt32: ToUint32 reinterpreted as a signed 32-bit integer."""
    u = to_uint32(x)
    return u - (1 << 32) if u >= 1 << 31 else u
