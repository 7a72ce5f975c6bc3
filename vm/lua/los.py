"""Lua 5.4's ``os`` library on the virtual clock: time, clock, date, difftime.

Input: times as integers (seconds since the epoch), date tables, ``strftime``
formats.  Output: what Lua 5.4.8 on glibc prints in a UTC time zone.

Determinism and the sandbox shape this module:

* the only time source is :class:`~llmspell.vm.clock.VirtualClock` (created
  here as ``rt.clock`` unless the run already has one): ``os.time()`` is the
  integer part of its ``now()``, ``os.clock()`` its ``cpu()``;
* the time zone is always UTC: a local-time request (no ``!``) behaves like
  the ``!`` form on a machine whose zone is UTC (``%Z`` prints ``UTC`` there,
  ``GMT`` for ``!``; ``isdst`` is false);
* ``os.execute``, ``os.remove``, ``os.rename``, ``os.tmpname``, ``os.getenv``
  and ``os.exit`` are not provided at all: a spell must not reach the host's
  processes, files or environment, nor end the host process;
* ``os.setlocale`` only knows the "C" locale, the one every run uses.

Dates use the proleptic Gregorian calendar over glibc's whole range (years
whose ``tm_year`` fits a C ``int``), computed with Python integers; years
beyond 2**31-1 print wrapped to 32 bits, as glibc's ``strftime`` does.
"""
from __future__ import annotations

import math

from ..calendar import civil_from_days, days_from_civil
from ..clock import VirtualClock
from ..values import Table, from_bytes, to_bytes
from .lauxlib import arg_error, check_int, check_table, opt_str
from .numbers import tointeger

INT_MIN, INT_MAX = -0x80000000, 0x7FFFFFFF
SPD = 86400

DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

#: the conversions C99 strftime accepts (loslib.c's LUA_STRFTIMEOPTIONS)
SINGLE = frozenset(b"aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%")
DOUBLE = frozenset((b"Ec", b"EC", b"Ex", b"EX", b"Ey", b"EY", b"Od", b"Oe", b"OH", b"OI",
                    b"Om", b"OM", b"OS", b"Ou", b"OU", b"OV", b"Ow", b"OW", b"Oy"))
#: composite conversions, as the C locale defines them
COMPOSITE = {"c": "%a %b %e %H:%M:%S %Y", "D": "%m/%d/%y", "x": "%m/%d/%y", "F": "%Y-%m-%d",
             "r": "%I:%M:%S %p", "R": "%H:%M", "T": "%H:%M:%S", "X": "%H:%M:%S"}
CATEGORIES = ("all", "collate", "ctype", "monetary", "numeric", "time")


# -- calendar arithmetic ---------------------------------------------------------------
def is_leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


class Tm:
    """A broken-down UTC time (C's ``struct tm`` with a full year and 1-based month)."""

    __slots__ = ("year", "month", "day", "hour", "min", "sec", "yday", "wday")

    def __init__(self, t: int):
        days, secs = divmod(t, SPD)
        self.year, self.month, self.day = civil_from_days(days)
        self.hour, rem = divmod(secs, 3600)
        self.min, self.sec = divmod(rem, 60)
        self.wday = (days + 4) % 7                       # 1970-01-01 was a Thursday
        self.yday = days - days_from_civil(self.year, 1, 1)   # 0-based

    def representable(self) -> bool:
        return INT_MIN <= self.year - 1900 <= INT_MAX


def wrap32(v: int) -> int:
    return (v + 0x80000000) % 0x100000000 - 0x80000000


def iso_week_days(yday: int, wday: int) -> int:
    """Days since the start of the ISO week-based year (glibc's iso_week_days)."""
    return yday - (yday - wday + 4 + 378) % 7 + 3


def iso_year_week(tm: Tm):
    year = tm.year
    days = iso_week_days(tm.yday, tm.wday)
    if days < 0:
        year -= 1
        days = iso_week_days(tm.yday + 365 + is_leap(year), tm.wday)
    else:
        d = iso_week_days(tm.yday - 365 - is_leap(year), tm.wday)
        if d >= 0:
            year += 1
            days = d
    return year, days // 7 + 1


def conversion(c: str, tm: Tm, utc: bool) -> str:
    """The text of one strftime conversion (without modifiers) in the C locale."""
    if c in COMPOSITE:
        return "".join(conversion(f[1], tm, utc) if f[0] == "%" else f
                       for f in _split(COMPOSITE[c]))
    if c == "a":
        return DAYS[tm.wday][:3]
    if c == "A":
        return DAYS[tm.wday]
    if c in "bh":
        return MONTHS[tm.month - 1][:3]
    if c == "B":
        return MONTHS[tm.month - 1]
    if c == "C":
        return str(wrap32(tm.year) // 100)
    if c == "d":
        return "%02d" % tm.day
    if c == "e":
        return "%2d" % tm.day
    if c in "gGV":
        year, week = iso_year_week(tm)
        if c == "V":
            return "%02d" % week
        year = wrap32(year)
        return str(year) if c == "G" else "%02d" % (year % 100)
    if c == "H":
        return "%02d" % tm.hour
    if c == "I":
        return "%02d" % ((tm.hour + 11) % 12 + 1)
    if c == "j":
        return "%03d" % (tm.yday + 1)
    if c == "m":
        return "%02d" % tm.month
    if c == "M":
        return "%02d" % tm.min
    if c == "n":
        return "\n"
    if c == "p":
        return "AM" if tm.hour < 12 else "PM"
    if c == "S":
        return "%02d" % tm.sec
    if c == "t":
        return "\t"
    if c == "u":
        return str(tm.wday or 7)
    if c == "U":
        return "%02d" % ((tm.yday + 7 - tm.wday) // 7)
    if c == "w":
        return str(tm.wday)
    if c == "W":
        return "%02d" % ((tm.yday + 7 - (tm.wday + 6) % 7) // 7)
    if c == "y":
        return "%02d" % (tm.year % 100)
    if c == "Y":
        return str(wrap32(tm.year))
    if c == "z":
        return "+0000"
    if c == "Z":
        return "GMT" if utc else "UTC"
    return "%"


def _split(fmt: str):
    """``"%a %b"`` -> ``["%a", " ", "%b"]`` for the composite conversions."""
    out, i = [], 0
    while i < len(fmt):
        n = 2 if fmt[i] == "%" else 1
        out.append(fmt[i:i + n])
        i += n
    return out


def open(rt) -> Table:
    clock = getattr(rt, "clock", None)
    if clock is None:
        clock = rt.clock = VirtualClock(rt.meter, rt.policy.clock_start)
    meter = rt.meter

    def now() -> int:
        return math.floor(clock.now())

    def date(fmt=None, t=None, *_):
        s = to_bytes(opt_str(rt, fmt, 1, "date", "%c"))
        t = now() if t is None else check_int(rt, t, 2, "date")
        utc = s[:1] == b"!"
        if utc:
            s = s[1:]
        tm = Tm(t)
        if not tm.representable():
            rt.error("date result cannot be represented in this installation")
        if s.split(b"\0", 1)[0] == b"*t":       # C compares up to the first NUL
            return date_table(tm)
        meter.charge(len(s))
        out = bytearray()
        i, n = 0, len(s)
        while i < n:
            j = s.find(b"%", i)
            if j < 0:
                j = n
            if j > i:
                out += s[i:j]
                i = j
                continue
            i += 1
            if i < n and s[i] in SINGLE:
                out += conversion(chr(s[i]), tm, utc).encode()
                i += 1
            elif s[i:i + 2] in DOUBLE:
                out += conversion(chr(s[i + 1]), tm, utc).encode()
                i += 2
            else:
                rest = from_bytes(s[i:].split(b"\0", 1)[0])
                arg_error(rt, 1, "date", f"invalid conversion specifier '%{rest}'")
        meter.string(len(out))
        return from_bytes(bytes(out))

    def fields(tm: Tm):
        """The fields of a date table, in the order Lua sets them."""
        return (("year", tm.year), ("month", tm.month), ("day", tm.day), ("hour", tm.hour),
                ("min", tm.min), ("sec", tm.sec), ("yday", tm.yday + 1), ("wday", tm.wday + 1),
                ("isdst", False))

    def date_table(tm: Tm) -> Table:
        r = rt.new_table(0, 9)
        r.hash.update(fields(tm))
        return r

    def time(t=None, *_):
        if t is None:
            return now()
        check_table(rt, t, 1, "time")
        get = t.get if t.meta is None else (lambda k: rt.index(t, k, None))

        def field(key: str, default: int, delta: int) -> int:
            v = get(key)
            res = tointeger(v)
            if res is None:
                if v is not None:
                    rt.error(f"field '{key}' is not an integer")
                if default < 0:
                    rt.error(f"field '{key}' missing in date table")
                return default
            if not (res - delta <= INT_MAX if res >= 0 else INT_MIN + delta <= res):
                rt.error(f"field '{key}' is out-of-bound")
            return res - delta

        year = field("year", -1, 1900)
        mon = field("month", -1, 1)
        day = field("day", -1, 0)
        hour = field("hour", 12, 0)
        minute = field("min", 0, 0)
        sec = field("sec", 0, 0)
        isdst = get("isdst")
        # mktime: normalise every field by carrying into the next larger unit
        y, mon = divmod(mon, 12)
        days = days_from_civil(year + 1900 + y, mon + 1, 1) + day - 1
        result = days * SPD + hour * 3600 + minute * 60 + sec
        if isdst is not None and isdst is not False:
            result -= 3600        # glibc's mktime in a zone without summer time
        tm = Tm(result)
        if not tm.representable():
            # glibc's mktime fails here and Lua copies its unnormalised (partly
            # uninitialised) struct into the table; we leave the table alone
            rt.error("time result cannot be represented in this installation")
        put = (lambda k, v: rt.rawset(t, k, v)) if t.meta is None else (lambda k, v: rt.setindex(t, k, v, None))
        for key, value in fields(tm):
            put(key, value)
        if result == -1:        # mktime's error value: Lua cannot tell it from a real -1
            rt.error("time result cannot be represented in this installation")
        return result

    def clock_(*_):
        return clock.cpu()

    def difftime(t1=None, t2=None, *_):
        t1 = check_int(rt, t1, 1, "difftime")
        t2 = check_int(rt, t2, 2, "difftime")
        return float(t1 - t2)

    def setlocale(locale=None, category=None, *_):
        locale = opt_str(rt, locale, 1, "setlocale", None)
        category = opt_str(rt, category, 2, "setlocale", "all")
        if category not in CATEGORIES:
            arg_error(rt, 2, "setlocale", f"invalid option '{category}'")
        return "C" if locale in (None, "", "C", "POSIX") else None

    lib = rt.new_table()
    lib.hash.update(clock=clock_, date=date, difftime=difftime, setlocale=setlocale, time=time)
    return lib
