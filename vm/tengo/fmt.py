"""Tengo's formatting: the ``fmt`` module, the formatter behind ``format`` and
``fmt.sprintf``/``printf``, and the pieces of Go's ``strconv`` they print with.

Tengo does not hand values to Go's ``fmt``: ``formatter.go`` is its own port of
Go's printer over Tengo objects, and this module follows it line for line, so
its quirks are Tengo's:

* ``%v`` prints a value's ``String()`` form for every type — strings come out
  quoted (``format("%v", "a")`` is ``"a"`` with the quotes), floats in Go's
  shortest non-exponent form, arrays ``[1, "a"]``, maps ``{k: v}``;
* ints take the integer verbs (``%d %b %o %O %x %X %c %q %U``), floats the float
  verbs, strings and bytes ``%s %q %x %X``, bools ``%t``; every other type (char,
  array, map, error, undefined, time, function) is formatted as its ``String()``
  with the string verbs — so ``%c`` of a char is a bad verb;
* a bad verb prints ``%!d(<value>=<value>)`` — the value's ``String()`` where Go
  would print its type;
* ``%T`` prints the Tengo type name.

The ``fmt`` module's ``print``/``println`` concatenate their arguments' string
forms with no separator (Go's ``fmt.Print`` of strings); ``printf`` with only a
format prints the format's ``String()`` form — quoted — because real Tengo hands
the string object itself to Go's ``fmt.Print``.  Output goes to ``rt.write``.
"""
from __future__ import annotations

import math
import struct

from .values import MAX_RUNE, RUNE_ERROR, ImmutableMap, from_bytes, to_bytes, to_int64

MASK64 = 0xFFFFFFFFFFFFFFFF
LOWER = "0123456789abcdefx"       # formatter.go's ldigits / udigits: the digits,
UPPER = "0123456789ABCDEFX"       # then the letter of the 0x prefix
_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}


# -- Go's strconv ----------------------------------------------------------------------------
def _escaped_rune(c: str, quote: str, ascii_only: bool) -> str:
    """strconv's ``appendEscapedRune``."""
    if c == quote or c == "\\":
        return "\\" + c
    r = ord(c)
    if 0xDC80 <= r <= 0xDCFF:          # a byte that is not UTF-8
        return f"\\x{r - 0xDC00:02x}"
    if (c < "\x80" if ascii_only else True) and c.isprintable():
        return c
    e = _ESCAPES.get(c)
    if e is not None:
        return e
    if r < 0x20 or r == 0x7F:
        return f"\\x{r:02x}"
    if 0xD800 <= r <= 0xDFFF:
        r = 0xFFFD
    return f"\\u{r:04x}" if r < 0x10000 else f"\\U{r:08x}"


def quote(s: str, ascii_only: bool = False) -> str:
    """Go's ``strconv.Quote`` (``QuoteToASCII`` with *ascii_only*)."""
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return f'"{s}"'
    return '"' + "".join(_escaped_rune(c, '"', ascii_only) for c in s) + '"'


def quote_rune(r: int, ascii_only: bool = False) -> str:
    """Go's ``strconv.QuoteRune``: an invalid rune is quoted as U+FFFD."""
    c = chr(r) if 0 <= r <= MAX_RUNE and not 0xD800 <= r <= 0xDFFF else RUNE_ERROR
    return "'" + _escaped_rune(c, "'", ascii_only) + "'"


def can_backquote(s: str) -> bool:
    """Go's ``strconv.CanBackquote``."""
    return not any((c < " " and c != "\t") or c in "`\x7f\ufeff" or "\udc80" <= c <= "\udcff" for c in s)


def format_float(x: float, fmt: str = "f", prec: int = -1) -> str:
    """Go's ``strconv.FormatFloat(x, fmt, prec, 64)`` for fmt in ``bxXeEfgG``;
    ``prec < 0`` asks for the shortest digits that read back as *x*.  The
    default is Tengo's ``Float.String()`` form."""
    if x != x:
        return "NaN"
    if math.isinf(x):
        return "+Inf" if x > 0 else "-Inf"
    if fmt == "b" or fmt in "xX":
        return _format_binary(x, fmt, prec)
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    x = abs(x)
    if prec >= 0 and fmt in "eEf":
        return sign + f"{x:.{prec}{fmt}}"
    if prec < 0:
        digits, dp = _shortest_digits(x)
        nd = len(digits)
        prec = {"e": nd - 1, "E": nd - 1, "f": max(nd - dp, 0)}.get(fmt, nd)
        return sign + format_digits(digits, dp, True, prec, fmt)
    prec = prec or 1                     # %g with precision 0 means 1
    return sign + format_digits(*_rounded_digits(x, prec), False, prec, fmt)


def _shortest_digits(x: float) -> tuple[str, int]:
    """Shortest round-trip decimal digits of x >= 0 and the decimal point's
    position (x = 0.DIGITS * 10**dp); zero has no digits."""
    if x == 0:
        return "", 0
    mant, _, exp = repr(x).partition("e")
    whole, _, frac = mant.partition(".")
    all_digits = whole + frac
    stripped = all_digits.lstrip("0")
    dp = len(whole) + int(exp or 0) - (len(all_digits) - len(stripped))
    return stripped.rstrip("0"), dp


def _rounded_digits(x: float, n: int) -> tuple[str, int]:
    """x >= 0 rounded to n significant digits (half to even, on the exact
    binary value, as Go rounds), trailing zeros trimmed."""
    if x == 0:
        return "", 0
    mant, _, exp = f"{x:.{n - 1}e}".partition("e")
    return mant.replace(".", "").rstrip("0"), int(exp) + 1


def format_digits(digits: str, dp: int, shortest: bool, prec: int, fmt: str) -> str:
    """strconv's ``formatDigits``."""
    nd = len(digits)
    if fmt in "eE":
        return _fmt_e(digits, dp, prec, fmt)
    if fmt == "f":
        return _fmt_f(digits, dp, prec)
    eprec = prec
    if eprec > nd >= dp:
        eprec = nd
    if shortest:
        eprec = 6
    exp = dp - 1
    if exp < -4 or exp >= eprec:
        return _fmt_e(digits, dp, min(prec, nd) - 1, "e" if fmt == "g" else "E")
    if prec > dp:
        prec = nd
    return _fmt_f(digits, dp, max(prec - dp, 0))


def _fmt_e(digits: str, dp: int, prec: int, fmt: str) -> str:
    out = digits[0] if digits else "0"
    if prec > 0:
        out += "." + digits[1:prec + 1].ljust(prec, "0")
    exp = dp - 1 if digits else 0
    sign = "-" if exp < 0 else "+"
    return f"{out}{fmt}{sign}{abs(exp):02d}"


def _fmt_f(digits: str, dp: int, prec: int) -> str:
    out = digits[:dp].ljust(dp, "0") if dp > 0 else "0"
    if prec > 0:
        out += "." + "".join(digits[dp + i] if 0 <= dp + i < len(digits) else "0" for i in range(prec))
    return out


def _format_binary(x: float, fmt: str, prec: int) -> str:
    """``%b`` (mantissa p exponent, in decimal) and ``%x``/``%X`` (hexadecimal
    mantissa with a power-of-two exponent), from the float's bits as strconv."""
    bits = struct.unpack(">Q", struct.pack(">d", x))[0]
    sign = "-" if bits >> 63 else ""
    exp = (bits >> 52) & 0x7FF
    mant = bits & ((1 << 52) - 1)
    if exp == 0:
        exp = 1
    else:
        mant |= 1 << 52
    exp -= 1023
    if fmt == "b":
        e = exp - 52
        return f"{sign}{mant}p{'+' if e >= 0 else ''}{e}"
    if mant == 0:
        exp = 0
    mant <<= 8                                # leading 1 at bit 60
    while mant and not mant & (1 << 60):
        mant <<= 1
        exp -= 1
    if 0 <= prec < 15:
        shift = prec * 4
        extra = (mant << shift) & ((1 << 60) - 1)
        mant >>= 60 - shift
        if extra | (mant & 1) > 1 << 59:
            mant += 1
        mant <<= 60 - shift
        if mant & (1 << 61):
            mant >>= 1
            exp += 1
    hexdigits = LOWER if fmt == "x" else UPPER
    out = f"{sign}0{fmt}{(mant >> 60) & 1}"
    mant = (mant << 4) & MASK64
    if (prec < 0 and mant) or prec > 0:
        out += "."
        count = prec if prec > 0 else None
        while (mant if count is None else count > 0):
            out += hexdigits[(mant >> 60) & 15]
            mant = (mant << 4) & MASK64
            if count is not None:
                count -= 1
    return f"{out}{'p' if fmt == 'x' else 'P'}{'-' if exp < 0 else '+'}{abs(exp):02d}"


# -- the formatter (formatter.go) ----------------------------------------------------------------
def _too_large(x: int) -> bool:
    return x > 1_000_000 or x < -1_000_000


def _parsenum(s: str, start: int, end: int) -> tuple[int, bool, int]:
    """An ASCII decimal number at s[start:end]: (value, present, next index)."""
    num, isnum, i = 0, False, start
    while i < end and "0" <= s[i] <= "9":
        if _too_large(num):
            return 0, False, end
        num = num * 10 + ord(s[i]) - 48
        isnum = True
        i += 1
    return num, isnum, i


def _parse_arg_number(s: str) -> tuple[int, int, bool]:
    """``[n]`` at the start of s: (zero-based index, length consumed, ok)."""
    if len(s) < 3:
        return 0, 1, False
    close = s.find("]", 1)
    if close < 0:
        return 0, 1, False
    width, ok, newi = _parsenum(s, 1, close)
    if not ok or newi != close:
        return 0, close + 1, False
    return width - 1, close + 1, True


class Printer:
    """One ``Format`` call: formatter.go's ``pp`` and ``formatter`` in one."""

    def __init__(self, rt):
        self.rt = rt
        self.buf: list[str] = []
        self.arg = None
        self.clear_flags()

    def clear_flags(self):
        self.wid_present = self.prec_present = False
        self.minus = self.plus = self.sharp = self.space = self.zero = False
        self.plus_v = self.sharp_v = False
        self.wid = self.prec = 0

    # -- padding -------------------------------------------------------------------------
    def write_padding(self, n: int):
        if n > 0:
            self.buf.append(("0" if self.zero else " ") * n)

    def pad(self, s: str):
        if not self.wid_present or self.wid == 0:
            self.buf.append(s)
            return
        width = self.wid - len(s)
        if self.minus:
            self.buf.append(s)
            self.write_padding(width)
        else:
            self.write_padding(width)
            self.buf.append(s)

    def pad_no_zero(self, s: str):
        zero, self.zero = self.zero, False
        self.pad(s)
        self.zero = zero

    def truncate(self, s: str) -> str:
        return s[:self.prec] if self.prec_present else s

    # -- basic formatters --------------------------------------------------------------------
    def fmt_s(self, s: str):
        self.pad(self.truncate(s))

    def fmt_q(self, s: str):
        s = self.truncate(s)
        if self.sharp and can_backquote(s):
            self.pad(f"`{s}`")
        else:
            self.pad(quote(s, self.plus))

    def fmt_sbx(self, b: bytes, digits: str):
        """Hexadecimal of the bytes of a string or bytes value."""
        length = len(b)
        if self.prec_present and self.prec < length:
            length = self.prec
        width = 2 * length
        if width <= 0:
            if self.wid_present:
                self.write_padding(self.wid)
            return
        if self.space:
            if self.sharp:
                width *= 2
            width += length - 1
        elif self.sharp:
            width += 2
        if self.wid_present and self.wid > width and not self.minus:
            self.write_padding(self.wid - width)
        prefix = "0" + digits[16]
        parts = []
        if self.sharp:
            parts.append(prefix)
        for i in range(length):
            if self.space and i > 0:
                parts.append(" ")
                if self.sharp:
                    parts.append(prefix)
            c = b[i]
            parts.append(digits[c >> 4] + digits[c & 0xF])
        self.buf.append("".join(parts))
        if self.wid_present and self.wid > width and self.minus:
            self.write_padding(self.wid - width)

    def fmt_integer(self, value: int, base: int, verb: str, digits: str):
        """formatter.go's ``fmtInteger`` (*value* carries its sign)."""
        negative = value < 0
        u = -value if negative else value
        prec = 0
        if self.prec_present:
            prec = self.prec
            if prec == 0 and u == 0:
                zero, self.zero = self.zero, False
                self.write_padding(self.wid)
                self.zero = zero
                return
        elif self.zero and self.wid_present:
            prec = self.wid
            if negative or self.plus or self.space:
                prec -= 1
        s = format(u, {10: "d", 16: "x", 8: "o", 2: "b"}[base])
        if digits is UPPER:
            s = s.upper()
        s = s.rjust(prec, "0")
        if self.sharp:
            if base == 2:
                s = "0b" + s
            elif base == 8 and s[0] != "0":
                s = "0" + s
            elif base == 16:
                s = "0" + digits[16] + s
        if verb == "O":
            s = "0o" + s
        if negative:
            s = "-" + s
        elif self.plus:
            s = "+" + s
        elif self.space:
            s = " " + s
        self.pad_no_zero(s)

    def fmt_unicode(self, u: int):
        prec = self.prec if self.prec_present and self.prec > 4 else 4
        s = "U+" + format(u, "X").rjust(prec, "0")
        if self.sharp and u <= MAX_RUNE and chr(u).isprintable() and not 0xD800 <= u <= 0xDFFF:
            s += f" '{chr(u)}'"
        self.pad_no_zero(s)

    def fmt_c(self, u: int):
        self.pad(chr(u) if u <= MAX_RUNE and not 0xD800 <= u <= 0xDFFF else RUNE_ERROR)

    def fmt_float(self, v: float, verb: str, prec: int):
        """formatter.go's ``fmtFloat``: sign, padding, ``#`` and Inf/NaN rules
        around strconv's digits."""
        if self.prec_present:
            prec = self.prec
        num = format_float(v, verb, prec)
        if num[0] not in "+-":
            num = "+" + num
        if self.space and num[0] == "+" and not self.plus:
            num = " " + num[1:]
        if num[1] in "IN":
            if num[1] == "N" and not self.space and not self.plus:
                num = num[1:]
            self.pad_no_zero(num)
            return
        if self.sharp and verb != "b":
            digits = 0
            if verb in "vgGx":
                digits = 6 if prec == -1 else prec
            tail = ""
            has_point = False
            for i in range(1, len(num)):
                c = num[i]
                if c == ".":
                    has_point = True
                elif c in "pP" or (c in "eE" and verb not in "xX"):
                    tail, num = num[i:], num[:i]
                    break
                else:
                    digits -= 1
            if not has_point:
                num += "."
            num += "0" * max(digits, 0) + tail
        if self.plus or num[0] != "+":
            if self.zero and self.wid_present and self.wid > len(num):
                self.buf.append(num[0])
                self.write_padding(self.wid - len(num))
                self.buf.append(num[1:])
                return
            self.pad(num)
            return
        self.pad(num[1:])

    # -- by argument type ------------------------------------------------------------------
    def bad_verb(self, verb: str):
        self.buf.append(f"%!{verb}(")
        self.buf.append(self.rt.inspect(self.arg))
        self.buf.append("=")
        self.print_arg(self.arg, "v")
        self.buf.append(")")

    def fmt_int_verb(self, v: int, verb: str):
        u = v & MASK64
        if verb in "dv":
            self.fmt_integer(v, 10, verb, LOWER)
        elif verb == "b":
            self.fmt_integer(v, 2, verb, LOWER)
        elif verb in "oO":
            self.fmt_integer(v, 8, verb, LOWER)
        elif verb == "x":
            self.fmt_integer(v, 16, verb, LOWER)
        elif verb == "X":
            self.fmt_integer(v, 16, verb, UPPER)
        elif verb == "c":
            self.fmt_c(u)
        elif verb == "q" and u <= MAX_RUNE:
            self.pad(quote_rune(u, self.plus))
        elif verb == "U":
            self.fmt_unicode(u)
        else:
            self.bad_verb(verb)

    def fmt_float_verb(self, v: float, verb: str):
        if verb in "bgGxX":
            self.fmt_float(v, verb, -1)
        elif verb in "feE":
            self.fmt_float(v, verb, 6)
        elif verb == "F":
            self.fmt_float(v, "f", 6)
        else:
            self.bad_verb(verb)

    def fmt_string_verb(self, s: str, verb: str):
        if verb == "s":
            self.fmt_s(s)
        elif verb in "xX":
            self.fmt_sbx(to_bytes(s), LOWER if verb == "x" else UPPER)
        elif verb == "q":
            self.fmt_q(s)
        else:
            self.bad_verb(verb)

    def fmt_bytes_verb(self, b: bytes, verb: str):
        if verb == "d":
            self.buf.append("[")
            for i, c in enumerate(b):
                if i:
                    self.buf.append(" ")
                self.fmt_integer(c, 10, verb, LOWER)
            self.buf.append("]")
        elif verb == "s":
            self.fmt_s(from_bytes(b))
        elif verb in "xX":
            self.fmt_sbx(b, LOWER if verb == "x" else UPPER)
        elif verb == "q":
            self.fmt_q(from_bytes(b))
        # any other verb prints nothing, as in formatter.go

    def print_arg(self, arg, verb: str):
        self.arg = arg
        rt = self.rt
        if verb == "T":
            self.fmt_s(rt.type_name(arg))
            return
        if verb == "v":
            self.fmt_s(rt.inspect(arg))
            return
        t = type(arg)
        if t is bool:
            if verb == "t":
                self.fmt_s("true" if arg else "false")
            else:
                self.bad_verb(verb)
        elif t is float:
            self.fmt_float_verb(arg, verb)
        elif t is int:
            self.fmt_int_verb(arg, verb)
        elif t is str:
            self.fmt_string_verb(arg, verb)
        elif t is bytes:
            self.fmt_bytes_verb(arg, verb)
        else:
            self.fmt_string_verb(rt.inspect(arg), verb)

    # -- the format string -------------------------------------------------------------------
    def int_from_arg(self, args: list, n: int) -> tuple[int, bool, int]:
        if n < len(args):
            num = to_int64(args[n])
            if num is None or _too_large(num):
                return 0, False, n + 1
            return num, True, n + 1
        return 0, False, n

    def arg_number(self, n: int, fmt: str, i: int, nargs: int) -> tuple[int, int, bool]:
        if i >= len(fmt) or fmt[i] != "[":
            return n, i, False
        self.reordered = True
        index, width, ok = _parse_arg_number(fmt[i:])
        if ok and 0 <= index < nargs:
            return index, i + width, True
        self.good_arg_num = False
        return n, i + width, ok

    def do_format(self, fmt: str, args: list) -> str:
        end = len(fmt)
        n = 0
        after_index = False
        self.reordered = False
        i = 0
        buf = self.buf
        while i < end:
            self.good_arg_num = True
            j = fmt.find("%", i)
            if j < 0:
                buf.append(fmt[i:])
                break
            if j > i:
                buf.append(fmt[i:j])
            i = j + 1
            self.clear_flags()
            simple = False
            while i < end:
                c = fmt[i]
                if c == "#":
                    self.sharp = True
                elif c == "0":
                    self.zero = not self.minus
                elif c == "+":
                    self.plus = True
                elif c == "-":
                    self.minus = True
                    self.zero = False
                elif c == " ":
                    self.space = True
                else:
                    if "a" <= c <= "z" and n < len(args):
                        if c == "v":
                            self.sharp_v, self.sharp = self.sharp, False
                            self.plus_v, self.plus = self.plus, False
                        self.print_arg(args[n], c)
                        n += 1
                        i += 1
                        simple = True
                    break
                i += 1
            if simple:
                continue
            n, i, after_index = self.arg_number(n, fmt, i, len(args))
            if i < end and fmt[i] == "*":
                i += 1
                self.wid, self.wid_present, n = self.int_from_arg(args, n)
                if not self.wid_present:
                    buf.append("%!(BADWIDTH)")
                if self.wid < 0:
                    self.wid = -self.wid
                    self.minus = True
                    self.zero = False
                after_index = False
            else:
                self.wid, self.wid_present, i = _parsenum(fmt, i, end)
                if after_index and self.wid_present:
                    self.good_arg_num = False
            if i + 1 < end and fmt[i] == ".":
                i += 1
                if after_index:
                    self.good_arg_num = False
                n, i, after_index = self.arg_number(n, fmt, i, len(args))
                if i < end and fmt[i] == "*":
                    i += 1
                    self.prec, self.prec_present, n = self.int_from_arg(args, n)
                    if self.prec < 0:
                        self.prec, self.prec_present = 0, False
                    if not self.prec_present:
                        buf.append("%!(BADPREC)")
                    after_index = False
                else:
                    self.prec, self.prec_present, i = _parsenum(fmt, i, end)
                    if not self.prec_present:
                        self.prec, self.prec_present = 0, True
            if not after_index:
                n, i, after_index = self.arg_number(n, fmt, i, len(args))
            if i >= end:
                buf.append("%!(NOVERB)")
                break
            verb = fmt[i]
            i += 1
            if verb == "%":
                buf.append("%")
            elif not self.good_arg_num:
                buf.append(f"%!{verb}(BADINDEX)")
            elif n >= len(args):
                buf.append(f"%!{verb}(MISSING)")
            else:
                if verb == "v":
                    self.sharp_v, self.sharp = self.sharp, False
                    self.plus_v, self.plus = self.plus, False
                self.print_arg(args[n], verb)
                n += 1
        if not self.reordered and n < len(args):
            self.clear_flags()
            buf.append("%!(EXTRA ")
            for k, arg in enumerate(args[n:]):
                if k:
                    buf.append(", ")
                buf.append(self.rt.type_name(arg) + "=")
                self.print_arg(arg, "v")
            buf.append(")")
        return "".join(buf)


def format_values(rt, fmt: str, args) -> str:
    """Tengo's ``Format``: *fmt* applied to Tengo values (the ``format``
    builtin and ``fmt.sprintf``/``printf``)."""
    rt.meter.charge(len(fmt) // 8 + len(args))
    s = Printer(rt).do_format(fmt, list(args))
    rt.meter.string(len(s))
    return s


# -- the fmt module ------------------------------------------------------------------------------
def module(rt) -> ImmutableMap:
    def print_(*args):
        s = "".join(rt.to_string(a) for a in args)
        rt.meter.charge(len(s) // 8)
        rt.write(s)

    def println(*args):
        print_(*args)
        rt.write("\n")

    def formatted(label: str, args: tuple):
        """The format and the formatted string, or the format alone when there
        is nothing to format (which Tengo returns untouched)."""
        if not args:
            rt.wrong_args(label)
        if type(args[0]) is not str:
            rt.bad_arg(label, "format", "string", args[0])
        return None if len(args) == 1 else format_values(rt, args[0], args[1:])

    def printf(*args):
        s = formatted("user-function:printf", args)
        rt.write(rt.inspect(args[0]) if s is None else s)

    def sprintf(*args):
        s = formatted("user-function:sprintf", args)
        return args[0] if s is None else s

    return ImmutableMap({name: rt.user_function(name, fn) for name, fn in
                         (("print", print_), ("printf", printf), ("println", println), ("sprintf", sprintf))})
