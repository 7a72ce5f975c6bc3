"""``string.format``: Lua 5.4's lstrlib ``str_format`` on top of C ``printf`` semantics.

Input: the format string and the arguments after it.  Output: the formatted
string.  Lua hands each conversion to the C library's ``sprintf`` after checking
the specification itself (``checkformat``: flags allowed per conversion, width and
precision of at most two digits); we do the same checks with the same messages and
then reproduce what glibc prints:

* ``%d %i %u %o %x %X`` -- integers (floats only with an exact integer value);
  ``%u %o %x %X`` show the 64-bit two's complement of negative numbers.
* ``%e %E %f %g %G`` -- Python's ``%`` operator, which rounds exactly as glibc does
  for finite numbers; infinities and NaNs are spelled by hand as glibc spells them
  (``inf``, ``-nan``; the ``0`` flag pads them with spaces).
* ``%a %A`` -- glibc's hexadecimal floats (``0x1.8p+1``; subnormals as
  ``0x0.0...1p-1022``; rounding to a precision may carry into the leading digit).
* ``%c %s %p %q %%`` as lstrlib does them.

Everything is done on bytes, since Lua strings are bytes.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal

from ..values import MINI, from_bytes, to_bytes
from .lauxlib import arg_error, check_int, check_num

FLAGS_F = b"-+#0 "       # a A e E f g G
FLAGS_X = b"-#0"         # o x X
FLAGS_I = b"-+0 "        # d i
FLAGS_U = b"-0"          # u
FLAGS_C = b"-"           # c p s
SPEC_CHARS = frozenset(b"-+#0 123456789.")
MAX_FORMAT = 32           # lstrlib's buffer for one specification
MASK64 = (1 << 64) - 1


class Spec:
    """A checked conversion specification: flags, width, precision (None if absent)."""

    __slots__ = ("flags", "width", "prec")

    def __init__(self, flags: bytes, width: int, prec: int | None):
        self.flags = flags
        self.width = width
        self.prec = prec

    def sign(self, negative: bool) -> str:
        if negative:
            return "-"
        if 43 in self.flags:          # '+'
            return "+"
        return " " if 32 in self.flags else ""

    def pad(self, body: str, sign: str = "", zeros_ok: bool = False) -> str:
        """*sign* + *body* padded to the width: spaces on the left, spaces on the
        right with ``-``, zeros after the sign with ``0`` when *zeros_ok*."""
        fill = self.width - len(sign) - len(body)
        if fill <= 0:
            return sign + body
        if 45 in self.flags:          # '-'
            return sign + body + " " * fill
        if zeros_ok and 48 in self.flags:
            return sign + "0" * fill + body
        return " " * fill + sign + body


def _check(rt, form: bytes, flags: bytes, precision: bool) -> Spec:
    """lstrlib's ``checkformat``: ``[flags][width][.precision]conversion`` with
    only *flags* allowed, at most two digits each, and no width starting with 0."""
    spec = form[1:] + b"\0"
    i = 0
    while spec[i] in flags:
        i += 1
    fl = spec[:i]
    width = 0
    prec = None
    if spec[i] != 48:
        j = i
        while i < j + 2 and 48 <= spec[i] <= 57:
            i += 1
        if i > j:
            width = int(spec[j:i])
        if spec[i] == 46 and precision:
            i += 1
            j = i
            while i < j + 2 and 48 <= spec[i] <= 57:
                i += 1
            prec = int(spec[j:i]) if i > j else 0
    c = spec[i]
    if not (65 <= c <= 90 or 97 <= c <= 122):
        rt.error(f"invalid conversion specification: '{from_bytes(form)}'")
    return Spec(fl, width, prec)


def fmt_integer(x: int, conv: str, sp: Spec) -> str:
    """C's ``%lld``/``%llu``/``%llo``/``%llx``/``%llX`` of the 64-bit integer *x*."""
    if conv in "di":
        neg = x < 0
        digits = str(-x if neg else x)
        sign = sp.sign(neg)
    else:
        u = x & MASK64
        digits = format(u, {"u": "d", "o": "o", "x": "x", "X": "X"}[conv])
        sign = ""
    prec = sp.prec
    if prec is not None:
        if prec == 0 and x == 0:
            digits = ""
        if len(digits) < prec:
            digits = "0" * (prec - len(digits)) + digits
    if 35 in sp.flags:                # '#'
        if conv == "o" and not digits.startswith("0"):
            digits = "0" + digits
        elif conv in "xX" and x != 0:
            sign = "0" + conv
    return sp.pad(digits, sign, zeros_ok=prec is None)


def _nonfinite(x: float, upper: bool, sp: Spec) -> str:
    body = "nan" if x != x else "inf"
    return sp.pad(body.upper() if upper else body, sp.sign(math.copysign(1.0, x) < 0))


def fmt_float(x: float, conv: str, sp: Spec) -> str:
    """C's ``%e %E %f %g %G`` of *x*.

    One glibc quirk is reproduced: with ``#``, a ``%g`` whose value is below
    ``10**P`` but rounds up to it is printed with no fraction digits (``%#.2g`` of
    99.5 is ``1.e+02``, not ``1.0e+02``): glibc sizes the fraction for the
    fixed-point form before rounding switches it to the exponent form.
    """
    if not math.isfinite(x):
        return _nonfinite(x, conv in "EG", sp)
    py = "%" + "".join(sorted(set(chr(c) for c in sp.flags))) + (str(sp.width) if sp.width else "")
    if conv in "gG" and 35 in sp.flags and x != 0:
        p = max(1, 6 if sp.prec is None else sp.prec)
        if Decimal(abs(x)).adjusted() == p - 1:
            out = (py + "." + str(p) + conv) % x
            if "e" in out or "E" in out:
                return (py + ".0" + ("e" if conv == "g" else "E")) % math.copysign(10.0 ** p, x)
            return out
    if sp.prec is not None:
        py += "." + str(sp.prec)
    return (py + conv) % x


def hexfloat(x: float, sp: Spec, upper: bool = False) -> str:
    """glibc's ``%a``: ``[-]0xh.hhhp±d``, normal numbers with leading digit 1,
    subnormals with leading digit 0 and exponent -1022, exact when no precision is
    given (trailing zeros dropped), else rounded half-to-even to *prec* digits."""
    if not math.isfinite(x):
        return _nonfinite(x, upper, sp)
    sign = sp.sign(math.copysign(1.0, x) < 0)
    x = abs(x)
    if x == 0:
        lead, frac, exp = 0, 0, 0
    elif x >= 2.2250738585072014e-308:
        m, e = math.frexp(x)
        lead, frac, exp = 1, int(m * (1 << 53)) - (1 << 52), e - 1
    else:
        lead, frac, exp = 0, int(math.ldexp(x, 1074)), -1022
    prec = sp.prec
    if prec is None:
        digits = ("%013x" % frac).rstrip("0")
    elif prec >= 13:
        digits = "%013x" % frac + "0" * (prec - 13)
    else:
        shift = 4 * (13 - prec)
        q, rem = divmod(frac, 1 << shift)
        half = 1 << (shift - 1)
        last = q if prec else lead
        if rem > half or (rem == half and last & 1):
            q += 1
            if q >> (4 * prec):       # carried into the leading digit
                q = 0
                lead += 1
        digits = "%0*x" % (prec, q) if prec else ""
    point = "." if digits or 35 in sp.flags else ""
    body = f"{lead}{point}{digits}p{exp:+d}"
    if upper:
        return sp.pad(body.upper(), sign + "0X", zeros_ok=True)
    return sp.pad(body, sign + "0x", zeros_ok=True)


_QUOTE = re.compile(rb'[\x00-\x1f\x7f"\\](?=([0-9])?)')


def _quote_one(m) -> bytes:
    c = m.group(0)[0]
    if c == 34 or c == 92 or c == 10:     # '"' '\\' newline: backslash + itself
        return b"\\" + m.group(0)
    return (b"\\%03d" if m.group(1) else b"\\%d") % c


def quote_string(b: bytes) -> bytes:
    """``%q`` of a string: reads back as the same string in Lua."""
    return b'"' + _QUOTE.sub(_quote_one, b) + b'"'


def literal(rt, v, arg: int) -> bytes:
    """``%q``: *v* written as Lua source."""
    t = type(v)
    if t is str:
        return quote_string(to_bytes(v))
    if t is int:
        return b"0x8000000000000000" if v == MINI else str(v).encode()
    if t is float:
        if v == math.inf:
            return b"1e9999"
        if v == -math.inf:
            return b"-1e9999"
        if v != v:
            return b"(0/0)"
        return hexfloat(v, Spec(b"", 0, None)).encode()
    if v is None or t is bool:
        return rt.tostring(v).encode()
    arg_error(rt, arg, "format", "value has no literal form")


def _pointer(rt, v) -> str:
    """``%p``: Lua prints the object's address; we print its per-run id (as
    ``tostring`` does) and ``(null)`` for values that are not objects."""
    if v is None or type(v) in (bool, int, float):
        return "(null)"
    return f"0x{rt.object_id(v):08x}"


def str_format(rt, fmt: str, args: tuple) -> str:
    """``string.format(fmt, ...)`` with *args* the values after *fmt*."""
    F = to_bytes(fmt)
    n = len(F)
    top = len(args) + 1
    out: list[bytes] = []
    arg = 1
    i = 0
    while i < n:
        j = F.find(b"%", i)
        if j < 0:
            out.append(F[i:])
            break
        if j > i:
            out.append(F[i:j])
        i = j + 1
        if i < n and F[i] == 37:
            out.append(b"%")
            i += 1
            continue
        arg += 1
        if arg > top:
            arg_error(rt, arg, "format", "no value")
        k = i
        while k < n and F[k] in SPEC_CHARS:
            k += 1
        if k - i + 1 >= MAX_FORMAT - 10:
            rt.error("invalid format (too long)")
        conv = F[k] if k < n else 0
        form = F[i - 1:k + 1] if conv else F[i - 1:k]
        i = k + 1
        v = args[arg - 2]
        out.append(_convert(rt, chr(conv), form, v, arg))
    total = sum(map(len, out))
    rt.meter.charge(total)
    rt.meter.string(total)
    return from_bytes(b"".join(out))


def _convert(rt, conv: str, form: bytes, v, arg: int) -> bytes:
    """One conversion item, in lstrlib's order of checks (argument vs. format)."""
    if conv in "diuoxX":
        x = check_int(rt, v, arg, "format")
        flags = FLAGS_I if conv in "di" else FLAGS_U if conv == "u" else FLAGS_X
        return fmt_integer(x, conv, _check(rt, form, flags, True)).encode()
    if conv in "eEfgG":
        x = float(check_num(rt, v, arg, "format"))
        return fmt_float(x, conv, _check(rt, form, FLAGS_F, True)).encode()
    if conv in "aA":
        sp = _check(rt, form, FLAGS_F, True)
        return hexfloat(float(check_num(rt, v, arg, "format")), sp, conv == "A").encode()
    if conv == "c":
        sp = _check(rt, form, FLAGS_C, False)
        c = bytes([check_int(rt, v, arg, "format") & 0xFF]).decode("latin-1")
        return sp.pad(c).encode("latin-1")
    if conv == "s":
        s = to_bytes(rt.tostring(v))
        if len(form) == 2:
            return s
        if b"\0" in s:
            arg_error(rt, arg, "format", "string contains zeros")
        sp = _check(rt, form, FLAGS_C, True)
        if sp.prec is None and len(s) >= 100:
            return s
        if sp.prec is not None:
            s = s[:sp.prec]
        return sp.pad(s.decode("latin-1")).encode("latin-1")
    if conv == "q":
        if len(form) > 2:
            rt.error("specifier '%q' cannot have modifiers")
        return literal(rt, v, arg)
    if conv == "p":
        p = _pointer(rt, v)
        return _check(rt, form, FLAGS_C, False).pad(p).encode()
    rt.error(f"invalid conversion '{from_bytes(form)}' to 'format'")
