"""Go's strconv parsing and float32 formatting, for Tengo's ``text`` module.

``parse_int``/``parse_uint``/``atoi``/``parse_float``/``parse_bool``/``unquote`` answer
what Go's functions answer, or raise :class:`NumError` whose message is Go's
``err.Error()`` (``strconv.ParseInt: parsing "300": value out of range``;
``Unquote`` fails with the bare ``invalid syntax``).  ``format_float`` adds the
32-bit forms to :func:`.fmt.format_float` (Go's ``FormatFloat(f, fmt, prec, 32)``
rounds to float32 and prints the shortest digits that read back as that float32).
Strings are Tengo strings (code points); their bytes are their UTF-8.
"""
from __future__ import annotations

import math
import re
import struct

from .fmt import format_digits, quote
from .fmt import format_float as format_float64
from .libargs import utf8
from .values import MAX_RUNE, from_bytes

__all__ = ["NumError", "atoi", "format_float", "format_int", "parse_bool", "parse_float", "parse_int",
           "parse_uint", "unquote"]

MAX_UINT64 = (1 << 64) - 1


class NumError(Exception):
    """A strconv error; str() is Go's message."""


def _num_error(fn: str, s: str, why: str) -> NumError:
    return NumError(f"strconv.{fn}: parsing {quote(s)}: {why}")


def _underscore_ok(s: str) -> bool:
    """Go's ``underscoreOK``: underscores only between digits or after a base prefix."""
    saw = "^"
    i = 0
    if s[:1] in ("+", "-"):
        s = s[1:]
    hexa = False
    if len(s) >= 2 and s[0] == "0" and s[1].lower() in "box":
        i, saw, hexa = 2, "0", s[1].lower() == "x"
    for c in s[i:]:
        if "0" <= c <= "9" or hexa and c.lower() in "abcdef":
            saw = "0"
        elif c == "_":
            if saw != "0":
                return False
            saw = "_"
        else:
            if saw == "_":
                return False
            saw = "!"
    return saw != "_"


def parse_uint(s: str, base: int, bits: int, fn: str = "ParseUint", num: str | None = None) -> int:
    """Go's ``ParseUint``; raises NumError (``.range`` set for a range error).  *fn* and
    *num* are the function name and input the message shows (ParseInt's own)."""
    s0 = s if num is None else num
    orig = s
    if s == "":
        raise _num_error(fn, s0, "invalid syntax")
    base0 = base == 0
    if base == 0:
        base = 10
        if s[0] == "0":
            if len(s) >= 3 and s[1].lower() in "box":
                base, s = {"b": 2, "o": 8, "x": 16}[s[1].lower()], s[2:]
            else:
                base, s = 8, s[1:]
    elif not 2 <= base <= 36:
        raise _num_error(fn, s0, f"invalid base {base}")
    if bits == 0:
        bits = 64
    elif not 0 < bits <= 64:
        raise _num_error(fn, s0, f"invalid bit size {bits}")
    max_val = (1 << bits) - 1
    underscores = False
    n = 0
    for c in s:
        if c == "_" and base0:
            underscores = True
            continue
        if "0" <= c <= "9":
            d = ord(c) - 48
        elif "a" <= c.lower() <= "z" and c.isascii():
            d = ord(c.lower()) - 87
        else:
            raise _num_error(fn, s0, "invalid syntax")
        if d >= base:
            raise _num_error(fn, s0, "invalid syntax")
        n = n * base + d
        if n > max_val:
            e = _num_error(fn, s0, "value out of range")
            e.range = True
            raise e
    if underscores and not _underscore_ok(orig):
        raise _num_error(fn, s0, "invalid syntax")
    return n


def parse_int(s: str, base: int, bits: int, fn: str = "ParseInt") -> int:
    """Go's ``ParseInt``."""
    if s == "":
        raise _num_error(fn, s, "invalid syntax")
    s0 = s
    neg = s[0] == "-"
    if s[0] in "+-":
        s = s[1:]
    try:
        un = parse_uint(s, base, bits, fn, s0)
    except NumError as e:
        if not getattr(e, "range", False):
            raise
        un = MAX_UINT64
    if bits == 0:
        bits = 64
    cutoff = 1 << (bits - 1)
    if (not neg and un >= cutoff) or (neg and un > cutoff):
        raise _num_error(fn, s0, "value out of range")
    return -un if neg else un


def atoi(s: str) -> int:
    """Go's ``Atoi`` (base 10, no underscores, 64-bit)."""
    return parse_int(s, 10, 0, "Atoi")


def parse_bool(s: str) -> bool:
    if s in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if s in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    raise _num_error("ParseBool", s, "invalid syntax")


_DEC = re.compile(r"[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?\Z")
_HEX = re.compile(r"[+-]?0[xX](?:[0-9a-fA-F_]+\.?[0-9a-fA-F_]*|\.[0-9a-fA-F_]+)[pP][+-]?[0-9_]+\Z")
_SPECIAL = {"inf": math.inf, "+inf": math.inf, "-inf": -math.inf, "infinity": math.inf,
            "+infinity": math.inf, "-infinity": -math.inf, "nan": math.nan}


def _f32(x: float) -> float:
    return struct.unpack("<f", struct.pack("<f", x))[0]


def parse_float(s: str, bits: int) -> float:
    """Go's ``ParseFloat(s, bits)`` (32 rounds to float32; anything else is 64)."""
    special = _SPECIAL.get(s.lower())
    if special is not None:
        return special
    is_hex = _HEX.match(s)
    if not (is_hex or _DEC.match(s)) or ("_" in s and not _underscore_ok(s)) or not any(c.isdigit() for c in s):
        raise _num_error("ParseFloat", s, "invalid syntax")
    body = s.replace("_", "")
    try:
        f = float.fromhex(body) if is_hex else float(body)
    except OverflowError:
        f = math.inf if body[0] != "-" else -math.inf
    if bits == 32 and not math.isinf(f):
        try:
            f = _f32(f)
        except OverflowError:
            f = math.copysign(math.inf, f)
    if math.isinf(f):
        raise _num_error("ParseFloat", s, "value out of range")
    return f


# -- Unquote ------------------------------------------------------------------------------------
class _Syntax(Exception):
    pass


_SIMPLE_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}


def _unquote_char(s: str, i: int, quote_char: str, out: bytearray) -> int:
    """Go's ``UnquoteChar`` at s[i]: append the character's bytes, return the next index."""
    c = s[i]
    if c == quote_char and quote_char in "'\"":
        raise _Syntax
    if c != "\\":
        out += utf8(c)
        return i + 1
    if i + 1 >= len(s):
        raise _Syntax
    c = s[i + 1]
    i += 2
    if c in _SIMPLE_ESCAPES:
        out.append(_SIMPLE_ESCAPES[c])
        return i
    if c in "xuU":
        n = {"x": 2, "u": 4, "U": 8}[c]
        digits = s[i:i + n]
        if len(digits) < n or not all(d in "0123456789abcdefABCDEF" for d in digits):
            raise _Syntax
        v = int(digits, 16)
        if c == "x":
            out.append(v)
        else:
            if v > MAX_RUNE or 0xD800 <= v <= 0xDFFF:
                raise _Syntax
            out += chr(v).encode("utf-8")
        return i + n
    if "0" <= c <= "7":
        digits = c + s[i:i + 2]
        if len(digits) < 3 or not all("0" <= d <= "7" for d in digits) or int(digits, 8) > 255:
            raise _Syntax
        out.append(int(digits, 8))
        return i + 2
    if c in "'\"" and c == quote_char:
        out.append(ord(c))
        return i
    raise _Syntax


def unquote(s: str) -> str:
    """Go's ``strconv.Unquote``: a "..." / '...' / `...` literal's value."""
    if len(s) < 2 or s[0] not in "\"'`" or s[-1] != s[0]:
        raise NumError("invalid syntax")
    q = s[0]
    body = s[1:-1]
    if q == "'" and body == "":
        return ""                     # Go accepts '' (an empty rune decodes as valid there)
    if q == "`":
        if "`" in body:
            raise NumError("invalid syntax")
        return body.replace("\r", "")
    try:
        out = bytearray()
        i = 0
        count = 0
        while i < len(body):
            if body[i] == "\n":
                raise _Syntax
            i = _unquote_char(body, i, q, out)
            count += 1
        if q == "'" and count != 1:
            raise _Syntax
    except _Syntax:
        raise NumError("invalid syntax") from None
    return from_bytes(bytes(out))


# -- formatting ------------------------------------------------------------------------------------
def _shortest32(x: float) -> tuple[str, int]:
    """Shortest decimal digits (and point position) that read back as float32 x >= 0."""
    if x == 0:
        return "", 0
    for p in range(1, 10):
        mant, _, exp = f"{x:.{p - 1}e}".partition("e")
        if _f32(float(f"{mant}e{exp}")) == x:
            digits = mant.replace(".", "").rstrip("0")
            return digits, int(exp) + 1
    raise AssertionError("float32 needs at most 9 digits")  # pragma: no cover


def format_float(f: float, fmt: str, prec: int, bits: int) -> str:
    """Go's ``strconv.FormatFloat``; raises ValueError with Go's panic message for
    a bit size other than 32 or 64."""
    if bits not in (32, 64):
        raise ValueError("strconv: illegal AppendFloat/FormatFloat bitSize")
    if len(fmt) != 1 or fmt not in "beEfgGxX":
        return "%" + fmt
    if bits == 64:
        return format_float64(f, fmt, prec)
    try:
        x = _f32(f)
    except OverflowError:
        x = math.copysign(math.inf, f)
    if x != x or math.isinf(x) or prec >= 0 and fmt not in "b":
        return format_float64(x, fmt, prec)
    if fmt == "b":
        bits32 = struct.unpack("<I", struct.pack("<f", x))[0]
        exp, mant = (bits32 >> 23) & 0xFF, bits32 & 0x7FFFFF
        exp = 1 if exp == 0 else exp
        mant = mant if (bits32 >> 23) & 0xFF == 0 else mant | 1 << 23
        e = exp - 127 - 23
        return f"{'-' if bits32 >> 31 else ''}{mant}p{'+' if e >= 0 else ''}{e}"
    if fmt in "xX":
        return format_float64(x, fmt, prec)
    digits, dp = _shortest32(abs(x))
    nd = len(digits)
    eprec = {"e": nd - 1, "E": nd - 1, "f": max(nd - dp, 0)}.get(fmt, nd)
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    return sign + format_digits(digits, dp, True, eprec, fmt)


def format_int(i: int, base: int) -> str:
    """Go's ``FormatInt``; raises ValueError (Go's panic) for a base outside 2..36."""
    if not 2 <= base <= 36:
        raise ValueError("strconv: illegal AppendInt/FormatInt base")
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    n, out = abs(i), []
    while True:
        n, r = divmod(n, base)
        out.append(digits[r])
        if n == 0:
            break
    return ("-" if i < 0 else "") + "".join(reversed(out))

