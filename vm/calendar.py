"""Proleptic Gregorian day arithmetic, exact for any Python int, shared by the
date libraries of every language (Lua's ``os.date``/``os.time``, Tengo's
``times`` and time values, JavaScript's ``Date``) — H. Hinnant's
``days_from_civil`` and ``civil_from_days``."""
from __future__ import annotations


def days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of the date y-m-d (m is 1..12)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def civil_from_days(z: int) -> tuple[int, int, int]:
    """(year, month 1..12, day) of day number *z* (the inverse of :func:`days_from_civil`)."""
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d
