"""Tengo values on the shared value model, and Tengo's conversions between them.

=================  ===========================  ======================================
Tengo value        Python representation        notes
=================  ===========================  ======================================
undefined          ``None``
bool               ``True`` / ``False``         test with ``type(x) is bool``: a bool
                                                is never an int here
int                ``int``, always in           64-bit two's complement: arithmetic
                   [MINI, MAXI]                 wraps with :func:`wrap`
float              ``float``                    IEEE double; ``0.0`` is truthy, NaN falsy
char               :class:`Char` (an ``int``    a rune (int32); test with
                   subclass)                    ``type(x) is Char``.  Arithmetic on it
                                                wraps at 32 bits, as Go's rune does
string             ``str``                      Go strings are bytes: as in the shared
                                                model, UTF-8 is decoded and other bytes
                                                are surrogate escapes, so a slice
                                                through a character keeps its bytes.
                                                ``len`` and slicing count bytes
                                                (:func:`byte_len`), indexing and
                                                ``for in`` count runes (an escaped byte
                                                reads as U+FFFD, as Go's ``[]rune``)
bytes              ``bytes``                    Tengo bytes have no index assignment,
                                                so Python's immutable bytes fit
array              :class:`Array`               ``items`` is a Python list
immutable-array    :class:`ImmutableArray`      an :class:`Array` subclass; ``immutable``
                                                shares the list, as Tengo shares the slice
map                :class:`Map`                 ``items`` is a ``dict[str, value]``;
                                                iteration is insertion order (real Tengo
                                                iterates Go maps in random order)
immutable-map      :class:`ImmutableMap`        a :class:`Map` subclass; modules are these
error              :class:`Error`               ``value`` is any value
time               :class:`Time`                Unix nanoseconds, offset and zone name;
                                                the ``times`` module makes them
function           a Python callable            compiled Tengo functions are plain Python
                                                functions taking exactly their
                                                parameters (``func(a, ...b)`` takes
                                                ``*b``) and returning one value;
                                                builtins and module functions are Python
                                                functions the runtime knows by name
=================  ===========================  ======================================

Test a mutable array with ``type(x) is Array``; ``isinstance(x, Array)`` accepts
both kinds (and likewise for maps).

The conversions at the end are tengo.go's ``ToInt64``/``ToFloat64``/``ToRune``,
with Go's ``strconv.ParseInt``/``ParseFloat`` rules, because ``int("12")``,
``float("1e3")`` and map keys (``m[1]`` reads key ``"1"``) follow them exactly.
"""
from __future__ import annotations

import math
import re

from ...ir.ints import MAXI, MINI, wrap  # noqa: F401  (Tengo ints are the IR's)
from ..calendar import civil_from_days
from ..values import byte_len, from_bytes, join, to_bytes  # noqa: F401  (Tengo strings are the shared model's)

MAX_RUNE = 0x10FFFF
#: nesting depth past which printing, comparing or copying a value is an error
#: (a value that contains itself would otherwise recurse forever)
MAX_NESTING = 400
RUNE_ERROR = "\ufffd"


class Char(int):
    """A Tengo char: a rune, kept in int32 range by :func:`char_of`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Char({int(self)})"


def char_of(i: int) -> Char:
    """``rune(i)``: Go's conversion to int32 (wraps at 32 bits)."""
    i &= 0xFFFFFFFF
    return Char(i - 0x100000000 if i > 0x7FFFFFFF else i)


def rune_str(c: int) -> str:
    """``string(rune)``: the character, or U+FFFD for a value that is not one
    (negative, beyond U+10FFFF, or a surrogate), as Go converts."""
    if 0 <= c <= MAX_RUNE and not 0xD800 <= c <= 0xDFFF:
        return chr(c)
    return RUNE_ERROR


def rune_of(c: str) -> Char:
    """The rune Go reads for character *c* of a string: an escaped byte that
    is not UTF-8 reads as U+FFFD."""
    r = ord(c)
    return Char(0xFFFD if 0xDC80 <= r <= 0xDCFF else r)


class Array:
    """A Tengo array: ``items`` is the list of element values."""

    __slots__ = ("items",)

    def __init__(self, items: list):
        self.items = items

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.items!r})"


class ImmutableArray(Array):
    __slots__ = ()


class Map:
    """A Tengo map: ``items`` maps string keys to values, in insertion order."""

    __slots__ = ("items",)

    def __init__(self, items: dict):
        self.items = items

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.items!r})"


class ImmutableMap(Map):
    __slots__ = ()


class Error:
    """``error(value)``: always falsy; ``.value`` reads the value back."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __repr__(self) -> str:
        return f"Error({self.value!r})"


#: Go's zero time (January 1, year 1, 00:00:00 UTC) in Unix nanoseconds
ZERO_TIME_NS = -62135596800 * 10**9


class Time:
    """A Tengo time: ``ns`` nanoseconds since the Unix epoch (the instant),
    ``offset`` seconds east of UTC and ``zone`` the zone's abbreviation (the
    location it is shown in).  Equality and order are by instant, as Go's
    ``Equal``/``Before``.  The ``times`` module builds and reads them."""

    __slots__ = ("ns", "offset", "zone")

    def __init__(self, ns: int, offset: int = 0, zone: str = "UTC"):
        self.ns = ns
        self.offset = offset
        self.zone = zone

    def is_zero(self) -> bool:
        return self.ns == ZERO_TIME_NS

    def civil(self) -> tuple[int, int, int, int, int, int, int]:
        """(year, month, day, hour, minute, second, nanosecond) in its zone."""
        secs, nanos = divmod(self.ns + self.offset * 10**9, 10**9)
        days, rem = divmod(secs, 86400)
        hour, rem = divmod(rem, 3600)
        minute, second = divmod(rem, 60)
        year, month, day = civil_from_days(days)
        return year, month, day, hour, minute, second, nanos

    def __str__(self) -> str:
        """Go's ``Time.String()``: ``2006-01-02 15:04:05.999999999 -0700 MST``."""
        year, month, day, hour, minute, second, nanos = self.civil()
        y = f"-{-year:04d}" if year < 0 else f"{year:04d}"
        frac = f".{nanos:09d}".rstrip("0") if nanos else ""
        sign = "-" if self.offset < 0 else "+"
        oh, om = divmod(abs(self.offset) // 60, 60)
        offset = f"{sign}{oh:02d}{om:02d}"
        return f"{y}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{second:02d}{frac} {offset} {self.zone or offset}"

    def __repr__(self) -> str:
        return f"Time({self})"


# -- conversions (tengo.go) --------------------------------------------------------------------
_INT_RE = re.compile(r"[+-]?[0-9]+\Z")
_DEC_FLOAT_RE = re.compile(r"[+-]?(?=\.?[0-9])[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?\Z")
_HEX_FLOAT_RE = re.compile(r"[+-]?0[xX](?=\.?[0-9a-fA-F_])[0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?[pP][+-]?[0-9_]+\Z")


def parse_int(s: str) -> int | None:
    """Go's ``strconv.ParseInt(s, 10, 64)``: an optional sign and decimal digits,
    nothing else; None on a syntax or range error."""
    if not _INT_RE.match(s):
        return None
    n = int(s)
    return n if MINI <= n <= MAXI else None


def parse_float(s: str) -> float | None:
    """Go's ``strconv.ParseFloat(s, 64)``: decimal or hexadecimal (``0x1p-2``)
    literals, underscores between digits, ``inf``/``infinity``/``nan`` in any
    case; None on a syntax error or when the value overflows (Go's ErrRange)."""
    low = s.lower()
    if low in ("inf", "+inf", "infinity", "+infinity"):
        return math.inf
    if low in ("-inf", "-infinity"):
        return -math.inf
    if low == "nan":
        return math.nan
    if "_" in s and not _underscores_ok(s):
        return None
    if _DEC_FLOAT_RE.match(s):
        f = float(s.replace("_", ""))
    elif _HEX_FLOAT_RE.match(s):
        body = s.replace("_", "")
        neg = body.startswith("-")
        try:
            f = float.fromhex(body.lstrip("+-"))
        except OverflowError:
            return None
        f = -f if neg else f
    else:
        return None
    return None if math.isinf(f) else f


def _underscores_ok(s: str) -> bool:
    """Go's ``underscoreOK``: an underscore only between two digits, or between
    a base prefix and a digit."""
    if s[:1] in ("+", "-"):
        s = s[1:]
    saw, i, hexa = "^", 0, False       # ^ start, 0 digit or prefix, _ underscore, ! other
    if len(s) >= 2 and s[0] == "0" and s[1] in "bBoOxX":
        saw, i, hexa = "0", 2, s[1] in "xX"
    for c in s[i:]:
        if "0" <= c <= "9" or hexa and c in "abcdefABCDEF":
            saw = "0"
        elif c == "_":
            if saw != "0":
                return False
            saw = "_"
        elif saw == "_":
            return False
        else:
            saw = "!"
    return saw != "_"


def to_int64(v) -> int | None:
    """tengo ``ToInt64``: int, float (truncated), char, bool, decimal string."""
    t = type(v)
    if t is int or t is Char:
        return int(v)
    if t is float:
        return float_to_int64(v)
    if t is bool:
        return 1 if v else 0
    if t is str:
        return parse_int(v)
    return None


def float_to_int64(f: float) -> int:
    """Go's ``int64(f)``: truncation; NaN and out-of-range values give MinInt64,
    as on amd64 (Go leaves them implementation-defined)."""
    if f != f or not -9.223372036854775808e18 <= f < 9.223372036854775808e18:
        return MINI
    return int(f)


def to_float64(v) -> float | None:
    """tengo ``ToFloat64``: int, float, or a string ``ParseFloat`` accepts."""
    t = type(v)
    if t is float:
        return v
    if t is int:
        return float(v)
    if t is str:
        return parse_float(v)
    return None
