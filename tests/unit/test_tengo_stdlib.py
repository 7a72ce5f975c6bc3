"""Tengo's standard modules (vm/tengo/mod_*.py) against the real Tengo.

Every expected value comes from real Tengo (the tgo-test binary of
tests/golden/tengo_reference.py), run by the test: each program below prints
one result per line (never a map with two keys or more: Go prints those in
random order) and its transcript on llmspell must equal real Tengo's.  Without
the binary these tests are skipped.

Runtime errors are compared too, one program per error: the message must be
real Tengo's, including where its docs promise an error value but its Go code
raises (``text.parse_int``, ``times.parse``, ``text.re_match`` on a bad pattern).

A few properties have no reference to compare with (the sandbox's own rules):
regexp matching is metered, ``times.now`` reads the virtual clock, ``times.sleep``
advances it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "golden"))

import tengo_reference
from corpus import run_llmspell
from llmspell.sandbox.policy import Limits, Policy

import llmspell

needs_tengo = pytest.mark.skipif(tengo_reference.reference_path() is None,
                                 reason="real Tengo (tgo-test) is not installed")

IMPORTS = "".join(f'{m} := import("{m}")\n' for m in
                  ("fmt", "text", "math", "times", "rand", "json", "base64", "hex", "enum"))


def p(*lines: str) -> str:
    """A program: the imports, then one statement per line."""
    return IMPORTS + "\n".join(lines) + "\n"


PROGRAMS = {
    "base64_hex": p(
        'fmt.println(base64.encode("héllo"), " ", base64.raw_encode("hi?"), " ", base64.url_encode("\\xfb\\xff"))',
        'fmt.println(base64.raw_url_encode("\\xfb\\xff"), " ", base64.decode("aMOpbGxv"), " ", base64.decode("aGk"))',
        'fmt.println(base64.raw_decode("aGk="), " ", base64.url_decode("-_8="), " ", base64.raw_url_decode("-_8"))',
        'fmt.println(base64.decode("a b"), base64.decode("aGk=\\n"), base64.decode("aGk=\\r\\n"), base64.decode("aG=k"))',
        'fmt.println(base64.decode("aGk=x"), " ", base64.decode("a==="), " ", base64.decode(""), " ", base64.raw_decode("a"))',
        'fmt.println(type_name(base64.decode("aGk=")), " ", type_name(base64.encode("")))',
        'fmt.println(hex.encode("hé"), " ", hex.decode("68c3a9"), " ", hex.decode("6"), " ", hex.decode("zz"))',
        'fmt.println(hex.decode("6G"), " ", hex.decode("ABcd") == bytes("\\xab\\xcd"), " ", hex.decode("é"))',
    ),
    "math": p(
        'fmt.println(math.sqrt(-1), " ", math.log(0), " ", math.log(-1), " ", math.pow(0, -1), " ", math.pow(-8, 1.0/3))',
        'fmt.println(math.mod(5, 0), " ", math.mod(-5.5, 2), " ", math.remainder(5, 3), " ", math.remainder(1, 0))',
        'fmt.println(math.floor(-0.5), " ", math.ceil(-0.5), " ", math.trunc(-2.7), " ", math.copysign(3, -0.0))',
        'fmt.println(math.signbit(-0.0), " ", math.is_inf(math.inf(1), 0), " ", math.is_nan(math.nan()), " ", math.floor("2.5"))',
        'fmt.println(math.ilogb(0), " ", math.ilogb(8), " ", math.logb(0), " ", math.gamma(-1), " ", math.gamma(0.5))',
        'fmt.println(math.gamma(171.7), " ", math.gamma(0), " ", math.gamma(-0.0), " ", math.gamma(5))',
        'for x in [-0.5, -33.5, -171.5, -180.5, 40, 2.5, 1e-10, -1e-10, 180, 25.5, 0.1, 7.77] { fmt.println(math.gamma(x)) }',
        'fmt.println(math.j0(1), " ", math.j1(1), " ", math.jn(2, 1), " ", math.jn(5, 10.5), " ", math.jn(-3, 2))',
        'fmt.println(math.y0(1), " ", math.y1(1), " ", math.yn(2, 1), " ", math.y0(0), " ", math.yn(-1, 0), " ", math.y1(3))',
        'fmt.println(math.j0(25), " ", math.j1(-7.5), " ", math.y0(12), " ", math.jn(3, 0.000001), " ", math.yn(4, 30))',
        'fmt.println(math.erf(0.5), " ", math.erfc(0.5), " ", math.expm1(1e-10), " ", math.log1p(1e-10))',
        'fmt.println(math.hypot(3, 4), " ", math.dim(5, 3), " ", math.dim(3, 5), " ", math.nextafter(1, 2))',
        'fmt.println(math.ldexp(0.5, 3), " ", math.pow10(2), " ", math.pow10(400), " ", math.pow10(-400), " ", math.pow10(-5))',
        'fmt.println(math.exp2(10), " ", math.exp(710), " ", math.exp(-800), " ", math.atanh(1), " ", math.acosh(0.5))',
        'fmt.println(math.max(1, math.nan()), " ", math.min(-0.0, 0), " ", math.max(-0.0, 0), " ", math.max(math.nan(), math.inf(1)))',
        'fmt.println(math.pow(1.1, 100), " ", math.pow(2, -1074), " ", math.pow(-2, 3), " ", math.pow(10, 23), " ", math.pow(7, 0.5))',
        'fmt.println(math.pow(2.5, 3.5), " ", math.pow(-1, math.inf(1)), " ", math.pow(0.5, math.inf(-1)), " ", math.pow(3, 40))',
        'fmt.println(math.e, " ", math.pi, " ", math.phi, " ", math.sqrt2, " ", math.sqrtE, " ", math.sqrtPi, " ", math.sqrtPhi)',
        'fmt.println(math.ln2, " ", math.log2E, " ", math.ln10, " ", math.log10E, " ", math.maxInt, " ", math.minInt8)',
        'fmt.println(math.maxFloat64, " ", math.smallestNonzeroFloat64, " ", math.maxFloat32, " ", math.maxInt32)',
        'fmt.println(math.is_inf(math.inf(-1), -1), math.is_inf(math.inf(-1), 1), math.inf(0), math.inf(-5))',
        'fmt.println(math.exp(0.5), " ", math.log(10), " ", math.log10(1000), " ", math.log2(8), " ", math.log2(10))',
        'fmt.println(math.sqrt(2), " ", math.atan(1), " ", math.asin(0.5), " ", math.atan2(0, -1), " ", math.asinh(1))',
        'fmt.println(math.cbrt(27), " ", math.cbrt(-8), " ", math.cbrt(2), " ", math.cbrt(1e-310), " ", math.cbrt(3.3))',
        'for x in [0.5, 1, 2, 3, 10, 12.5, 100, -7.25, 1e6, 1e9, 1e22, 1e300] {',
        '  fmt.println(math.sin(x), " ", math.cos(x), " ", math.tan(x)) }',
        'for x in [-1, -0.75, -0.3, 0, 0.1, 0.5, 0.7, 0.71, 0.99, 1] { fmt.println(math.asin(x), " ", math.acos(x), " ", math.atan(x * 7)) }',
        'fmt.println(math.atan2(1, -1), " ", math.atan2(-0.0, -1), " ", math.atan2(math.inf(1), math.inf(-1)), " ", math.atan2(3, 4))',
    ),
    "rand": p(
        'rand.seed(42)',
        'fmt.println(rand.int(), " ", rand.float(), " ", rand.intn(10), " ", rand.intn(1000000007))',
        'fmt.println(rand.perm(5), " ", rand.exp_float(), " ", rand.norm_float())',
        'rand.seed(0); fmt.println(rand.int()); rand.seed(-5); fmt.println(rand.int())',
        'r := rand.rand(7); fmt.println(r.int(), " ", r.intn(3), " ", r.float())',
        'r.seed(7); fmt.println(r.int(), " ", rand.perm(0))',
        'rand.seed(3); fmt.println(rand.int(), " ", rand.read(bytes(3)), " ", rand.int())',
        'rand.seed(1); x := []; for i := 0; i < 5; i++ { x = append(x, rand.intn(1 << 40)) }; fmt.println(x)',
        'rand.seed(7); for i := 0; i < 400; i++ { fmt.println(rand.exp_float(), " ", rand.norm_float()) }',
        'r = rand.rand(-123456789); for i := 0; i < 200; i++ { fmt.println(r.intn(1000), " ", r.perm(3)) }',
    ),
    "json": p(
        'fmt.println(string(json.encode([1, 2.5, "a\\"b\\\\c\\n\\t\\u0001<>&é\\u2028", true, false, undefined, \'x\'])))',
        'fmt.println(string(json.encode([bytes("hi"), 1e21, 1e-7, 123456789.0, -0.0, 1.5e300, 0.000001])))',
        'fmt.println(string(json.encode([0.1, 100.0, 1e20, 1e-6, 123e-10, 5e-324, 2.5e-8, 9007199254740993])))',
        'fmt.println(string(json.encode({a: 1})), " ", string(json.encode([])), " ", string(json.encode({})))',
        'fmt.println(string(json.encode([1, error(2), func(){}, 3])), " ", string(json.encode(immutable([[]]))))',
        'fmt.println(json.encode(math.nan()), " ", json.encode([math.inf(1)]))',
        'fmt.println(string(json.encode(times.unix(1700000000, 5))), " ", json.encode(times.date(10000, 1, 1, 0, 0, 0, 0)))',
        'fmt.println(json.decode("[1, 2.0, 1e2, -0, \\"a\\\\u00e9\\\\ud83d\\\\ude00\\\\ud800x\\", true, null, {\\"k\\": [ ]}]"))',
        'fmt.println(json.decode("99999999999999999999"), " ", json.decode("1e400"), " ", json.decode("-1E400"))',
        'fmt.println(json.decode("  7  "), " ", type_name(json.decode("1E2")), " ", json.decode(bytes("[1]")))',
        'x := json.decode("{\\"b\\": 1, \\"a\\": 2, \\"b\\": 3}"); fmt.println(x.a, x.b, len(x))',
        'fmt.println(json.decode("{\\"a\\":{\\"b\\":[1,{\\"c\\":null}]}}"), " ", json.decode("\\"\\\\ud83d\\""))',
        'for s in ["", "[1,]", "{\\"a\\" 1}", "{\\"a\\": 1,}", "[1 2]", "tru", "trux", "nul", "\\"abc", "\\"a\\tb\\""] {',
        '  fmt.println(json.decode(s)) }',
        'for s in ["\\"\\\\x\\"", "\\"\\\\u12g4\\"", "01", "1.", "1e", "-", "1 2", "\'a\'", "{1:2}", "é", "[\\"\\\\\'\\"]"] {',
        '  fmt.println(json.decode(s)) }',
        'fmt.println(string(json.indent("{\\"a\\":[1,2,{}],\\"b\\":[],\\"c\\":{\\"d\\":\\"x y\\"}}", ">", "  ")))',
        'fmt.println(string(json.indent("  [1, 2]  ", "", "\\t")), "|", json.indent("[1,", "", " "), "|", json.indent("[1]", 1, 2))',
        'fmt.println(string(json.html_escape("<a href=\\"x\\">&\\u2028\\u2029</a>")), " ", type_name(json.indent("1", "", "")))',
        'deep := text.repeat("[", 12000) + "1" + text.repeat("]", 12000)',
        'v := json.decode(deep); for i := 0; i < 11999; i++ { v = v[0] }; fmt.println(v, " ", json.indent(deep, "", ""))',
    ),
    "times": p(
        't := times.date(2024, 2, 29, 13, 4, 5, 123456789)',
        'fmt.println(times.time_format(t, "2006-01-02 15:04:05.000 Mon Monday Jan January 1 01 _2 2 02 3 03 4 04"))',
        'fmt.println(times.time_format(t, "5 05 PM pm 06 MST -0700 -07:00 Z07:00 .999 .000000 002 __2 Z0700 -07"))',
        'fmt.println(times.time_string(t), "|", times.time_location(t), "|", times.time_weekday(t), "|", times.time_unix(t))',
        'fmt.println(times.time_unix_nano(t), " ", times.time_string(times.date(2024, 14, 35, 25, 61, 61, 1000000001)))',
        'u := times.date(-5, 1, 1, 0, 0, 0, 0); fmt.println(times.time_string(u), " ", times.time_unix(u))',
        'u = times.unix(0, -1); fmt.println(times.time_string(u), " ", times.time_nanosecond(u), " ", times.time_unix(u))',
        'fmt.println(times.parse(times.format_rfc3339, "2024-03-01T10:20:30+07:00"))',
        'fmt.println(times.time_location(times.parse(times.format_rfc3339, "2024-03-01T10:20:30+07:00")), "|")',
        'fmt.println(times.parse(times.format_rfc1123, "Mon, 02 Jan 2006 15:04:05 MST"))',
        'fmt.println(times.parse("2006-01-02 15:04:05", "2024-01-01 10:00:00.123456"))',
        'fmt.println(times.parse("2006-01-02 MST", "2024-01-01 PST"), " ", times.parse("2006-01-02 -0700", "2024-01-01 +0000"))',
        'fmt.println(times.time_format(times.parse("2006-01-02 -0700", "2024-01-01 +0530"), "15:04 MST Z07:00"))',
        'fmt.println(times.parse("Jan _2 2006 3:04:05.999 PM", "Feb  9 2024 1:05:07.25 AM"), " ", times.parse("002 2006", "060 2024"))',
        'fmt.println(times.parse_duration("1h15m30.5s"), " ", times.parse_duration("-1.5h"), " ", times.parse_duration("300ms"))',
        'fmt.println(times.parse_duration("1µs"), " ", times.parse_duration("0"), " ", times.parse_duration(".5s"))',
        'fmt.println(times.duration_string(3723500000000), " ", times.duration_string(1500), " ", times.duration_string(1500000))',
        'fmt.println(times.duration_string(-2), " ", times.duration_string(0), " ", times.duration_string(60000000000))',
        'fmt.println(times.duration_hours(5400000000000), " ", times.duration_minutes(90000000000), " ", times.duration_seconds(-1500000000))',
        'fmt.println(times.month_string(1), " ", times.month_string(13), " ", times.month_string(0))',
        'v := times.date(2024, 1, 31, 0, 0, 0, 0); fmt.println(times.time_string(times.add_date(v, 0, 1, 0)))',
        'fmt.println(times.time_string(times.add(v, times.hour * 25)), " ", times.sub(v, times.date(2023, 1, 1, 0, 0, 0, 0)))',
        'fmt.println(times.after(v, u), " ", times.before(v, u), " ", times.is_zero(v), " ", times.is_zero(times.unix(-62135596800, 0)))',
        'fmt.println(times.time_year(1700000000), " ", times.time_month(1700000000), " ", times.time_day(1700000000))',
        'fmt.println(times.time_hour(1700000000), " ", times.time_minute(1700000000), " ", times.time_second(1700000000))',
        'fmt.println(times.format_ansic, "|", times.format_rfc3339_nano, "|", times.format_kitchen, "|", times.nanosecond, times.hour, times.december)',
        'w := times.unix(1700000000, 0)',
        'fmt.println(times.time_format(w, times.format_kitchen), " ", times.time_format(w, times.format_rfc850))',
        'fmt.println(times.time_format(w, times.format_ruby_date), " ", times.time_format(w, times.format_stamp_micro))',
        'fmt.println(w + 5, " ", w - 5, " ", w - w, " ", w > times.unix(0, 0), " ", type_name(w))',
        'fmt.println(times.time_format(times.unix(1700000000, 1000), times.format_rfc3339_nano), " ", times.time_format(times.date(12345, 1, 1, 0, 0, 0, 0), "2006 06"))',
        'fmt.println(times.time_format(w, ""), "|", times.time_format(w, "J Janx Mo Mond M MS 1234 7 ,000 .0000000000"))',
        'fmt.println(times.in_location(times.unix(0, 0), "UTC"), " ", times.to_utc(w), " ", times.to_local(w))',
    ),
    "enum": p(
        'f := func(k, v) { return true }',
        'fmt.println(enum.all(1, f), enum.any(1, f), enum.chunk(1, 2), enum.at(1, 0), enum.each(1, f), enum.filter(1, f))',
        'fmt.println(enum.find(1, f), enum.find_key(1, f), enum.map(1, f), enum.at("abc", 1), enum.chunk([1], 0))',
        'fmt.println(enum.all([1, 2], func(k, v) { return v > 0 }), enum.all([], func(k, v) { return false }))',
        'fmt.println(enum.any({a: 1}, func(k, v) { return k == "a" }), enum.any([0], func(k, v) { return v }))',
        'fmt.println(enum.chunk([1, 2, 3, 4, 5], 2), enum.chunk([], 2), enum.chunk({a: 1}, 2), enum.chunk(immutable([1,2,3]), 2))',
        'fmt.println(enum.at([1, 2], 1), enum.at([1, 2], 5), enum.at({a: 1}, "a"), enum.at([1], "0"), enum.at({a: 1}, 0))',
        'fmt.println(enum.filter([1, 2, 3, 4], func(k, v) { return v % 2 == 0 }), enum.filter({a: 1}, f))',
        'fmt.println(enum.find([1, 2, 3], func(k, v) { return v > 1 }), enum.find([1], func(k, v) { return false }))',
        'fmt.println(enum.find_key([5, 6], func(k, v) { return v == 6 }), enum.find_key({a: 1}, func(k, v) { return v == 1 }))',
        'fmt.println(enum.map([1, 2], func(k, v) { return v * 10 }), enum.map({a: 1}, enum.key), enum.map({a: 1}, enum.value))',
        'fmt.println(enum.key(1, 2), enum.value(1, 2), enum.filter(immutable([1, 2]), f), enum.map([1, 2], string))',
        'x := []; enum.each([3, 4], func(k, v) { x = append(x, k + v) }); fmt.println(x, enum.each([1], f))',
        'fmt.println(enum.any([1, 2], func(k, v) { return error("x") }), enum.all([1], func(k, v) { return undefined }))',
    ),
    "text_strings": p(
        'fmt.println(text.repeat("ab", 3), text.repeat("", 5), "|", text.substr("hello", -5, 99), " ", text.substr("hello", 2))',
        'fmt.println(text.substr("héllo", 1, 3), " ", text.substr("héllo", 1, 2) == "\\xc3")',
        'fmt.println(text.pad_left("héllo", 8, "xy"), "|", text.pad_right("ab", 5), "|", text.pad_left("abc", 2, "x"))',
        'fmt.println(text.pad_left("abc", 6, ""), "|", text.pad_right("é", 4, "é"), "|", text.pad_left("x", 4, "é"))',
        'fmt.println(text.title("hello wORLD-foo_bar élan ǆ"), "|", text.to_upper("straße ǆ ᾳ"), "|", text.to_lower("İSTANBUL ÀB"))',
        'fmt.println(text.to_title("ǆ ß x"), "|", text.to_upper("abc"), "|", text.to_lower("ÉCOLE"))',
        'fmt.println(text.equal_fold("Straße", "STRASSE"), text.equal_fold("Kelvin", "\\u212aelvin"), text.equal_fold("ſ", "S"))',
        'fmt.println(text.equal_fold("ab", "abc"), text.equal_fold("Σς", "σΣ"), text.equal_fold("GO", "go"))',
        'fmt.println(text.fields("  a b\\t\\nc\\u00a0d\\u0085e\\u001cf  "), text.fields("   "), text.trim_space("\\u3000 x \\u2028"))',
        'fmt.println(text.split("a,b,,c", ","), text.split("abc", ""), text.split("", ","), text.split("", ""))',
        'fmt.println(text.split_after("a,b,c", ","), text.split_n("a,b,c,d", ",", 2), text.split_n("a,b", ",", 0))',
        'fmt.println(text.split_n("abc", "", 2), text.split_after_n("a,b,c", ",", -1), text.split_after_n("a,b,c", ",", 2))',
        'fmt.println(text.index("héllo", "l"), text.last_index("héllo", "l"), text.index_any("héllo", "lé"))',
        'fmt.println(text.last_index_any("héllo", "xé"), text.index("abc", ""), text.last_index("abc", ""), text.index_any("abc", ""))',
        'fmt.println(text.count("cheese", "e"), text.count("héllo", ""), text.index("abc", "z"), text.last_index_any("abc", ""))',
        'fmt.println(text.contains("abc", "bc"), text.contains_any("abc", "xyz"), text.contains_any("abc", ""), text.has_prefix("abc", "ab"))',
        'fmt.println(text.has_suffix("abc", "bc"), text.compare("a", "b"), text.compare("b", "a"), text.compare("a", "a"))',
        'fmt.println(text.trim("xxhixx", "x"), text.trim_left("xxhixx", "x"), text.trim_right("xxhixx", "x"), text.trim_prefix("xxhi", "x"))',
        'fmt.println(text.trim_suffix("hixx", "x"), text.trim("  hi  ", ""), text.trim("éaé", "é"), text.trim_left("abc", "ba"))',
        'fmt.println(text.replace("aaaa", "a", "b", 2), text.replace("aaaa", "a", "b", -1), text.replace("abc", "", "-", -1))',
        'fmt.println(text.replace("abc", "", "-", 2), text.replace("abc", "x", "y", 1), text.replace("héllo", "é", "e", 0))',
        'fmt.println(text.join(["a", 1, 2.5, \'c\', true], "-"), text.join([], ","), text.join(immutable(["x"]), ","))',
        'fmt.println(text.format_bool(true), text.format_bool(false), text.contains(1, "1"), text.quote(1.5))',
    ),
    "text_strconv": p(
        'fmt.println(text.format_float(1.5, "z", -1, 64), " ", text.format_float(0.1, "g", -1, 32), " ", text.format_float(1.0/3, "e", 3, 64))',
        'fmt.println(text.format_float(1.0/3, "f", -1, 32), " ", text.format_float(16777217.0, "f", -1, 32), " ", text.format_float(1.5, "b", -1, 32))',
        'fmt.println(text.format_float(1.5, "x", -1, 32), " ", text.format_float(123456789.0, "g", -1, 64), " ", text.format_float(1e21, "g", -1, 64))',
        'fmt.println(text.format_float(0.000012345, "G", 3, 64), " ", text.format_float(-0.0, "e", -1, 64), " ", text.format_float(100.0, "e", 0, 64))',
        'fmt.println(text.format_float(2.5, "f", 0, 64), " ", text.format_float(1e-7, "g", -1, 32), " ", text.format_float(3.0, "b", -1, 64))',
        'fmt.println(text.format_float(1.0/3, "g", 5, 32), " ", text.format_float(1e38, "e", -1, 32), " ", text.format_float(1e39, "g", -1, 32))',
        'fmt.println(text.format_int(255, 16), " ", text.format_int(-255, 2), " ", text.format_int(35, 36), " ", text.itoa(-42), " ", text.itoa("7"))',
        'fmt.println(text.atoi("-12"), " ", text.atoi("+5"), " ", text.atoi("1_000"), " ", text.atoi("99999999999999999999"), " ", text.atoi(""))',
        'fmt.println(text.atoi("12a"), " ", text.atoi("-"), " ", text.atoi("9223372036854775807"), " ", text.atoi("-9223372036854775808"))',
        'fmt.println(text.parse_int("0x1F", 0, 64), " ", text.parse_int("-0b101", 0, 8), " ", text.parse_int("1_000", 0, 64))',
        'fmt.println(text.parse_int("zz", 36, 64), " ", text.parse_int("0777", 0, 64), " ", text.parse_int("0o17", 0, 64), " ", text.parse_int("-128", 10, 8))',
        'fmt.println(text.parse_float("1e3", 64), " ", text.parse_float("0x1p-2", 64), " ", text.parse_float("inf", 64), " ", text.parse_float("-Infinity", 64))',
        'fmt.println(text.parse_float("1_000.5", 64), " ", text.parse_float("0.1", 32), " ", text.parse_float(".5", 64), " ", text.parse_float("5.", 64))',
        'fmt.println(text.parse_bool("T"), text.parse_bool("FALSE"), text.parse_bool("0"), text.parse_bool("True"))',
        'fmt.println(text.quote("a\\"b\\n\\x00é\\u00a0😀\\x7f\\xff"), " ", text.unquote("\\"a\\\\tb\\\\u00e9\\\\x41\\\\101\\""))',
        'fmt.println(text.unquote("`raw\\\\n`"), " ", text.unquote("\'x\'"), " ", text.unquote("\'xy\'"), " ", text.unquote("abc"))',
        'fmt.println(text.unquote("\\"a"), " ", text.unquote("\\"\\\\U0001F600\\""), " ", text.unquote("\'\\\\\'\'"), " ", text.unquote("\\"a\\"b\\""))',
    ),
    "regexp": p(
        'fmt.println(text.re_match("a{,2}", "a{,2}"), text.re_match("^[a-z]+\\\\[[0-9]+\\\\]$", "adam[23]"), text.re_match("(?i)HELLO", "hello"))',
        'fmt.println(text.re_find("a*", "baaac", -1)[1][0].text, " ", text.re_find("x", "abc"), " ", text.re_find("a", "aaa", 0))',
        'for m in text.re_find("a*|b", "baaac", -1) { fmt.println(m[0].text, " ", m[0].begin, " ", m[0].end) }',
        'for m in text.re_find("\\\\b", "ab cd", -1) { fmt.println(m[0].begin) }',
        'for m in text.re_find("", "héj", -1) { fmt.println(m[0].begin) }',
        'x := text.re_find("é+", "héé!", -1)[0][0]; fmt.println(x.text, " ", x.begin, " ", x.end)',
        'x = text.re_find("(?i)straße", "STRASSE Straße")[0][0]; fmt.println(x.text, " ", x.begin)',
        'fmt.println(text.re_find("(?m)^b$", "a\\nb\\nc", -1)[0][0].begin, " ", text.re_find("(?s)a.b", "a\\nb")[0][0].end)',
        'fmt.println(text.re_find("a.b", "a\\nb a\\rb")[0][0].begin, " ", text.re_find("\\\\s+", "a \\u00a0\\u000b\\f b")[0][0].end)',
        'fmt.println(text.re_find("[[:alpha:]]+", "12abc34")[0][0].text, " ", text.re_find("\\\\Qa.b\\\\E+", "a.bbb")[0][0].text)',
        'fmt.println(text.re_find("(?U)a+", "aaa")[0][0].text, " ", text.re_find("(?U)a+?", "aaa")[0][0].text, " ", text.re_find("a(?i)b|c", "aB C")[0][0].text)',
        'fmt.println(text.re_find("(?i:k)", "\\u212a")[0][0].end, " ", text.re_find("\\\\x{48}\\\\x49\\\\101", "HIA")[0][0].text)',
        'fmt.println(text.re_find("\\\\pL+", "héllo wörld", 1)[0][0].text, " ", text.re_find("\\\\p{Greek}+", "abc αβγ")[0][0].begin)',
        'fmt.println(text.re_find("a|ab", "ab")[0][0].text, " ", text.re_find("(a|b)*c", "abac")[0][1].begin, " ", text.re_find("(a*)+", "b")[0][1].end)',
        'fmt.println(text.re_find("[^a]", "\\n")[0][0].end, " ", text.re_find("[\\\\d\\\\-x]+", "1-x2")[0][0].text, " ", text.re_find("(?<n>a)", "a")[0][1].text)',
        'fmt.println(text.re_match("(?i:AB)c", "abc"), text.re_match("(?i:AB)c", "abC"), text.re_match("a{3", "a{3"), text.re_match("x{0}", ""))',
        'fmt.println(text.re_replace("a*", "baaac", "<$0>"), " ", text.re_replace("(?P<x>a)(b)?", "xaab", "[$x|${2}|$1x|$$|$]"))',
        'fmt.println(text.re_replace("(\\\\w+)@(\\\\w+)\\\\.com", "bob@ex.com, al@y.com", "$2:$1"), " ", text.re_replace("", "héj", "-"))',
        'fmt.println(text.re_split("a*", "baaac", -1), text.re_split(",", "a,b,c", 2), text.re_split(",", "a,b,c", 0), text.re_split(",", "", -1))',
        'fmt.println(text.re_split("", "abc", -1), text.re_split("a", "banana", 1), text.re_split("\\\\s*,\\\\s*", "a , b,c ,d"), text.re_split("x*", "axbxxc"))',
        'r := text.re_compile("a(b)"); y := r.find("xabab", 5); fmt.println(len(y), " ", y[1][1].begin, " ", r.match("ab"))',
        'fmt.println(r.replace("abab", "$1"), " ", r.split("xabyabz"), " ", r.split("xabyabz", 2), " ", r.find("zzz"))',
        'fmt.println(text.re_find("a.c", "a😀c")[0][0].end, " ", text.re_replace(".", "😀a", "-"), " ", text.re_split("", "😀é", -1))',
        'fmt.println(text.re_find("(?i)σ+", "ΣσςΣ")[0][0].text, " ", text.re_find("[[:^alpha:]]+", "ab12cd")[0][0].text)',
        'fmt.println(text.re_find("[^[:digit:]x]+", "x1ab2")[0][0].text, " ", text.re_find("(a|ab)(c|bcd)(d*)", "abcd")[0][3].text)',
        'fmt.println(text.re_find("a+?b", "aaab")[0][0].text, " ", text.re_find("(a+)(a+)", "aaaa")[0][1].text, " ", text.re_find("\\\\Bb\\\\B", "abc ab")[0][0].begin)',
        'for m in text.re_find("(?m)$", "a\\nb", -1) { fmt.println(m[0].begin) }',
        'for m in text.re_find("\\\\A.|.\\\\z", "abc", -1) { fmt.println(m[0].text) }',
        'fmt.println(text.re_find("[\\\\p{Han}]+", "x日本y")[0][0].text, " ", text.re_find("\\\\PL+", "ab12cd")[0][0].text)',
    ),
}

#: statements that end the program with a runtime error, on llmspell as in real Tengo
RUNTIME_ERRORS = [
    'text.repeat("ab", -1)', 'text.substr("hello", 3, 1)', 'text.format_float(1.5, "", -1, 64)',
    'text.format_float(1.5, "f", 2, 16)', 'text.format_float(1, "f", 2, 64)', 'text.format_int(255, 37)',
    'text.format_int(2.5, 10)', 'text.parse_bool(1)', 'text.join(["a", undefined], "-")', 'text.join("abc", "-")',
    'text.contains(1, undefined)', 'text.compare("a", undefined)', 'text.split("a", undefined)',
    'text.substr("hello", 1, "x")', 'text.split("a")', 'text.re_find("a", "b", "c")', 'text.re_compile()',
    'math.abs("x")', 'math.floor(true)', 'math.inf("x")', 'math.pow(1)',
    'rand.intn(0)', 'rand.intn(-1)', 'rand.perm(-1)', 'rand.read("abc")',
    'base64.encode(1)', 'base64.decode()', 'hex.decode(1, 2)', 'hex.encode(undefined)',
    'json.decode(1)', 'json.indent("[1]", undefined, 2)', 'json.indent("[1]")', 'json.html_escape(1)',
    'times.time_year("x")', 'times.date(1)', 'times.add(1, "x")',
    'enum.all([1], func(v) { return true })', 'enum.chunk([1, 2, 3], -1)', 'enum.chunk([1, 2, 3], "a")',
    'enum.map([1], 5)', 'enum.all()', 'enum.chunk([1, 2, 3], 1.5)',
]

#: calls whose docs promise an error value but whose Go code raises a runtime error
DOCUMENTED_ERRORS_THAT_RAISE = [
    'text.parse_int("300", 10, 8)', 'text.parse_int("12", 1, 64)', 'text.parse_int("12", 10, 65)',
    'text.parse_int("1__0", 0, 64)', 'text.parse_float("1e999", 64)', 'text.parse_float("1e39", 32)',
    'text.parse_float("+nan", 64)', 'text.parse_bool("yes")',
    'times.parse("2006-01-02", "2024-02-30")', 'times.parse("2006-01-02", "2024-13-01")',
    'times.parse("2006-01-02", "2024-1-01")', 'times.parse("2006-01-02", "2024-01-01x")',
    'times.parse("2006-01-02 15:04", "2024-01-01 25:00")', 'times.parse("Jan 2 2006 3:04PM", "feb 9 2024 1:05am")',
    'times.parse("2006-01-02T15:04:05.000Z", "2024-01-01T10:00:00.12Z")', 'times.parse("2006-01-02 é", "2024-01-01 x")',
    'times.parse_duration("1")', 'times.parse_duration("1x")', 'times.parse_duration("")',
    'times.parse_duration("9999999999h")',
    'text.re_match("(", "a")', 'text.re_match(")", "a")', 'text.re_match("a**", "a")', 'text.re_match("*a", "a")',
    'text.re_match("a{1001}", "a")', 'text.re_match("a{2,1}", "a")', 'text.re_match("[a", "a")',
    'text.re_match("[z-a]", "a")', 'text.re_match("\\\\1", "a")', 'text.re_match("(?=a)", "a")',
    'text.re_match("(?<!a)", "a")', 'text.re_find("(?P<n", "a")', 'text.re_replace("\\\\pX", "a", "")',
    'text.re_split("\\\\p{Foo}", "a")', 'text.re_compile("[[:foo:]]")', 'text.re_match("a\\\\", "a")',
    'text.re_match("\\\\C", "a")', 'text.re_match("\\\\q", "a")', 'text.re_match("(?z)", "a")',
    'text.re_match("x{2}{3}", "a")', 'text.re_match("(a{500}){500}", "a")', 'text.re_find("x(y)?", "x")',
    'times.in_location(times.unix(0, 0), "Nowhere/X")',
]


@needs_tengo
@pytest.mark.parametrize("name", PROGRAMS)
def test_module_matches_tengo(name):
    src = PROGRAMS[name]
    assert run_llmspell(src, f"{name}.tengo", "tengo") == tengo_reference.run_reference(src, f"{name}.tengo")


@needs_tengo
@pytest.mark.parametrize("stmt", RUNTIME_ERRORS + DOCUMENTED_ERRORS_THAT_RAISE)
def test_runtime_error_matches_tengo(stmt):
    src = p('fmt.println("before")', stmt, 'fmt.println("not reached")')
    want = tengo_reference.run_reference(src, "err.tengo")
    assert "ERROR: " in want
    assert run_llmspell(src, "err.tengo", "tengo") == want



# -- the sandbox's own rules ----------------------------------------------------------------------
def _run(src: str, **policy) -> str:
    return llmspell.run(IMPORTS + src, lang="tengo", name="t.tengo", policy=Policy(**policy)).output


def test_catastrophic_regexp_is_metered():
    """``(a+)+$`` on "aaa…!" backtracks exponentially: the fuel limit stops it."""
    src = 'fmt.println(text.re_match("(a+)+$", text.repeat("a", 40) + "!"))'
    with pytest.raises(llmspell.LimitExceeded):
        _run(src, limits=Limits(max_instructions=2_000_000))


def test_now_reads_the_virtual_clock():
    src = 'fmt.println(times.time_unix(times.now()), " ", times.time_format(times.now(), "2006-01-02"))'
    assert _run(src) == _run(src) == "1700000000 2023-11-14\n"
    assert _run(src, clock_start=86400.0) == "86400 1970-01-02\n"


def test_sleep_advances_the_clock_without_waiting():
    src = 't := times.now(); times.sleep(3 * times.hour); fmt.println(times.since(t) >= 3 * times.hour)'
    assert _run(src) == "true\n"


def test_unseeded_rand_follows_the_policy_seed():
    src = "fmt.println(rand.int())"
    assert _run(src, seed=42) == _run('rand.seed(42); fmt.println(rand.int())')
    assert _run(src, seed=42) != _run(src, seed=43)
