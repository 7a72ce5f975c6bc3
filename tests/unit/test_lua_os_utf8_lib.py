"""Differential tests of the ``os`` and ``utf8`` libraries against real Lua 5.4
(lupa), plus the virtual clock.

Dates are compared for explicit times.  Local-time forms (no ``!``) and
``os.time{...}`` are compared only when lupa's local zone is UTC, which is the
zone our library always uses (documented in vm/lua/los.py).
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from llmspell.sandbox.policy import Limits
from llmspell.vm.clock import RATE, VirtualClock
from llmspell.vm.lua import los, lutf8
from llmspell.vm.runtime import ScriptThrow
from llmspell.vm.values import Table, from_bytes, to_bytes
from test_lua_table_lib import _PREFIX, LUA, check, lua_args, lua_outcome, make_rt, norm, our_outcome

LUA_IS_UTC = LUA.execute('return os.date("%z", 0)') == b"+0000"
needs_utc = pytest.mark.skipif(not LUA_IS_UTC, reason="real Lua's local time zone is not UTC")


@pytest.fixture
def O():
    return los.open(make_rt()).hash


@pytest.fixture
def U():
    return lutf8.open(make_rt()).hash


def lua_str(b: bytes) -> str:
    return '"' + "".join(f"\\{x:03d}" for x in b) + '"'


# -- os.date ----------------------------------------------------------------------------------
ALL = ("%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R|%S|%t|%T|%u|%U|%V|%w|%W"
       "|%x|%X|%y|%Y|%z|%Z|%%")
MODIFIED = "%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy"
MIN_TIME, MAX_TIME = -67768040609740800, 67768036191676799       # glibc's gmtime range

TIMES = [0, 1, -1, 86400 * 365, 10**9, 2**31 - 1, 2**31, 951782400, 1709164800, 1230681600,
         -62167219200, -62167219201, -62198755200, -2208988800, 253402300799, 253402300800,
         MIN_TIME, MIN_TIME - 1, MAX_TIME, MAX_TIME + 1, 67767976233532799, 67767976233532800,
         67767976268092800, 2**62]
# every day around the turn of several years: ISO week-year and %U/%W edges
TIMES += [d * 86400 + 43200 for y in (1999, 2004, 2005, 2008, 2010, 2021, 2027)
          for d in range((y - 1970) * 365 + (y - 1969) // 4 - 6, (y - 1970) * 365 + (y - 1969) // 4 + 8)]


@pytest.mark.parametrize("t", TIMES)
@pytest.mark.parametrize("fmt", [ALL, MODIFIED, "*t"])
def test_date_utc(O, t, fmt):
    check(O["date"], "os.date", f'"!{fmt}", {t}')


@needs_utc
@pytest.mark.parametrize("t", TIMES[:12])
@pytest.mark.parametrize("fmt", [ALL, "*t", "%c"])
def test_date_local_is_utc(O, t, fmt):
    check(O["date"], "os.date", f'"{fmt}", {t}')


@settings(max_examples=200, deadline=None)
@given(st.integers(MIN_TIME - 10, MAX_TIME + 10) | st.integers(-2 * 10**11, 2 * 10**11))
def test_date_any_time(t):
    check(los.open(make_rt()).hash["date"], "os.date", f'"!{ALL}", {t}')


@pytest.mark.parametrize("src", [
    '"!%Ez", 0', '"%Ez abc", 0', '"%", 0', '"x%", 0', '"!%E", 0', '"!%Oz", 0', '"%k", 0', '"%5d", 0',
    '"!%Y-%Q rest", 0', '"!", 0', '"", 0', '"!*tx", 0', '"!*t\\0junk", 0', '"%Y\\0%m", 0',
    '"!caf\\xc3\\xa9 \\xff %H", 0', '5, 0', '"!%c", 1.0', '"!%c", 1.5', '"!%c", "10"', '"!%c", {}',
    '{}, 0', '"!%Y", 2^60', 'nil, 0',
])
def test_date_arguments_and_errors(O, src):
    check(O["date"], "os.date", src)


def test_date_defaults_to_now_and_percent_c():
    rt = make_rt(clock_start=1_000_000_000.0)
    O = los.open(rt).hash
    assert O["date"]() == O["date"]("%c", O["time"]()) == "Sun Sep  9 01:46:40 2001"


# -- os.time ------------------------------------------------------------------------------------
DATE_TABLES = [
    "{year = 2020, month = 1, day = 1}", "{year = 2020, month = 1, day = 1, hour = 0}",
    "{year = 2020, month = 1, day = 1, hour = 0, isdst = true}",
    "{year = 2020, month = 1, day = 1, hour = 0, isdst = false}",
    "{year = 2020, month = 14, day = 0, hour = -1, min = 70, sec = -5}",
    "{year = 2021, month = -13, day = 400, hour = 25, min = -1, sec = 3600}",
    "{year = 2000, month = 2, day = 29, hour = 2^31 - 1, min = 2^31 - 1, sec = 2^31 - 1}",
    '{year = "2020", month = 3.0, day = " 4 "}', "{year = 1970, month = 1, day = 1, hour = 0}",
    "{year = 1970, month = 1, day = 1, hour = 0, sec = -1}", "{year = 1970, month = 1, day = 1, hour = 0, sec = -2}",
    "{year = 2^31 + 1899, month = 1, day = 1}", "{year = 2^31 + 1900, month = 1, day = 1}",
    "{year = -2^31 + 1900, month = 1, day = 1}",
    "{year = -2^31 + 1899, month = 1, day = 1}", "{year = 2000, month = 1, day = 1, hour = 2^31}",
    "{year = 2000, month = 1, day = -2^31}", "{year = 0, month = 1, day = 1}", "{year = -500, month = 7, day = 4}",
    "{year = 2020, month = 1}", "{}", "{year = 2020, month = 1, day = 1.5}", '{year = 2020, month = "x", day = 1}',
    "{year = 2020, month = 1, day = 1, min = {}}", "{year = 2020, month = 1, day = 1, isdst = 0}",
]


@needs_utc
@pytest.mark.parametrize("tsrc", DATE_TABLES)
def test_time_normalises_table(O, tsrc):
    check_time(O, tsrc)


def check_time(O, tsrc: str):
    t = lua_args(tsrc)[0]
    assert our_outcome(O["time"], [t], t) == lua_outcome(f"local t = {tsrc}; os.time(t)", "t"), tsrc


@needs_utc
@settings(max_examples=100, deadline=None)
@given(st.integers(-3000, 12000), st.integers(-30, 30), st.integers(-400, 400),
       st.integers(-100, 100), st.integers(-5000, 5000), st.integers(-10**6, 10**6))
def test_time_any_fields(year, month, day, hour, minute, sec):
    check_time(los.open(make_rt()).hash,
               f"{{year = {year}, month = {month}, day = {day}, hour = {hour}, min = {minute}, sec = {sec}}}")


def test_time_unrepresentable_result(O):
    """Lua fills the table with glibc's garbage here; only the error is compared."""
    tsrc = "{year = 2^31 + 1899, month = 13, day = 1}"
    assert our_outcome(O["time"], lua_args(tsrc))[:2] == lua_outcome(f"os.time({tsrc})")


def test_time_reads_fields_through_metamethods(O):
    t = Table()
    t.meta = Table(hash={"__index": Table(hash={"year": 2001, "month": 9, "day": 9})})
    theirs = lua_outcome("local t = setmetatable({}, {__index = {year = 2001, month = 9, day = 9}}); os.time(t)")
    assert our_outcome(O["time"], [t]) == theirs


def test_time_argument_errors(O):
    for src in ["1", '"x"', "true"]:
        check(O["time"], "os.time", src)


def test_difftime(O):
    for src in ["10, 3", "3, 10", "0, 0", "2^53, -2^53", '"10", "3"', "1.5, 1", "1, nil", "nil, 1", "1, {}"]:
        check(O["difftime"], "os.difftime", src)


# -- the virtual clock ------------------------------------------------------------------------
def test_virtual_clock_follows_instructions():
    rt = make_rt(clock_start=1_700_000_000.5)
    O = los.open(rt).hash
    assert isinstance(rt.clock, VirtualClock)
    base = rt.meter.instructions
    assert O["time"]() == 1_700_000_000 + base // RATE
    rt.meter.charge(3 * RATE)
    assert O["time"]() == 1_700_000_003 + base // RATE
    assert O["clock"]() == rt.meter.instructions / RATE >= 3.0
    assert O["time"](None) == O["time"]()


def test_existing_clock_is_kept_and_runs_agree():
    rt = make_rt()
    rt.clock = VirtualClock(rt.meter, 42.0)
    assert los.open(rt).hash["time"]() == 42
    a, b = (los.open(make_rt(limits=Limits(max_instructions=10**9))).hash for _ in range(2))
    assert (a["time"](), a["clock"](), a["date"]()) == (b["time"](), b["clock"](), b["date"]())


def test_host_access_functions_are_absent(O):
    for name in ("execute", "remove", "rename", "tmpname", "getenv", "exit"):
        assert name not in O


def test_setlocale_knows_only_c(O):
    assert O["setlocale"]() == "C" and O["setlocale"]("C", "time") == "C" and O["setlocale"]("") == "C"
    assert O["setlocale"]("fr_FR") is None
    with pytest.raises(ScriptThrow, match=r"bad argument #2 to 'setlocale' \(invalid option 'x'\)"):
        O["setlocale"](None, "x")


# -- utf8 ---------------------------------------------------------------------------------------
def test_charpattern_is_luas_bytes(U):
    assert to_bytes(U["charpattern"]) == LUA.eval("utf8.charpattern")


@pytest.mark.parametrize("src", [
    "", "72", "0", "0x7F", "0x80", "0x7FF", "0x800", "0xFFFF", "0xD800", "0x10000", "0x10FFFF", "0x110000",
    "0x1FFFFF", "0x200000", "0x3FFFFFF", "0x4000000", "0x7FFFFFFF", "0x80000000", "-1", "72, 0xE9, 0x20AC, 0x1F600",
    '"65"', "1.5", "65.0", "nil", "65, {}", "math.mininteger",
])
def test_char(U, src):
    check(U["char"], "utf8.char", src)


STRINGS = [b"", b"abc", "h\u00e9llo \u20ac \U0001F600".encode(), b"\xff", b"a\x80b", b"\xc3", b"\xc3\xa9\xa9",
           b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\x80", b"\xe0\x80\x80", b"\xf8\x88\x80\x80\x80",
           b"\xfd\xbf\xbf\xbf\xbf\xbf", b"\xfe", b"a\x00b\xc3\xa9",
           # overlong forms of each length (the 6-byte one encodes 2^24)
           b"\xf0\x80\x80\x80", b"\xf8\x80\x80\x80\x80", b"\xfc\x81\x80\x80\x80\x80"]
POSITIONS = ["", ", 1", ", 2", ", -1", ", 0", ", 5", ", -100", ", 2, 3", ", 1, -1", ", 3, 1", ", 1, 100",
             ", 1, -1, true", ", 2, 4, 1", ', "2"', ", 1.5"]


@pytest.mark.parametrize("s", STRINGS)
@pytest.mark.parametrize("args", POSITIONS)
@pytest.mark.parametrize("fname", ["codepoint", "len"])
def test_codepoint_and_len(U, fname, s, args):
    check(U[fname], f"utf8.{fname}", lua_str(s) + args)


@pytest.mark.parametrize("s", STRINGS)
@pytest.mark.parametrize("args", ["1", "2", "3", "-1", "-2", "0", "10", "-10", "1, 2", "0, 3", "-1, 3",
                                  "2, -1", "1, 0", "1, 100", "0, -1", "nil", '"x"'])
def test_offset(U, s, args):
    check(U["offset"], "utf8.offset", f"{lua_str(s)}, {args}")


def codes_outcome_ours(U, s: bytes, lax):
    try:
        f, st_, ctl = U["codes"](from_bytes(s), lax)
        out = []
        while True:
            r = f(st_, ctl)
            if r == ():
                return ("ok", out)
            ctl = r[0]
            out.append(r)
    except ScriptThrow as e:
        return ("err", to_bytes(e.value))


def codes_outcome_lua(s: bytes, lax):
    ok, r = LUA.execute(f"return pcall(function() local out = {{}} for p, c in utf8.codes({lua_str(s)}, "
                        f"{str(lax).lower()}) do out[#out + 1] = {{p, c}} end return out end)")
    if not ok:
        return ("err", _PREFIX.sub(b"", r))
    return ("ok", [(p[1], p[2]) for p in r.values()])


@pytest.mark.parametrize("s", STRINGS + [b"\x80abc", b"ab\xc3"])
@pytest.mark.parametrize("lax", [False, True])
def test_codes(U, s, lax):
    assert codes_outcome_ours(U, s, lax) == codes_outcome_lua(s, lax)


UTF8ISH = st.lists(st.sampled_from([b"a", b"\x00", b"\xc3\xa9", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80", b"\x80",
                                    b"\xbf", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xff",
                                    b"\xfd\xbf\xbf\xbf\xbf\xbf"]), max_size=8).map(b"".join)


@settings(max_examples=150, deadline=None)
@given(UTF8ISH, st.integers(-12, 12), st.integers(-12, 12), st.booleans())
def test_utf8_functions_on_any_bytes(s, i, j, lax):
    U = lutf8.open(make_rt()).hash
    lit = lua_str(s)
    check(U["codepoint"], "utf8.codepoint", f"{lit}, {i}, {j}, {str(lax).lower()}")
    check(U["len"], "utf8.len", f"{lit}, {i}, {j}, {str(lax).lower()}")
    check(U["offset"], "utf8.offset", f"{lit}, {i}, {j}")
    assert codes_outcome_ours(U, s, lax) == codes_outcome_lua(s, lax)


def test_codepoint_result_limit(U):
    s = "a" * 1_000_001
    with pytest.raises(ScriptThrow, match=r"stack overflow \(string slice too long\)"):
        U["codepoint"](s, 1, -1)
    assert norm(list(U["codepoint"]("ab" * 1000, 1, -1))) == norm([97, 98] * 1000)
