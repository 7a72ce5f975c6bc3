"""Tengo's ``times`` module: Go's time package on llmspell's virtual clock, in UTC.

Times are :class:`~.values.Time` values (an instant in Unix nanoseconds, plus the
offset and zone name they are shown in); durations are ints of nanoseconds, as Go's
``time.Duration``.  Layouts are Go's reference-time layouts (``2006-01-02
15:04:05.000 Z07:00``), formatted and parsed by a port of Go's ``nextStdChunk``,
``appendFormat`` and ``parse``, with Go's error messages (``parsing time
"2024-13-01": month out of range``).

Sandbox rules:

* ``now()`` reads the run's :class:`~llmspell.vm.clock.VirtualClock` (the same
  clock Lua's ``os.time`` reads), so a spell sees the same times on every run;
* the only time zone is UTC: "local" time is UTC, ``to_local`` is ``to_utc``, and
  ``in_location`` knows only "UTC" (also "" and "Local") — loading the host's zone
  database would make runs depend on the machine.  Offsets parsed from text
  (``+07:00``) are kept as fixed zones, as Go keeps them;
* ``sleep(d)`` does not wait: it moves this spell's clock forward by d, so
  ``since`` and ``now`` see the time pass while the sandbox stays fast.

Bad input to ``parse``, ``parse_duration`` and ``in_location`` is a runtime error
with Go's message, as in real Tengo (whose Go code turns the error it meant to
return into a runtime error); ``in_location`` calls every zone but UTC unknown.
"""
from __future__ import annotations

from ..calendar import days_from_civil
from ..clock import RATE, VirtualClock
from .libargs import functions, unpack, utf8
from .values import MAXI, MINI, ZERO_TIME_NS, ImmutableMap, Time, wrap

NS = 1_000_000_000
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
LAYOUTS = {
    "format_ansic": "Mon Jan _2 15:04:05 2006", "format_unix_date": "Mon Jan _2 15:04:05 MST 2006",
    "format_ruby_date": "Mon Jan 02 15:04:05 -0700 2006", "format_rfc822": "02 Jan 06 15:04 MST",
    "format_rfc822z": "02 Jan 06 15:04 -0700", "format_rfc850": "Monday, 02-Jan-06 15:04:05 MST",
    "format_rfc1123": "Mon, 02 Jan 2006 15:04:05 MST", "format_rfc1123z": "Mon, 02 Jan 2006 15:04:05 -0700",
    "format_rfc3339": "2006-01-02T15:04:05Z07:00", "format_rfc3339_nano": "2006-01-02T15:04:05.999999999Z07:00",
    "format_kitchen": "3:04PM", "format_stamp": "Jan _2 15:04:05", "format_stamp_milli": "Jan _2 15:04:05.000",
    "format_stamp_micro": "Jan _2 15:04:05.000000", "format_stamp_nano": "Jan _2 15:04:05.000000000",
}
UNITS = {"nanosecond": 1, "microsecond": 1000, "millisecond": 1_000_000, "second": NS,
         "minute": 60 * NS, "hour": 3600 * NS}
DURATION_UNITS = {"ns": 1, "us": 1000, "\u00b5s": 1000, "\u03bcs": 1000, "ms": 1_000_000, "s": NS,
                  "m": 60 * NS, "h": 3600 * NS}


def utc(ns: int) -> Time:
    return Time(ns, 0, "UTC")


def days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def date(year, month, day, hour, minute, sec, nsec, offset=0, zone="UTC") -> Time:
    """Go's ``time.Date``: out-of-range fields carry into the next larger one."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    days = days_from_civil(year, month, 1) + day - 1
    ns = ((days * 86400 + hour * 3600 + minute * 60 + sec) - offset) * NS + nsec
    return Time(ns, offset, zone)


def add_date(t: Time, years: int, months: int, days: int) -> Time:
    y, mo, d, h, mi, s, ns = t.civil()
    return date(y + years, mo + months, d + days, h, mi, s, ns, t.offset, t.zone)


def weekday(t: Time) -> int:
    return ((t.ns + t.offset * NS) // NS // 86400 + 4) % 7


def yday(t: Time) -> int:
    y, mo, d = t.civil()[:3]
    return days_from_civil(y, mo, d) - days_from_civil(y, 1, 1) + 1


def saturate(d: int) -> int:
    return max(MINI, min(MAXI, d))


# -- layouts (time/format.go) ----------------------------------------------------------------
def next_chunk(layout: str, i: int = 0):
    """Go's ``nextStdChunk`` from index i: (start, std, end) of the next element,
    std a name such as "2006" or ("frac", digit, n, sep); (len, None, len) if none."""
    n = len(layout)
    while i < n:
        c = layout[i]
        rest = layout[i:]
        if c == "J" and rest.startswith("Jan"):
            if rest.startswith("January"):
                return i, "January", i + 7
            if not rest[3:4].islower() or not rest[3:4].isascii():
                return i, "Jan", i + 3
        elif c == "M" and len(rest) >= 3:
            if rest.startswith("Mon"):
                if rest.startswith("Monday"):
                    return i, "Monday", i + 6
                if not ("a" <= rest[3:4] <= "z"):
                    return i, "Mon", i + 3
            if rest.startswith("MST"):
                return i, "MST", i + 3
        elif c == "0":
            if "1" <= rest[1:2] <= "6":
                return i, rest[:2], i + 2
            if rest.startswith("002"):
                return i, "002", i + 3
        elif c == "1":
            if rest.startswith("15"):
                return i, "15", i + 2
            return i, "1", i + 1
        elif c == "2":
            if rest.startswith("2006"):
                return i, "2006", i + 4
            return i, "2", i + 1
        elif c == "_":
            if rest.startswith("_2"):
                if rest.startswith("_2006"):
                    return i + 1, "2006", i + 5
                return i, "_2", i + 2
            if rest.startswith("__2"):
                return i, "__2", i + 3
        elif c in "345":
            return i, c, i + 1
        elif c == "P" and rest.startswith("PM") or c == "p" and rest.startswith("pm"):
            return i, rest[:2], i + 2
        elif c in "-Z":
            for tz in ("070000", "07:00:00", "0700", "07:00", "07"):
                if rest.startswith(c + tz):
                    return i, c + tz, i + 1 + len(tz)
        elif c in ".," and rest[1:2] in ("0", "9"):
            ch = rest[1]
            j = i + 1
            while j < n and layout[j] == ch:
                j += 1
            if not (j < n and "0" <= layout[j] <= "9"):
                return i, ("frac", ch, j - i - 1, c), j
        i += 1
    return n, None, n


def _pad(x: int, width: int) -> str:
    return ("-" if x < 0 else "") + str(abs(x)).zfill(width)


def _zone_text(std: str, offset: int) -> str:
    if offset == 0 and std[0] == "Z":
        return "Z"
    sign = "-" if offset < 0 else "+"
    off = abs(offset)
    minutes = off // 60
    out = sign + _pad(minutes // 60, 2)
    body = std[1:]
    if ":" in body:
        out += ":"
    if body not in ("07",):
        out += _pad(minutes % 60, 2)
    if body in ("070000", "07:00:00"):
        if ":" in body:
            out += ":"
        out += _pad(off % 60, 2)
    return out


def _element(std: str, t: Time, year, month, day, hour, minute, sec) -> str:
    """One layout element of ``appendFormat`` (all but fractional seconds)."""
    h12 = hour % 12 or 12
    numbers = {"2006": (year, 4), "06": (abs(year) % 100, 2), "1": (month, 0), "01": (month, 2),
               "2": (day, 0), "02": (day, 2), "15": (hour, 2), "3": (h12, 0), "03": (h12, 2),
               "4": (minute, 0), "04": (minute, 2), "5": (sec, 0), "05": (sec, 2)}
    if std in numbers:
        value, width = numbers[std]
        return _pad(value, width)
    if std in ("January", "Jan"):
        return MONTHS[month - 1][:None if std == "January" else 3]
    if std in ("Monday", "Mon"):
        return DAYS[weekday(t)][:None if std == "Monday" else 3]
    if std == "_2":
        return str(day).rjust(2)
    if std in ("__2", "002"):
        return str(yday(t)).rjust(3) if std == "__2" else _pad(yday(t), 3)
    if std in ("PM", "pm"):
        return std if hour >= 12 else ("AM" if std == "PM" else "am")
    if std == "MST":
        return t.zone or _zone_text("-0700", t.offset)
    return _zone_text(std, t.offset)


def format_time(t: Time, layout: str) -> str:
    """Go's ``Time.Format``."""
    year, month, day, hour, minute, sec, nsec = t.civil()
    out = []
    i = 0
    while True:
        start, std, end = next_chunk(layout, i)
        out.append(layout[i:start])
        if std is None:
            return "".join(out)
        i = end
        if type(std) is tuple:
            _, ch, n, sep = std
            if ch == "9" and nsec == 0:
                continue
            digits = str(nsec).zfill(9)[:min(n, 9)]
            if ch == "9":
                digits = digits.rstrip("0")
                if not digits:
                    continue
            out.append(sep + digits)
            continue
        out.append(_element(std, t, year, month, day, hour, minute, sec))


def marshal_json(t: Time) -> str:
    """Go's ``Time.MarshalJSON`` (RFC 3339 with nanoseconds), or raise EncodeError."""
    from .mod_json import EncodeError
    year = t.civil()[0]
    if not 0 <= year <= 9999:
        raise EncodeError("Time.MarshalJSON: year outside of range [0,9999]")
    return '"' + format_time(t, LAYOUTS["format_rfc3339_nano"]) + '"'


# -- parsing (time/format.go's parse) -------------------------------------------------------
class ParseError(Exception):
    pass


def _quote(s: str) -> str:
    """time's ``quote``: non-ASCII and control bytes as \\x escapes."""
    out = []
    for ch in s:
        if ch < " " or ch >= "\x80":
            out.extend(f"\\x{b:02x}" for b in utf8(ch))
        else:
            out.append("\\" + ch if ch in '"\\' else ch)
    return '"' + "".join(out) + '"'


def _getnum(s: str, fixed: bool):
    if not s[:1].isdigit() or not s[:1].isascii():
        raise ValueError
    if not ("0" <= s[1:2] <= "9"):
        if fixed:
            raise ValueError
        return int(s[0]), s[1:]
    return int(s[:2]), s[2:]


def _getnum3(s: str, fixed: bool):
    n = 0
    i = 0
    while i < 3 and "0" <= s[i:i + 1] <= "9":
        n = n * 10 + int(s[i])
        i += 1
    if i == 0 or (fixed and i != 3):
        raise ValueError
    return n, s[i:]


def _skip(value: str, prefix: str):
    """Go's ``skip``: (rest of value, ok); on failure the value as far as it got."""
    while prefix:
        if prefix[0] == " ":
            if value and value[0] != " ":
                return value, False
            prefix = prefix.lstrip(" ")
            value = value.lstrip(" ")
            continue
        if not value or value[0] != prefix[0]:
            return value, False
        prefix, value = prefix[1:], value[1:]
    return value, True


def _lookup(names, value: str):
    for k, name in enumerate(names):
        if len(value) >= len(name) and value[:len(name)].lower() == name.lower():
            return k, value[len(name):]
    raise ValueError


def _zone_abbrev_len(value: str) -> int:
    """Go's ``parseTimeZone``: the length of a zone abbreviation at the start, 0 if none."""
    if len(value) < 3:
        return 0
    if value[:4] in ("ChST", "MeST"):
        return 4
    if value.startswith("GMT"):
        rest = value[3:]
        if rest[:1] in ("+", "-"):
            k = 1
            while k < len(rest) and "0" <= rest[k] <= "9":
                k += 1
            if k > 1 and int(rest[1:k]) <= 12:
                return 3 + k
        return 3
    upper = 0
    while upper < 6 and upper < len(value) and "A" <= value[upper] <= "Z":
        upper += 1
    if upper == 3 or (upper == 4 and (value[3] == "T" or value[:4] == "WITA")) or (upper == 5 and value[4] == "T"):
        return upper
    return 0


def _nanos(value: str, n: int) -> int:
    if value[0] not in ".,":
        raise ValueError
    digits = value[1:n]
    if not digits.isdigit() or not digits.isascii():
        raise ValueError
    return int(digits[:9].ljust(9, "0"))


def parse(layout: str, value: str) -> Time:
    """Go's ``time.Parse`` with UTC as the local zone; raises ParseError (Go's message)."""
    alayout, avalue = layout, value
    year, month, day, hour, minute, sec, nsec, yd = 0, -1, -1, 0, 0, 0, 0, -1
    pm = am = False
    zone_offset, zone_name, is_utc = None, "", False
    i = 0
    range_err = ""
    while True:
        start, std, end = next_chunk(layout, i)
        stdstr = layout[start:end]
        value, ok = _skip(value, layout[i:start])
        if not ok:
            raise ParseError(f"parsing time {_quote(avalue)} as {_quote(alayout)}: cannot parse "
                             f"{_quote(value)} as {_quote(layout[i:start])}")
        if std is None:
            if value:
                raise ParseError(f"parsing time {_quote(avalue)}: extra text: {_quote(value)}")
            break
        i = end
        hold = value
        try:
            if std == "06":
                if len(value) < 2 or not value[:2].isdigit():
                    raise ValueError
                year = int(value[:2])
                year += 1900 if year >= 69 else 2000
                value = value[2:]
            elif std == "2006":
                if len(value) < 4 or not value[:4].isascii() or not value[:1].isdigit() or not value[:4].isdigit():
                    raise ValueError
                year, value = int(value[:4]), value[4:]
            elif std in ("Jan", "January"):
                names = MONTHS if std == "January" else [m[:3] for m in MONTHS]
                k, value = _lookup(names, value)
                month = k + 1
            elif std in ("1", "01"):
                month, value = _getnum(value, std == "01")
                if not 1 <= month <= 12:
                    range_err = "month"
            elif std in ("Mon", "Monday"):
                _, value = _lookup(DAYS if std == "Monday" else [d[:3] for d in DAYS], value)
            elif std in ("2", "_2", "02"):
                if std == "_2" and value[:1] == " ":
                    value = value[1:]
                day, value = _getnum(value, std == "02")
            elif std in ("__2", "002"):
                if std == "__2":
                    value = value[min(len(value) - len(value.lstrip(" ")), 2):]
                yd, value = _getnum3(value, std == "002")
                if not 1 <= yd <= 366:
                    range_err = "day-of-year"
            elif std == "15":
                hour, value = _getnum(value, False)
                if not 0 <= hour < 24:
                    range_err = "hour"
            elif std in ("3", "03"):
                hour, value = _getnum(value, std == "03")
                if not 0 <= hour <= 12:
                    range_err = "hour"
            elif std in ("4", "04"):
                minute, value = _getnum(value, std == "04")
                if not 0 <= minute < 60:
                    range_err = "minute"
            elif std in ("5", "05"):
                sec, value = _getnum(value, std == "05")
                if not 0 <= sec < 60:
                    range_err = "second"
                elif (len(value) >= 2 and value[0] in ".," and "0" <= value[1] <= "9"
                      and type(next_chunk(layout, i)[1]) is not tuple):   # no fraction in the layout
                    k = 2
                    while k < len(value) and "0" <= value[k] <= "9":
                        k += 1
                    nsec, value = _nanos(value, k), value[k:]
            elif std in ("PM", "pm"):
                word = value[:2]
                if word == std:
                    pm = True
                elif word == ("AM" if std == "PM" else "am"):
                    am = True
                else:
                    raise ValueError
                value = value[2:]
            elif std == "MST":
                if value.startswith("UTC"):
                    is_utc, value = True, value[3:]
                else:
                    k = _zone_abbrev_len(value)
                    if k == 0:
                        raise ValueError
                    zone_name, value = value[:k], value[k:]
            elif type(std) is tuple:
                _, ch, n, _sep = std
                if ch == "0":
                    if len(value) < n + 1:
                        raise ValueError
                    nsec, value = _nanos(value, n + 1), value[n + 1:]
                elif len(value) >= 2 and value[0] in ".," and "0" <= value[1] <= "9":
                    k = 1
                    while k < len(value) and "0" <= value[k] <= "9":
                        k += 1
                    nsec, value = _nanos(value, k), value[k:]
            else:                                   # numeric zones
                if std[0] == "Z" and value[:1] == "Z":
                    is_utc, value = True, value[1:]
                else:
                    zone_offset, value, range_err = _parse_offset(std[1:], value, range_err)
        except (ValueError, IndexError):
            raise ParseError(f"parsing time {_quote(avalue)} as {_quote(alayout)}: cannot parse "
                             f"{_quote(hold)} as {_quote(stdstr)}") from None
        if range_err:
            raise ParseError(f"parsing time {_quote(avalue)}: {range_err} out of range")
    if pm and hour < 12:
        hour += 12
    elif am and hour == 12:
        hour = 0
    if yd >= 0:
        leap = days_in(2, year) == 29
        if not 1 <= yd <= (366 if leap else 365):
            raise ParseError(f"parsing time {_quote(avalue)}: day-of-year out of range")
        m, d = date(year, 1, yd, 0, 0, 0, 0).civil()[1:3]
        for seen, got, what in ((month, m, "month"), (day, d, "day")):
            if seen >= 0 and seen != got:
                raise ParseError(f"parsing time {_quote(avalue)}: day-of-year does not match {what}")
        month, day = m, d
    month = 1 if month < 0 else month
    day = 1 if day < 0 else day
    if day < 1 or day > days_in(month, year):
        raise ParseError(f"parsing time {_quote(avalue)}: day out of range")
    t = date(year, month, day, hour, minute, sec, nsec)
    if is_utc:
        return t
    if zone_offset is not None:                 # the instant moves; the local zone is UTC
        if zone_offset == 0 and zone_name in ("", "UTC"):
            return Time(t.ns, 0, "UTC")
        return Time(t.ns - zone_offset * NS, zone_offset, zone_name)
    if zone_name:                               # a zone Go does not know: the clock reading stays
        offset = int(zone_name[3:]) * 3600 if len(zone_name) > 3 and zone_name.startswith("GMT") else 0
        return Time(t.ns, offset, zone_name)
    return t


def _parse_offset(body: str, value: str, range_err: str):
    """A numeric zone offset in the form of layout element ±*body*: (seconds, rest, range error)."""
    if body in ("07:00", "07:00:00"):
        need = 6 if body == "07:00" else 9
        if len(value) < need or value[3] != ":" or (body == "07:00:00" and value[6] != ":"):
            raise ValueError
        sign, hh, mm = value[0], value[1:3], value[4:6]
        ss = value[7:9] if body == "07:00:00" else "00"
        value = value[need:]
    elif body == "07":
        if len(value) < 3:
            raise ValueError
        sign, hh, mm, ss, value = value[0], value[1:3], "00", "00", value[3:]
    elif body == "070000":
        if len(value) < 7:
            raise ValueError
        sign, hh, mm, ss, value = value[0], value[1:3], value[3:5], value[5:7], value[7:]
    else:
        if len(value) < 5:
            raise ValueError
        sign, hh, mm, ss, value = value[0], value[1:3], value[3:5], "00", value[5:]
    hr, mi, se = (_getnum(x, True)[0] for x in (hh, mm, ss))
    if hr > 24:
        range_err = "time zone offset hour"
    if mi > 60:
        range_err = "time zone offset minute"
    if se > 60:
        range_err = "time zone offset second"
    off = (hr * 60 + mi) * 60 + se
    if sign == "-":
        off = -off
    elif sign != "+":
        raise ValueError
    return off, value, range_err


# -- durations (time/time.go) ------------------------------------------------------------------
def duration_string(d: int) -> str:
    """Go's ``Duration.String``: 1h2m3.5s, 1.5ms, 0s."""
    u = abs(d)
    sign = "-" if d < 0 else ""
    if u < NS:
        if u == 0:
            return "0s"
        unit, prec = ("ns", 0) if u < 1000 else ("\u00b5s", 3) if u < 1_000_000 else ("ms", 6)
        return sign + _frac(u, prec) + unit
    secs, frac = divmod(u, NS)
    out = _frac(secs % 60 * NS + frac, 9) + "s"
    minutes = secs // 60
    if minutes:
        out = f"{minutes % 60}m" + out
        if minutes // 60:
            out = f"{minutes // 60}h" + out
    return sign + out


def _frac(v: int, prec: int) -> str:
    whole, frac = divmod(v, 10 ** prec)
    digits = str(frac).zfill(prec).rstrip("0") if prec else ""
    return f"{whole}.{digits}" if digits else str(whole)


def parse_duration(s: str) -> int:
    """Go's ``time.ParseDuration``; raises ParseError with Go's message."""
    orig = s
    bad = ParseError(f"time: invalid duration {_quote(orig)}")
    neg = False
    if s[:1] in ("-", "+"):
        neg, s = s[0] == "-", s[1:]
    if s == "0":
        return 0
    if not s:
        raise bad
    total = 0
    while s:
        if not (s[0] == "." or "0" <= s[0] <= "9"):
            raise bad
        k = 0
        while k < len(s) and "0" <= s[k] <= "9":
            k += 1
        v = int(s[:k]) if k else 0
        if v > 1 << 63:
            raise bad
        pre = k > 0
        s = s[k:]
        f, scale, post = 0, 1.0, False
        if s[:1] == ".":
            s = s[1:]
            k = 0
            overflow = False
            while k < len(s) and "0" <= s[k] <= "9":
                if not overflow:
                    y = f * 10 + int(s[k])
                    if f > (MAXI // 10) or y > 1 << 63:
                        overflow = True
                    else:
                        f, scale = y, scale * 10
                k += 1
            post = k > 0
            s = s[k:]
        if not pre and not post:
            raise bad
        k = 0
        while k < len(s) and not (s[k] == "." or "0" <= s[k] <= "9"):
            k += 1
        if k == 0:
            raise ParseError(f"time: missing unit in duration {_quote(orig)}")
        unit_name, s = s[:k], s[k:]
        unit = DURATION_UNITS.get(unit_name)
        if unit is None:
            raise ParseError(f"time: unknown unit {_quote(unit_name)} in duration {_quote(orig)}")
        if v > (1 << 63) // unit:
            raise bad
        v *= unit
        if f > 0:
            v += int(float(f) * (float(unit) / scale))
            if v > 1 << 63:
                raise bad
        total += v
        if total > 1 << 63:
            raise bad
    if neg:
        return -total
    if total > MAXI:
        raise bad
    return total


def _float_div(d: int, unit: int) -> float:
    """Go's ``Duration.Hours``/``Minutes``/``Seconds``: whole units plus the rest."""
    q = abs(d) // unit * (1 if d >= 0 else -1)
    return float(q) + float(d - q * unit) / unit


def month_string(m: int) -> str:
    return MONTHS[m - 1] if 1 <= m <= 12 else f"%!Month({m})"


# -- the module ---------------------------------------------------------------------------------
def module(rt) -> ImmutableMap:
    clock = getattr(rt, "clock", None)
    if clock is None:
        clock = rt.clock = VirtualClock(rt.meter, rt.policy.clock_start)
    start_ns = round(clock.start_epoch * NS)
    slept = [0]

    def now_ns() -> int:
        return start_ns + clock.meter.instructions * (NS // RATE) + slept[0]

    def fn(name: str, spec: str, body):
        label = "user-function:" + name

        def call(*args):
            return body(*unpack(rt, label, args, spec))
        return call

    def sleep(d):
        if d > 0:
            slept[0] += d

    def formatted(t, layout):
        rt.meter.charge(len(layout) // 8 + 1)
        s = format_time(t, layout)
        rt.meter.string(len(s))
        return s

    def parse_(layout, value):
        try:
            return parse(layout, value)
        except ParseError as e:
            rt.error(str(e))

    def parse_duration_(s):
        try:
            return parse_duration(s)
        except ParseError as e:
            rt.error(str(e))

    def in_location(t, name):
        if name not in ("UTC", "", "Local"):
            rt.error(f"unknown time zone {name}")       # Go's words; only UTC is known here
        return utc(t.ns)

    fns = {
        "sleep": fn("sleep", "I", sleep),
        "parse_duration": fn("parse_duration", "S", parse_duration_),
        "since": fn("since", "T", lambda t: saturate(now_ns() - t.ns)),
        "until": fn("until", "T", lambda t: saturate(t.ns - now_ns())),
        "duration_hours": fn("duration_hours", "I", lambda d: _float_div(d, 3600 * NS)),
        "duration_minutes": fn("duration_minutes", "I", lambda d: _float_div(d, 60 * NS)),
        "duration_nanoseconds": fn("duration_nanoseconds", "I", lambda d: d),
        "duration_seconds": fn("duration_seconds", "I", lambda d: _float_div(d, NS)),
        "duration_string": fn("duration_string", "I", duration_string),
        "month_string": fn("month_string", "I", month_string),
        "date": fn("date", "I I I I I I I", date),
        "now": fn("now", "", lambda: utc(now_ns())),
        "parse": fn("parse", "S S", parse_),
        "unix": fn("unix", "I I", lambda sec, nsec: utc(sec * NS + nsec)),
        "add": fn("add", "T I", lambda t, d: Time(t.ns + d, t.offset, t.zone)),
        "add_date": fn("add_date", "T I I I", add_date),
        "sub": fn("sub", "T T", lambda t, u: saturate(t.ns - u.ns)),
        "after": fn("after", "T T", lambda t, u: t.ns > u.ns),
        "before": fn("before", "T T", lambda t, u: t.ns < u.ns),
        "time_year": fn("time_year", "T", lambda t: t.civil()[0]),
        "time_month": fn("time_month", "T", lambda t: t.civil()[1]),
        "time_day": fn("time_day", "T", lambda t: t.civil()[2]),
        "time_weekday": fn("time_weekday", "T", weekday),
        "time_hour": fn("time_hour", "T", lambda t: t.civil()[3]),
        "time_minute": fn("time_minute", "T", lambda t: t.civil()[4]),
        "time_second": fn("time_second", "T", lambda t: t.civil()[5]),
        "time_nanosecond": fn("time_nanosecond", "T", lambda t: t.ns % NS),
        "time_unix": fn("time_unix", "T", lambda t: t.ns // NS),
        "time_unix_nano": fn("time_unix_nano", "T", lambda t: wrap(t.ns)),
        "time_format": fn("time_format", "T S", formatted),
        "time_location": fn("time_location", "T", lambda t: t.zone),
        "time_string": fn("time_string", "T", str),
        "is_zero": fn("is_zero", "T", lambda t: t.ns == ZERO_TIME_NS),
        "to_local": fn("to_local", "T", lambda t: utc(t.ns)),
        "to_utc": fn("to_utc", "T", lambda t: utc(t.ns)),
        "in_location": fn("in_location", "T S", in_location),
    }
    members = {**LAYOUTS, **UNITS, **{m.lower(): k + 1 for k, m in enumerate(MONTHS)}}
    return ImmutableMap({**members, **functions(rt, fns)})
