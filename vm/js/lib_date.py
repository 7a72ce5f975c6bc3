"""``Date`` on the virtual clock.

Time source: ``new Date()`` and ``Date.now()`` read the run's
:class:`~llmspell.vm.clock.VirtualClock` (``rt.clock``, created here as the Lua
``os`` library creates it, starting at ``policy.clock_start``), so a spell sees
the same dates on every run.

Time zone: the sandbox's local time zone is UTC, always — ``getHours`` equals
``getUTCHours``, ``getTimezoneOffset()`` is 0 and ``toString`` says
``GMT+0000 (Coordinated Universal Time)``, exactly what node prints under
``TZ=UTC``.  The ``toLocale*String`` methods ignore their arguments and format
as node's default en-US locale does (``1/2/2024, 3:04:05 AM``); unlike ICU they
use the proleptic Gregorian calendar before 1582.

A Date is a ``JsObject`` with ``cls == "Date"`` whose ``internal`` is the time
value: a float count of milliseconds since the epoch, NaN for an invalid date.
The calendar arithmetic is the spec's (MakeDay, MakeTime, TimeClip) on Python
integers; string parsing follows V8's DateParser: the ISO format first, then
its legacy rules (``Jan 2, 2024 10:00 PM``, ``2024/01/02``, ``toString`` and
``toUTCString`` output), so ``Date.parse`` accepts what node accepts.
"""
from __future__ import annotations

import math
import re

from .lib_object import link, shown
from .runtime import NewTarget
from ..calendar import civil_from_days, days_from_civil
from ..clock import VirtualClock
from .values import CALLABLE, CONSTRUCTOR, JS_NULL, NATIVE, SYM_TO_PRIMITIVE, JsFunction, JsObject

NAN = math.nan
MS_DAY = 86_400_000
MAX_TIME = 8.64e15
DAYS = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ZONE = "GMT+0000 (Coordinated Universal Time)"


# -- calendar arithmetic (ECMAScript 21.4.1) -------------------------------------------------------
def fields(t: float) -> tuple[int, ...]:
    """(year, month 0..11, date, hours, minutes, seconds, ms, weekday) of a valid time value."""
    day, ms = divmod(int(t), MS_DAY)
    y, m, d = civil_from_days(day)
    h, ms = divmod(ms, 3_600_000)
    mi, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return y, m - 1, d, h, mi, s, ms, (day + 4) % 7


def _finite(*xs) -> bool:
    return all(math.isfinite(x) for x in xs)


def make_day(year: float, month: float, date: float) -> float:
    if not _finite(year, month, date):
        return NAN
    y, m, d = math.trunc(year), math.trunc(month), math.trunc(date)
    ym = y + m // 12
    if abs(ym) > 400_000:           # far outside TimeClip's range: spare the big integers
        return NAN
    return float(days_from_civil(ym, m % 12 + 1, 1) + d - 1)


def make_time(h: float, m: float, s: float, ms: float) -> float:
    if not _finite(h, m, s, ms):
        return NAN
    return math.trunc(h) * 3_600_000.0 + math.trunc(m) * 60_000.0 + math.trunc(s) * 1000.0 + math.trunc(ms)


def make_date(day: float, time: float) -> float:
    tv = day * MS_DAY + time
    return tv if math.isfinite(tv) else NAN


def time_clip(t: float) -> float:
    if not math.isfinite(t) or abs(t) > MAX_TIME:
        return NAN
    return float(math.trunc(t)) + 0.0


def from_fields(y, m=0.0, d=1.0, h=0.0, mi=0.0, s=0.0, ms=0.0) -> float:
    """The time value of (possibly out-of-range) field values: ``new Date(y, m, ...)``."""
    return time_clip(make_date(make_day(y, m, d), make_time(h, mi, s, ms)))


def full_year(y: float) -> float:
    """Two-digit years in ``new Date(y, ...)`` and ``Date.UTC`` mean 19xx."""
    if math.isfinite(y) and 0 <= math.trunc(y) <= 99:
        return 1900.0 + math.trunc(y)
    return y


# -- parsing (V8's DateParser: src/date/dateparser*.{h,cc}) -------------------------------------------
_TOKEN = re.compile(r"(?P<num>[0-9]+)|(?P<sym>[-:+.)])|(?P<space>[\s\ufeff]+)|(?P<word>[^\x00-\x40\s\ufeff]+)"
                    r"|(?P<paren>\()|(?P<other>.)", re.S)
_KEYWORDS = {m.lower(): ("month", i + 1) for i, m in enumerate(MONTHS)}
_KEYWORDS.update(am=("ampm", 0), pm=("ampm", 12), ut=("zone", 0), utc=("zone", 0), z=("zone", 0), gmt=("zone", 0),
                 cdt=("zone", -5), cst=("zone", -6), edt=("zone", -4), est=("zone", -5), mdt=("zone", -6),
                 mst=("zone", -7), pdt=("zone", -7), pst=("zone", -8), t=("tsep", 0))
_END = ("end", None, 0)


def _tokens(s: str) -> list:
    """(kind, value, length) tokens: num (value = its first 9 significant digits), sym,
    space, word (value = (keyword type, keyword value) or None), other; then end."""
    out = []
    i, n = 0, len(s)
    while i < n:
        if s[i] == "(":                 # a comment: balanced parentheses
            depth = 0
            while i < n:
                depth += (s[i] == "(") - (s[i] == ")")
                i += 1
                if depth <= 0:
                    break
            out.append(("other", None, 0))
            continue
        m = _TOKEN.match(s, i)
        kind, text = m.lastgroup, m.group()
        i = m.end()
        if kind == "num":
            digits = text.lstrip("0")[:9]
            out.append(("num", int(digits or "0"), len(text)))
        elif kind == "word":
            prefix = "".join(chr(ord(c) | 0x20) for c in text[:3])
            kw = _KEYWORDS.get(prefix)
            if kw is None or (len(text) > 3 and kw[0] != "month"):
                kw = None
            out.append(("word", kw, len(text)))
        else:
            out.append((kind, text, len(text)))
    out.append(_END)
    return out


def _millis(tok) -> int:
    """A fraction-of-second token as milliseconds (V8's ReadMilliseconds)."""
    _, n, length = tok
    if length < 3:
        return n * (100 if length == 1 else 10)
    return n // 10 ** (min(length, 9) - 3)


class _Parse:
    """The state V8's DateParser keeps: day, time and time-zone composers."""

    def __init__(self, s: str):
        self.toks = _tokens(s)
        self.pos = 0
        self.day: list[int] = []
        self.named_month = None
        self.iso = False
        self.time: list[int] = []
        self.hour_offset = None
        self.sign = None
        self.tz_hour = None
        self.tz_minute = None

    def peek(self):
        return self.toks[self.pos]

    def next(self):
        tok = self.toks[self.pos]
        if tok is not _END:
            self.pos += 1
        return tok

    def skip(self, sym: str) -> bool:
        tok = self.peek()
        if tok[0] == "sym" and tok[1] == sym:
            self.pos += 1
            return True
        return False

    def fixed(self, length: int) -> bool:
        tok = self.peek()
        return tok[0] == "num" and tok[2] == length

    def set_zone(self, hours: int):
        self.sign = -1 if hours < 0 else 1
        self.tz_hour, self.tz_minute = abs(hours), 0

    # the ES5 (ISO) format; returns the first token it did not handle, or "invalid"
    def iso_prefix(self):
        tok = self.peek()
        if tok[0] == "sym" and tok[1] in "+-":
            sign_tok = self.next()
            if not self.fixed(6):
                return sign_tok
            year = self.next()[1]
            if sign_tok[1] == "-" and year == 0:
                return sign_tok
            self.day.append(-year if sign_tok[1] == "-" else year)
        elif self.fixed(4):
            self.day.append(self.next()[1])
        else:
            return self.next()
        for limit in (12, 31):
            if not self.skip("-"):
                break
            if not self.fixed(2) or not 1 <= self.peek()[1] <= limit:
                return self.next()
            self.day.append(self.next()[1])
        tok = self.peek()
        if not (tok[0] == "word" and tok[1] == ("tsep", 0)):
            if tok is not _END:
                return self.next()
        elif not self.iso_time():
            return "invalid"
        if self.sign is None and not self.time:
            self.set_zone(0)
        self.iso = True
        return _END

    def two_digits(self, limit: int, is24: bool) -> bool:
        tok = self.peek()
        return self.fixed(2) and tok[1] <= limit and not (is24 and tok[1] > 0)

    def iso_time(self) -> bool:
        """``THH:mm[:ss[.sss]]`` and an optional ``Z`` / ``+HH:mm`` / ``+HHmm``, to the end."""
        self.next()
        if not self.two_digits(24, False):
            return False
        hour = self.next()[1]
        is24 = hour == 24
        self.time.append(hour)
        if not self.skip(":") or not self.two_digits(59, is24):
            return False
        self.time.append(self.next()[1])
        if self.skip(":"):
            if not self.two_digits(59, is24):
                return False
            self.time.append(self.next()[1])
            if self.skip("."):
                if self.peek()[0] != "num" or (is24 and self.peek()[1] > 0):
                    return False
                self.time.append(_millis(self.next()))
        tok = self.peek()
        if tok[0] == "word" and tok[1] == ("zone", 0) and tok[2] == 1:
            self.next()
            self.set_zone(0)
        elif tok[0] == "sym" and tok[1] in "+-":
            self.sign = 1 if self.next()[1] == "+" else -1
            if self.fixed(4):
                hm = self.next()[1]
                if hm // 100 > 23 or hm % 100 > 59:
                    return False
                self.tz_hour, self.tz_minute = hm // 100, hm % 100
            else:
                if not self.two_digits(23, False):
                    return False
                self.tz_hour = self.next()[1]
                if not self.skip(":") or not self.two_digits(59, False):
                    return False
                self.tz_minute = self.next()[1]
        return self.peek() is _END

    def time_expecting(self, n: int) -> bool:
        k = len(self.time)
        return (k == 1 and n <= 59) or (k == 2 and n <= 59) or (k == 3 and n <= 999)

    def legacy(self, tok) -> bool:
        """V8's legacy rules for whatever the ISO prefix left; False = unparsable."""
        has_number = bool(self.day)
        while tok is not _END:
            kind, value, length = tok
            if kind == "num":
                has_number = True
                if self.skip(":"):
                    if self.skip(":"):
                        if self.time:
                            return False
                        self.time += [value, 0]
                    else:
                        if len(self.time) >= 4:
                            return False
                        self.time.append(value)
                        self.skip(".")
                elif self.skip(".") and self.time_expecting(value):
                    self.time.append(value)
                    if self.peek()[0] != "num":
                        return False
                    self.time.append(_millis(self.next()))
                    self.time += [0] * (4 - len(self.time))
                elif self.tz_hour is not None and self.tz_minute is None and value <= 59:
                    self.tz_minute = value
                elif self.time_expecting(value):
                    self.time.append(value)
                    self.time += [0] * (4 - len(self.time))
                    nxt = self.peek()
                    if not (nxt is _END or nxt[0] == "space" or (nxt[0] == "word" and nxt[1] == ("zone", 0)
                                                                  and nxt[2] == 1)
                            or (nxt[0] == "sym" and nxt[1] in "+-")):
                        return False
                else:
                    if len(self.day) >= 3:
                        return False
                    self.day.append(value)
                    self.skip("-")
            elif kind == "word":
                kw = value or (None, None)
                if kw[0] == "ampm" and self.time:
                    self.hour_offset = kw[1]
                elif kw[0] == "month":
                    self.named_month = kw[1]
                    self.skip("-")
                elif kw[0] == "zone" and has_number:
                    self.set_zone(kw[1])
                elif has_number or self.peek()[0] == "num":
                    return False
            elif kind == "sym" and value in "+-" and (self.tz_is_utc() or self.time):
                self.sign = 1 if value == "+" else -1
                n, length = 0, 0
                if self.peek()[0] == "num":
                    _, n, length = self.next()
                has_number = True
                if self.peek()[0] == "sym" and self.peek()[1] == ":":
                    self.tz_hour, self.tz_minute = n, None
                elif length in (1, 2):
                    self.tz_hour, self.tz_minute = n, 0
                elif length in (3, 4):
                    self.tz_hour, self.tz_minute = n // 100, n % 100
                else:
                    return False
            elif kind == "sym" and value in "+-)" and has_number:
                return False
            tok = self.next()
        return True

    def tz_is_utc(self) -> bool:
        return self.tz_hour == 0 and self.tz_minute == 0

    def result(self) -> float:
        if not self.day:
            return NAN
        comp = self.day + [1] * (3 - len(self.day))
        if self.named_month is None:
            if self.iso or not 1 <= comp[0] <= 31:
                year, month, day = comp
            else:
                month, day, year = comp
        else:
            month = self.named_month
            year, day = (comp[0], comp[1]) if not 1 <= comp[0] <= 31 else (comp[1], comp[0])
        if not self.iso:
            year += 2000 if 0 <= year <= 49 else 1900 if 50 <= year <= 99 else 0
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return NAN
        h, mi, s, ms = self.time + [0] * (4 - len(self.time))
        if self.hour_offset is not None:
            if not 0 <= h <= 12:
                return NAN
            h = h % 12 + self.hour_offset
        if not (h <= 23 and mi <= 59 and s <= 59 and ms <= 999) and (h, mi, s, ms) != (24, 0, 0, 0):
            return NAN
        tv = make_date(make_day(year, month - 1, day), make_time(h, mi, s, ms))
        if self.sign is not None:
            tv -= self.sign * ((self.tz_hour or 0) * 3_600_000 + (self.tz_minute or 0) * 60_000)
        return time_clip(tv)


def parse(s: str) -> float:
    """``Date.parse(s)``: a time value, NaN when node would not understand *s*."""
    p = _Parse(s)
    tok = p.iso_prefix()
    if tok == "invalid" or not p.legacy(tok):
        return NAN
    return p.result()


# -- formatting ------------------------------------------------------------------------------------
def _year(y: int) -> str:
    """A year as toString/toUTCString print it: at least four digits, and a sign."""
    return f"{y:04d}" if y >= 0 else f"-{-y:04d}"


def iso_string(t: float) -> str:
    y, m, d, h, mi, s, ms, _ = fields(t)
    ys = f"{y:04d}" if 0 <= y <= 9999 else f"{'+' if y > 0 else '-'}{abs(y):06d}"
    return f"{ys}-{m + 1:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{ms:03d}Z"


def date_string(t: float) -> str:
    y, m, d, *_, wd = fields(t)
    return f"{DAYS[wd]} {MONTHS[m]} {d:02d} {_year(y)}"


def time_string(t: float) -> str:
    _, _, _, h, mi, s, _, _ = fields(t)
    return f"{h:02d}:{mi:02d}:{s:02d} {ZONE}"


def utc_string(t: float) -> str:
    y, m, d, h, mi, s, _, wd = fields(t)
    return f"{DAYS[wd]}, {d:02d} {MONTHS[m]} {_year(y)} {h:02d}:{mi:02d}:{s:02d} GMT"


def locale_date(t: float) -> str:
    y, m, d, *_ = fields(t)
    return f"{m + 1}/{d}/{y if y > 0 else 1 - y}"


def locale_time(t: float) -> str:
    _, _, _, h, mi, s, _, _ = fields(t)
    return f"{h % 12 or 12}:{mi:02d}:{s:02d} {'AM' if h < 12 else 'PM'}"


def _invalid_guard(fn):
    return lambda t: "Invalid Date" if t != t else fn(t)


STRINGS = {
    "toString": _invalid_guard(lambda t: f"{date_string(t)} {time_string(t)}"),
    "toDateString": _invalid_guard(date_string),
    "toTimeString": _invalid_guard(time_string),
    "toUTCString": _invalid_guard(utc_string),
    "toLocaleString": _invalid_guard(lambda t: f"{locale_date(t)}, {locale_time(t)}"),
    "toLocaleDateString": _invalid_guard(locale_date),
    "toLocaleTimeString": _invalid_guard(locale_time),
}

#: getter name -> index into :func:`fields` (local time is UTC: both names read the same field)
GETTERS = {"FullYear": 0, "Month": 1, "Date": 2, "Hours": 3, "Minutes": 4, "Seconds": 5, "Milliseconds": 6, "Day": 7}

#: setter name -> (first field it sets, how many arguments it takes)
SETTERS = {"FullYear": (0, 3), "Month": (1, 2), "Date": (2, 1), "Hours": (3, 4), "Minutes": (4, 3),
           "Seconds": (5, 2), "Milliseconds": (6, 1)}


def open(rt) -> None:
    clock = getattr(rt, "clock", None)
    if clock is None:
        clock = rt.clock = VirtualClock(rt.meter, rt.policy.clock_start)
    DP = JsObject(rt.ObjectProto)

    def parse_arg(s: str) -> float:
        rt.meter.charge(len(s) // 8 + 1)
        return parse(s)

    def now() -> float:
        return float(math.floor(clock.now() * 1000))

    def this_time(this, method: str | None = None) -> float:
        """The time value of a Date receiver; V8 words the error one way for the
        getters (*method* None) and another for everything else."""
        if isinstance(this, JsObject) and this.cls == "Date" and type(this.internal) is float:
            return this.internal
        if method is None:
            rt.throw("TypeError", "this is not a Date object.")
        rt.throw("TypeError", f"Method Date.prototype.{method} called on incompatible receiver {shown(rt, this)}")

    def Date_(this, *args):
        if type(this) is not NewTarget:
            return STRINGS["toString"](now())
        if not args:
            tv = now()
        elif len(args) == 1:
            v = args[0]
            if isinstance(v, JsObject) and v.cls == "Date" and type(v.internal) is float:
                tv = v.internal
            else:
                v = rt.to_primitive(v)
                tv = time_clip(parse_arg(v) if type(v) is str else rt.to_number(v))
        else:
            nums = [rt.to_number(a) for a in args[:7]]
            tv = from_fields(full_year(nums[0]), *nums[1:])
        d = JsObject(this.proto, "Date")
        d.internal = tv
        rt.meter.alloc(64)
        return d

    def utc(this, *args):
        if not args:
            return NAN
        nums = [rt.to_number(a) for a in args[:7]]
        return from_fields(full_year(nums[0]), *nums[1:])

    Date = rt.native("Date", Date_, 7, CALLABLE | CONSTRUCTOR | NATIVE)
    link(Date, DP)
    rt.define(Date, "now", lambda this, *_: now(), 0)
    rt.define(Date, "parse", lambda this, s=None, *_: parse_arg(rt.to_string(s)), 1)
    rt.define(Date, "UTC", utc, 7)
    rt.Gh["Date"] = Date

    # -- getters, setters, strings ------------------------------------------------------------------
    def getter(index: int):
        def get(this, *_):
            t = this_time(this)
            return NAN if t != t else float(fields(t)[index])
        return get

    for name, index in GETTERS.items():
        rt.define(DP, "get" + name, getter(index), 0)
        rt.define(DP, "getUTC" + name, getter(index), 0)
    rt.define(DP, "getTime", lambda this, *_: this_time(this), 0)
    rt.define(DP, "valueOf", lambda this, *_: this_time(this), 0)

    def timezone_offset(this, *_):
        t = this_time(this)
        return NAN if t != t else 0.0

    rt.define(DP, "getTimezoneOffset", timezone_offset, 0)

    def setter(name: str, first: int, nargs: int):
        def set_(this, *args):
            t = this_time(this, name)
            nums = [rt.to_number(args[0] if args else None)] + [rt.to_number(a) for a in args[1:nargs]]
            if t != t:
                if first != 0:
                    return NAN
                t = 0.0
            parts = [float(x) for x in fields(t)[:7]]
            parts[first:first + len(nums)] = nums
            this.internal = tv = from_fields(*parts)
            return tv
        return set_

    for name, (first, nargs) in SETTERS.items():
        rt.define(DP, "set" + name, setter("set" + name, first, nargs), nargs)
        rt.define(DP, "setUTC" + name, setter("setUTC" + name, first, nargs), nargs)

    def set_time(this, t=None, *_):
        this_time(this, "setTime")
        this.internal = tv = time_clip(rt.to_number(t))
        return tv

    rt.define(DP, "setTime", set_time, 1)

    def string_method(name, fn):
        return lambda this, *_: fn(this_time(this, name))

    for name, fn in STRINGS.items():
        rt.define(DP, name, string_method(name, fn), 0)
    DP.props["toGMTString"] = DP.props["toUTCString"]
    DP.hide("toGMTString")

    def to_iso_string(this, *_):
        t = this_time(this, "toISOString")
        if t != t:
            rt.throw("RangeError", "Invalid time value")
        return iso_string(t)

    def to_json(this, *_):
        o = rt.to_object(this)
        tv = rt.to_primitive(o, "number")
        if type(tv) is float and not math.isfinite(tv):
            return JS_NULL
        return rt.call(rt.get(o, "toISOString"), o)

    def to_primitive(this, hint=None, *_):
        if not isinstance(this, JsObject):
            rt.throw("TypeError", "Method Date.prototype [ @@toPrimitive ] called on incompatible receiver "
                     + shown(rt, this))
        if hint not in ("string", "default", "number"):
            rt.throw("TypeError", f"Invalid hint: {shown(rt, hint)}")
        order = ("valueOf", "toString") if hint == "number" else ("toString", "valueOf")
        for name in order:
            f = rt.get(this, name)
            if type(f) is JsFunction:
                r = rt.call(f, this)
                if not isinstance(r, JsObject):
                    return r
        rt.throw("TypeError", "Cannot convert object to primitive value")

    rt.define(DP, "toISOString", to_iso_string, 0)
    rt.define(DP, "toJSON", to_json, 1)
    DP.props[SYM_TO_PRIMITIVE] = rt.native("[Symbol.toPrimitive]", to_primitive, 1)
    DP.hide(SYM_TO_PRIMITIVE)
