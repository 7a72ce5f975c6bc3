"""The ``string`` library (vm/lua/lstring.py, lpattern.py, lformat.py) against real Lua 5.4.

Every expected value comes from lupa (real Lua 5.4) evaluated in the test: the
same call is made in Lua and with our functions, and the results (all of them,
with their int/float types) or the error messages (without Lua's
``[string "..."]:1:`` position prefix) must be equal.  Strings cross to lupa as
bytes, so byte semantics (``#"héllo"`` is 6) are compared too.  Limits and
metering have no Lua counterpart: those tests check the documented behaviour.
"""
from __future__ import annotations

import math
import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

lua54 = pytest.importorskip("lupa.lua54")

from llmspell.ir.errors import LimitExceeded  # noqa: E402
from llmspell.sandbox.policy import Limits, Policy  # noqa: E402
from llmspell.vm.lua import lstring  # noqa: E402
from llmspell.vm.lua.runtime import LuaRuntime  # noqa: E402
from llmspell.vm.runtime import ScriptThrow  # noqa: E402
from llmspell.vm.values import Table, from_bytes, to_bytes  # noqa: E402

LUA = lua54.LuaRuntime(encoding=None)
_PCALL = LUA.eval(b"function(f, ...) return table.pack(pcall(f, ...)) end")
_LUAFUNC = LUA.eval(b"function(pf) return function(...) return pf(...) end end")
_PREFIX = re.compile(r'^\[string "[^"]*"\]:\d+: ')
_CALLERS: dict[str, object] = {}

GMATCH_MAX = 200      # iterations collected from a gmatch iterator


def _caller(name: str):
    """A Lua function calling ``string.<name>`` as a (non-tail) field call, so that
    Lua names the function ``'<name>'`` in argument errors, as a script would see."""
    f = _CALLERS.get(name)
    if f is None:
        if name == "gmatch*":
            src = (f"function(...) local it = string.gmatch(...) local out = {{}} "
                   f"for i = 1, {GMATCH_MAX} do local r = table.pack(it()) "
                   f"if r.n == 0 or r[1] == nil then break end out[i] = r end return out end")
        else:
            src = f"function(...) local r = table.pack(string.{name}(...)) return r end"
        f = _CALLERS[name] = LUA.eval(src.encode())
    return f


# -- value conversion and normalization ----------------------------------------------------
class LuaFn:
    """A replacement function given once, in terms of our values (str/int/...)."""

    def __init__(self, f):
        self.f = f

    def __repr__(self) -> str:          # stable test ids (pytest-xdist compares them)
        return "LuaFn"


class LuaTable:
    """A table given once as a dict of our values."""

    def __init__(self, d: dict):
        self.d = d

    def __repr__(self) -> str:
        return f"LuaTable({self.d!r})"


def _to_lua(v):
    if type(v) is str:
        return to_bytes(v)
    if isinstance(v, LuaTable):
        return LUA.table_from({_to_lua(k): _to_lua(x) for k, x in v.d.items()})
    if isinstance(v, LuaFn):
        return _LUAFUNC(lambda *a: _to_lua(v.f(*(_from_lua(x) for x in a))))
    return v


def _from_lua(v):
    return from_bytes(v) if type(v) is bytes else v


def _to_ours(v):
    if isinstance(v, LuaTable):
        t = Table()
        for k, x in v.d.items():
            t.set(k, _to_ours(x))
        return t
    if isinstance(v, LuaFn):
        return v.f
    return v


def _norm(v):
    """Comparable form: keeps int vs float, NaN sign, -0.0."""
    if type(v) is float:
        return ("float", "nan" if v != v else v.hex(), math.copysign(1.0, v))
    if type(v) is int:
        return ("int", v)
    return (type(v).__name__, v)


@pytest.fixture(scope="module")
def lib():
    return lstring.open(LuaRuntime(Policy())).hash


def real(name: str, *args):
    """``("ok", [results])`` or ``("error", message)`` from real Lua."""
    r = _PCALL(_caller(name), *map(_to_lua, args))
    if not r[1]:
        return "error", _PREFIX.sub("", from_bytes(r[2]) if type(r[2]) is bytes else str(r[2]))
    packed = r[2]
    if name == "gmatch*":
        return "ok", [[_norm(_from_lua(t[i])) for i in range(1, t[b"n"] + 1)]
                      for t in (packed[k] for k in range(1, len(packed) + 1))]
    return "ok", [_norm(_from_lua(packed[i])) for i in range(1, packed[b"n"] + 1)]


def ours(lib, name: str, *args):
    args = tuple(map(_to_ours, args))
    try:
        if name == "gmatch*":
            it = lib["gmatch"](*args)
            out = []
            for _ in range(GMATCH_MAX):
                r = it()
                r = r if type(r) is tuple else (r,)
                if not r or r[0] is None:
                    break
                out.append([_norm(x) for x in r])
            return "ok", out
        r = lib[name](*args)
    except ScriptThrow as e:
        return "error", e.value
    return "ok", [_norm(x) for x in (r if type(r) is tuple else (r,))]


def same(lib, name: str, *args):
    expected = real(name, *args)
    got = ours(lib, name, *args)
    assert got == expected, f"string.{name}{args!r}"
    return expected


# -- hand-picked cases ------------------------------------------------------------------
NUMS = [0, 1, -1, 7, 255, -255, 2**63 - 1, -2**63, 0.0, -0.0, 0.5, 1.5, 2.5, -3.75, 1e15, 1e16, 2.0**63,
        1e300, 5e-324, 2.2250738585072014e-308, 1 / 3, float("inf"), -float("inf"), float("nan"),
        -float("nan"), 123456789.123, 1e-5, 100.0]

CASES = [
    # len / sub / upper / lower / reverse / rep / byte / char
    ("len", "héllo"), ("len", ""), ("len", 123), ("len", 1.5), ("len",), ("len", None), ("len", True),
    ("sub", "héllo", 2, 3), ("sub", "hello", -3), ("sub", "hello", 0), ("sub", "hello", 2, 100),
    ("sub", "hello", -100, 2), ("sub", "hello", 4, 2), ("sub", "hello", 2, -2), ("sub", "hello", 2.0, 3),
    ("sub", "hello", 1.5), ("sub", "hello"), ("sub", "hello", "2", "3"), ("sub", "hello", "x"),
    ("sub", "hello", 2**63 - 1), ("sub", "hello", -2**63, -2**63), ("sub", 12345, 2, 3),
    ("upper", "héllo wörld"), ("lower", "HÉLLO Wörld"), ("upper", "a\0b"), ("upper", None),
    ("reverse", "héllo"), ("reverse", ""), ("reverse", "abc"),
    ("rep", "ab", 3, ","), ("rep", "ab", 0), ("rep", "ab", -1), ("rep", "", 5), ("rep", "x", 1, "sep"),
    ("rep", "é", 3, "-"), ("rep", "x", 2.0), ("rep", "x", 2.5), ("rep", "x"), ("rep",), ("rep", "x", None),
    ("rep", "x", 3, None), ("rep", "x", 3, 4),
    ("byte", "héllo"), ("byte", "héllo", 1, -1), ("byte", "abc", 10), ("byte", "abc", -1), ("byte", "abc", 0),
    ("byte", "abc", 2, 1), ("byte", "abc", -10, 10), ("byte", ""), ("byte", "abc", 1.5),
    ("char", 104, 195, 169), ("char",), ("char", 256), ("char", -1), ("char", "65"), ("char", 65.0),
    ("char", 65, None), ("char", 0, 255),
    ("dump", 1), ("dump",),
    # find / match
    ("find", "hello world", "o w"), ("find", "hello world", "l+"), ("find", "hello", ""),
    ("find", "hello", "", 10), ("find", "hello", "", 6), ("find", "hello", "l", -2), ("find", "hello", "l", -100),
    ("find", "a.b", ".", 1, True), ("find", "a.b", "%.", 1), ("find", "a+b", "+", 1, 1), ("find", "héllo", "é"),
    ("find", "héllo", "l", 4), ("find", "abc", "[a-"), ("find", "abc", "%"), ("find", "abc", "(()"),
    ("find", "abc", "%g+"), ("find", "abc", "b", 1, False), ("find", "abc", "b", 1, None),
    ("find", "abc", "^b"), ("find", "abc", "^a"), ("find", "abc", "c$"), ("find", "a$c", "$c"),
    ("find", "abc", "(a)(b)(c)"), ("find", "abc", "()b()"), ("find",), ("find", "abc"), ("find", "abc", 1),
    ("find", "ab12", "%d+"), ("find", "x = 5", "(%w+)%s*=%s*(%w+)"),
    ("match", "key = value", "(%w+)%s*=%s*(%w+)"), ("match", "  trim  ", "^%s*(.-)%s*$"),
    ("match", "hello", "(h)(e)(l)(l)(o)"), ("match", "hello", "()ll()"), ("match", "hello", "l*"),
    ("match", "hello", ".-"), ("match", "hello", ".-$"), ("match", "[[x]]", "%[(%b[])%]"),
    ("match", "f(a(b)c)d", "%b()"), ("match", "f(a(b c", "%b()"), ("match", "THE (quick) fox", "%f[%a]%a+"),
    ("match", "hello", "%f[%l]"), ("match", "abcabc", "(abc)%1"), ("match", "abcab", "(abc)%1"),
    ("match", "aaa", "(a)%2"), ("match", "aaa", "%0"), ("match", "aaa", "(a%1)"), ("match", "x", "()%1"),
    ("match", "hello", "(h(e)(l)l)o"), ("match", "abc", "a(b"), ("match", "abc", "a)b"),
    ("match", "abc", "%f"), ("match", "abc", "%fa"), ("match", "abc", "%b"), ("match", "abc", "%ba"),
    ("match", "]", "[]]"), ("match", "^", "[]^]"), ("match", "a-", "[a-]+"), ("match", "-", "[%-]"),
    ("match", "%", "[%%]"), ("match", "x]", "[^]]"), ("match", "é", "[\xc3][\xa9]"), ("match", "héllo", "h.l"),
    ("match", "héllo", "h..l"), ("match", "\x80\xff", "%A+"), ("match", "caf\xe9", "%a+"),
    ("match", "hello", "hel", 2), ("match", "hello", "^hel", 2), ("match", "hello", "llo", -3),
    ("match", "a\0b", "%z"), ("match", "a\0b", "[%z]"), ("match", "a\0b", ".%Z"), ("match", "a.b", "%W"),
    ("match", "abc", "[%w_]+"), ("match", "ab_c d", "[%w_]+"), ("match", "\t\n x", "%s+()"),
    ("match", "AbC", "%u%l%u"), ("match", "!?", "%p+"), ("match", "\1\31", "%c+"), ("match", "0x1F", "0x(%x+)"),
    ("match", "abc", "a*?"), ("match", "", "a?"), ("match", "", ""), ("match", "", "$"), ("match", "", "^$"),
    ("match", "aaab", "a-b"), ("match", "aaab", "a+b"), ("match", "b", "a+b"), ("match", "b", "a*b"),
    ("match", "ab", "[b-a]"), ("match", "hello world from lua", "(%w+) (%w+)"),
    ("match", "2024-01-15", "(%d+)-(%d+)-(%d+)"), ("match", "a,b", "[^,]*"), ("match", "abc", "()"),
    # gsub
    ("gsub", "hello world", "o", "0"), ("gsub", "hello world", "(%w+)", "<%1>"), ("gsub", "abc", "", "-"),
    ("gsub", "hello", "l", "L", 1), ("gsub", "hello", "l", "L", 0), ("gsub", "hello", "l", "L", -1),
    ("gsub", "hello", "l", "L", 1.5), ("gsub", "hello", "", "-", 2), ("gsub", "hello", "^h", "H"),
    ("gsub", "hello", "^", ">"), ("gsub", "hello", "$", "<"), ("gsub", "hello", "^x", "y"),
    ("gsub", "abc", "(b)", "%1%0%%"), ("gsub", "abc", "b", "%1"), ("gsub", "abc", "b", "%2"),
    ("gsub", "abc", "b", "%"), ("gsub", "abc", "b", "%x"), ("gsub", "abc", "(b)", "%2"),
    ("gsub", "abc", "()b", "%1"), ("gsub", "abc", "b", 5), ("gsub", "abc", "b", 2.5), ("gsub", "abc", "b"),
    ("gsub", "abc", "b", True), ("gsub", "abc", "b", None), ("gsub", "abc", "z", "y"),
    ("gsub", "abc", "b", "x", "2"), ("gsub", "abc", "b", "x", "z"), ("gsub", "héllo", ".", "[%0]"),
    ("gsub", "hello world", "%w+", LuaTable({"hello": "HI", "world": False})),
    ("gsub", "hello world", "(%w+)", LuaTable({"hello": 1.5})), ("gsub", "a b", "%w", LuaTable({"a": True})),
    ("gsub", "a b", "()%w", LuaTable({1: "one", 3: "three"})), ("gsub", "a b", "%w", LuaTable({})),
    ("gsub", "hello world", "%w+", LuaFn(lambda w: w.upper())),
    ("gsub", "hello world", "(%w)(%w*)", LuaFn(lambda a, b: b + a)),
    ("gsub", "hello world", "%w+", LuaFn(lambda w: None)), ("gsub", "abc", "%w", LuaFn(lambda w: False)),
    ("gsub", "abc", "%w", LuaFn(lambda w: 7)), ("gsub", "abc", "()%w()", LuaFn(lambda a, b: a * 10 + b)),
    ("gsub", "abc", "%w", LuaFn(lambda w: True)), ("gsub", "abc", "", LuaFn(lambda w: "[" + w + "]")),
    ("gsub", "abc", "(a", "x"), ("gsub", "abc", "[", "x"), ("gsub", "abc", "[", "x", 0),
    ("gsub", "one two  three", "%s+", " "), ("gsub", "x = 1, y = 2", "(%w+) = (%w+)", "%2 = %1"),
    # gmatch (all iterations collected)
    ("gmatch*", "a,b,,c", "([^,]*)"), ("gmatch*", "hello world from lua", "%a+"), ("gmatch*", "abc", ""),
    ("gmatch*", "k1=v1, k2=v2", "(%w+)=(%w+)"), ("gmatch*", "abc", "()"), ("gmatch*", "abc", "^a"),
    ("gmatch*", "hello", "l*"), ("gmatch*", "hello world", "%a+", 3), ("gmatch*", "hello world", "%a+", -5),
    ("gmatch*", "hello", ".", 10), ("gmatch*", "hello", "", 6), ("gmatch*", "héllo", "."),
    ("gmatch*", "abc", "[a"), ("gmatch*", "abc", "%w", 1.5), ("gmatch*",), ("gmatch*", "a(b)c(d)", "%b()"),
    # pack / packsize / unpack
    ("pack", "i4", 100), ("pack", ">i4", 100), ("pack", "<i2 >i2 =i2", 1, 2, 3),
    ("pack", "b B h H", -1, 255, -2, 65535),
    ("pack", "i3", 2**23), ("pack", "i3", -2**23), ("pack", "I3", -1), ("pack", "B", 256), ("pack", "b", -129),
    ("pack", "i16", -3), ("pack", "I16", -3), ("pack", ">i9", -2), ("pack", "j J l L T", -5, -5, 7, 8, 9),
    ("pack", "d n f", 1.5, 2, 0.1), ("pack", "f", 1e300), ("pack", "f", -1e300), ("pack", "f", float("nan")),
    ("pack", "z", "hello"), ("pack", "z", "a\0b"), ("pack", "s1", "hé"), ("pack", "s", "abc"), ("pack", ">s2", "ab"),
    ("pack", "s1", "x" * 256), ("pack", "c5", "ab"), ("pack", "c2", "abc"), ("pack", "c", "a"), ("pack", "c0", ""),
    ("pack", "i", 1.5), ("pack", "i"), ("pack", "ii", 1), ("pack", "y"), ("pack", "i0", 1), ("pack", "i17", 1),
    ("pack", "!3i4", 1), ("pack", "!4 b i4", 1, 2), ("pack", "!8 b d", 1, 2.0), ("pack", "!4 h Xd", 1),
    ("pack", "Xc1"), ("pack", "X"), ("pack", "Xz"), ("pack", "Xi4i4", 1), ("pack", "!2 Xi8"), ("pack", " x x", 1),
    ("pack", "i4", "12"), ("pack", "i4", "x"), ("pack", "!", 1), ("pack", "!17"), ("pack", "i4\0i4", 1, 2),
    ("pack", "<I5 >I5", 2**40 - 1, 3), ("pack", "s1", 12), ("pack",), ("pack", "c1", None),
    ("packsize", "i4 i8 !8 b d"), ("packsize", "s"), ("packsize", "z"), ("packsize", "c2147483646c1"),
    ("packsize", "c1000000000c1000000000c1000000000"), ("packsize", ""), ("packsize", "!8 b Xd"),
    ("unpack", "i4", "\x01\0\0\0"), ("unpack", ">I2", "\x01\x02"), ("unpack", "i16", "\xfd" + "\xff" * 15),
    ("unpack", "I9", "\xff" * 9), ("unpack", "i9", "\xff" * 9), ("unpack", "i9", "\x01" + "\0" * 8),
    ("unpack", "z", "abc"), ("unpack", "z z", "ab\0cd\0"), ("unpack", "s1", "\x05ab"), ("unpack", "s1", "\x02ab"),
    ("unpack", "b", ""), ("unpack", "b", "a", 3), ("unpack", "b", "a", 2), ("unpack", "b", "abc", -1),
    ("unpack", "i4", "\x01\0\0\0", -10), ("unpack", "c3", "héllo"), ("unpack", "b B", "\xff\xff"),
    ("unpack", "!4 b i4", "\x01\0\0\0\x02\0\0\0"), ("unpack", "d", "\0" * 7 + "\xf8\x3f"),
    ("unpack", "f", "\0\0\xc0\x7f"), ("unpack", "<h >h", "\x01\x02\x01\x02"), ("unpack", "i4"), ("unpack",),
    ("unpack", "j", "\0" * 7 + "\x80"),
]

FORMAT_CASES = [
    ("%5.2f|%d|%s|%q|%x|%a", 3.14159, 42, "hi", "a\nb", -1, 1.0), ("%d", 1.5), ("%d", "10"), ("%d", "1.5"),
    ("%d", "x"), ("%d",), ("%d %d", 1), ("%",), ("%", 1), ("%y", 1), ("%ld", 1), ("%F", 1.0), ("%u", -1),
    ("%10.123d", 1), ("%100d", 1), ("%012345d", 1), ("%099d", 1), ("%-099d|", 1), ("%.99f", 1 / 3),
    ("%.100f", 1), ("%099.99f", -1e308), ("%-+ #0-+ #0-+ #012.3f", 1.0), ("%-+ #0-+ #0-+ #0-12.3f", 1.0),
    ("%.0d|%.0x|%#.0o|%#o|%#x", 0, 0, 0, 0, 0), ("%#x %#X %#o", 255, 255, 8), ("%x %X %o", -1, -2, -3),
    ("%5.3d|%+d|% d|%05d|%-5d|", 7, 7, 7, -7, 7), ("%+5.3x", 5), ("%#d", 5), ("% u", 5), ("%05.1f", 3.14159),
    ("%c%c%c", 65, 256 + 66, -1), ("%5c|%-5c|", 65, 66), ("%05c", 65), ("%5.1c", 65), ("%c", 1.5), ("%c", 0),
    ("%s %s %s %s", None, True, 1.5, 10), ("%.3s|%5s|%-5s|%5.1s|", "abcdef", "ab", "ab", ""),
    ("%05s", "a"), ("% 5s", "a"), ("%#5s", "a"), ("%s", "a\0b"), ("%5s", "a\0b"), ("%.20s", "x" * 200),
    ("%5s", "x" * 150), ("%-5.200s", "x"), ("%s", "héllo"), ("%.2s", "héllo"), ("%5s|", "é"),
    ("%q", "a\n\0\0011\r\"\\\x7f\xc8z\t9"), ("%q", "\r\n"), ("%q", "héllo\x80"), ("%q", 1 / 3), ("%q", 1.0),
    ("%q", -2.5), ("%q", float("inf")), ("%q", -float("inf")), ("%q", float("nan")), ("%q", -2**63),
    ("%q", 2**63 - 1), ("%q", 2.0**63), ("%q", None), ("%q", True), ("%q", print), ("%5q", 1), ("%.5q", "x"),
    ("%q", 5e-324), ("%q", 0.0), ("%q", -0.0),
    ("%a %A %a %a %a", 3.0, 0.1, 0.0, -0.0, 5e-324),
    ("%.0a|%.1a|%.0a|%.0a|%#a|%#.0a", 1.5, 1.09375, 2.5, 1.9375, 1.0, 1.0),
    ("%010a|%-10a|%+.2A|% a", 1.0, 1.0, 255.5, 2.0), ("%.1a|%.3a|%a", 5e-324, 5e-324, 2.2250738585072014e-308),
    ("%.2a", 1.9999847412109375), ("%.20a", 0.1), ("%a", float("nan")), ("%A", -float("inf")), ("%5a", "x"),
    ("%f %e %g %G %E", float("nan"), -float("nan"), float("inf"), -float("inf"), float("nan")),
    ("%020.3f|%-8g|%+e", -float("inf"), float("inf"), float("nan")), ("%.3f", 2.0**70),
    ("%.0f %.0f %.0f", 0.5, 1.5, 2.5),
    ("%g %g %g %g", 1e20, 0.1, 100, 1e-5), ("%#g %#.0e %#.0f", 1.0, 2.0, 3.0),
    ("%#g|%#.2g|%#.3g|%#08.2G|%#.3g|%#.3g", 999999.5, 99.5, 999.9, -99.7, 99996.0, 0.000099996), ("%.14g", 2.0**63),
    ("%5.2d", 0), ("%i", 3.0), ("%d", 2.0**53), ("%d", -0.0), ("%d", 2.0**63), ("%.3d", -5), ("%x", 3.0),
    ("%5%",), ("%%",), ("%%%d", 5), ("100%% %s", "sure"), ("%p", 1), ("%p", None), ("%10p|", True),
    ("%" + "0" * 25 + "d", 1), ("%-----------------20d", 1), ("%\0d", 1), ("x%", 1), ("%e", "1e3"),
    ("%s %s", "only one"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}{c[1:]!r}"[:80])
def test_differential(lib, case):
    same(lib, *case)


@pytest.mark.parametrize("args", FORMAT_CASES, ids=lambda c: repr(c)[:60])
def test_format_differential(lib, args):
    same(lib, "format", *args)


# -- random format specifications --------------------------------------------------------
_numbers = st.one_of(
    st.integers(min_value=-2**63, max_value=2**63 - 1),
    st.integers(min_value=-300, max_value=300),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e6, max_value=1e6),
    st.sampled_from(NUMS),
    st.builds(lambda k, f: f * 10.0 ** k, st.integers(-7, 20),        # rounding carries
              st.sampled_from([0.95, 0.995, 0.9995, 0.99996, 0.9999995, 0.99999995])),
)
_specs = st.builds(
    lambda flags, width, prec, conv: "%" + flags + width + prec + conv,
    st.text(alphabet="-+ #0", max_size=3),
    st.one_of(st.just(""), st.integers(0, 120).map(str)),
    st.one_of(st.just(""), st.just("."), st.integers(0, 120).map(lambda p: f".{p}")),
    st.sampled_from(list("diuoxXcaAeEfgGsq") + ["p", "%", "y"]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=_specs, x=_numbers)
def test_format_random(lib, spec, x):
    same(lib, "format", f"[{spec}]", x)


# -- random patterns ----------------------------------------------------------------------
_TOKENS = ["a", "b", "a", "b", ".", "%a", "%d", "%s", "%w", "%A", "[ab]", "[^a]", "[a-c]", "[%a_]", "(", ")",
           "()", "*", "+", "-", "?", "^", "$", "%1", "%2", "%b()", "%f[%w]", "%f[a]", "%", "[", "]", "%.", "1",
           " ", "é", "(a)", "(.-)", "(%w+)"]
_patterns = st.lists(st.sampled_from(_TOKENS), max_size=7).map("".join)
_subjects = st.text(alphabet="ab1 ().é", max_size=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(s=_subjects, p=_patterns, init=st.integers(-14, 14))
def test_patterns_random(lib, s, p, init):
    """find/match/gmatch/gsub agree with Lua on random small patterns; where Lua
    raises, we raise the same message."""
    same(lib, "find", s, p, init)
    same(lib, "match", s, p)
    same(lib, "gmatch*", s, p)
    same(lib, "gmatch*", s, p, init)
    same(lib, "gsub", s, p, "<%0>")
    same(lib, "gsub", s, p, "%1", 2)
    same(lib, "gsub", s, p, LuaFn(lambda *caps: "[" + ",".join(map(str, caps)) + "]"))


@settings(max_examples=100, deadline=None)
@given(fmt=st.lists(st.sampled_from(["b", "B", "h", "H", "i", "I", "i3", "I3", "i16", "j", "J", "T", "f",
                                     "d", "n", "s1", "s", "z", "x", "!4", "!8", "Xi4", "<", ">", "=", " "]),
                    max_size=6).map("".join),
       vals=st.lists(st.one_of(st.integers(-2**63, 2**63 - 1), st.integers(-300, 300),
                               st.floats(allow_nan=False), st.text(alphabet="ab\0é", max_size=5)), max_size=6))
def test_pack_random(lib, fmt, vals):
    """pack, and unpack of its result, agree with Lua."""
    status, res = same(lib, "pack", fmt, *vals)
    if status == "ok":
        same(lib, "unpack", fmt, res[0][1])
        same(lib, "packsize", fmt)


# -- bounds that are Lua's own limits -------------------------------------------------------
def test_pattern_depth_limit(lib):
    """MAXCCALLS: 199 nested optional items match, 200 are "pattern too complex"."""
    assert same(lib, "match", "a" * 199, "a?" * 199)[0] == "ok"
    assert same(lib, "match", "a" * 200, "a?" * 200) == ("error", "pattern too complex")
    for k in (196, 197, 198):          # capture frames count too
        same(lib, "match", "a" * k, "(" + "a?" * k + ")")
        same(lib, "find", "a" * k + "b", "a-" * k + "b")
        same(lib, "find", "a" * k, "()" + "a*" * k + "$")


def test_result_count_limit(lib):
    """Lua's stack limit bounds how many values string.byte returns."""
    assert same(lib, "byte", "x" * 999_991, 1, -1) == ("error", "stack overflow (string slice too long)")


def test_too_many_captures(lib):
    assert same(lib, "find", "a" * 32, "(a)" * 32)[0] == "ok"
    assert same(lib, "find", "a" * 33, "(a)" * 33) == ("error", "too many captures")


def test_long_subjects(lib):
    """Long subjects exercise the skip-ahead and greedy-scan fast paths."""
    text = ("lorem ipsum dolor sit amet, " * 400) + "END"
    same(lib, "find", text, "END$")
    same(lib, "find", text, "(%a+)$")
    same(lib, "gsub", text, "%f[%a]%a", LuaFn(lambda c: c.upper()))
    same(lib, "gsub", text, "[aeiou]+", "", 1000)
    same(lib, "match", text, "^(.-)END")
    same(lib, "match", text, "(.*)sit")
    same(lib, "gmatch*", text, "%a+", len(text) - 500)


def test_no_python_recursion(lib):
    """A depth-199 match runs fine with almost no Python stack left."""
    def deep(n):
        if n:
            return deep(n - 1)
        return lib["match"]("a" * 199, "a?" * 199)

    depth = 0
    frame = sys._getframe()
    while frame:
        depth += 1
        frame = frame.f_back
    r = deep(sys.getrecursionlimit() - depth - 40)
    assert r == "a" * 199


def test_dump_refuses_functions(lib):
    """Our functions are Python code, not Lua bytecode: string.dump always raises
    the error Lua gives for functions it cannot dump (e.g. C functions)."""
    with pytest.raises(ScriptThrow) as e:
        lib["dump"](lambda *a: None)
    assert e.value.value == "unable to dump given function"


# -- metatable ------------------------------------------------------------------------------
def test_string_metatable():
    rt = LuaRuntime(Policy())
    lib = lstring.open(rt)
    assert rt.string_meta is not None and rt.string_meta.get("__index") is lib
    assert rt.index("héllo", "upper") is lib.get("upper")


# -- metering (documented behaviour, no Lua counterpart) -------------------------------------
def _limited(**limits):
    rt = LuaRuntime(Policy(limits=Limits(**limits)))
    return rt, lstring.open(rt).hash


def test_backtracking_bomb_hits_instruction_limit():
    rt, lib = _limited(max_instructions=100_000)
    with pytest.raises(LimitExceeded) as e:
        lib["find"]("a" * 30, "a?" * 30 + "a" * 30)
    assert e.value.limit == "instructions"


def test_rep_checks_length_before_building():
    rt, lib = _limited()
    with pytest.raises(LimitExceeded) as e:
        lib["rep"]("x", 1 << 40)
    assert e.value.limit == "string length"
    with pytest.raises(LimitExceeded):
        lib["rep"]("x", 3, "y" * (40 << 20))


def test_other_builders_respect_string_limit():
    rt, lib = _limited(max_string=10_000)
    with pytest.raises(LimitExceeded):
        lib["gsub"]("x" * 200, "", "y" * 100)
    with pytest.raises(LimitExceeded):
        lib["pack"]("c20000", "")
    with pytest.raises(LimitExceeded):
        lib["format"]("%s%s", "x" * 6000, "y" * 6000)
    with pytest.raises(LimitExceeded):
        lib["char"](*([65] * 10_001))


def test_fuel_is_proportional_to_work():
    """Native scans cost a unit per BYTES_PER_FUEL bytes; the matcher a unit per
    step ('a-b' over n a's tries every start and every length: n*n/2 steps)."""
    rt, lib = _limited()
    before = rt.meter.instructions
    lib["find"]("a" * 100_000, "b")
    plain = rt.meter.instructions - before
    before = rt.meter.instructions
    lib["find"]("a" * 1000, "a-b")
    matched = rt.meter.instructions - before
    assert plain >= 100_000 // lstring.BYTES_PER_FUEL
    assert matched >= 1000 * 1000 // 2


def test_anchor_after_unanchored_search(lib):
    """'^a' shares its compiled pattern with 'a': what an unanchored search learnt
    about where matches can start must not move an anchored one."""
    for name, extra in (("find", ()), ("match", ()), ("gsub", ("Q",))):
        same(lib, name, "xab", "a", *extra)
        same(lib, name, "xab", "^a", *extra)
