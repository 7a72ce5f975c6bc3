"""Differential tests of vm/js/numconv.py against node (V8).

Every expected value comes from node, evaluated in one node process per test: the
cases are sent as JSON (doubles as their 64-bit patterns, so -0 and every bit survive),
node answers each with a string, a number's bit pattern, or the RangeError message.
Random doubles and strings come from a hypothesis-seeded generator so a failure is
reproducible (hypothesis prints the seed).
"""
from __future__ import annotations

import json
import math
import os
import random
import shutil
import struct
import subprocess

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from llmspell.vm.js import numconv as nc

NODE = "/usr/bin/node"
pytestmark = pytest.mark.skipif(shutil.which(NODE) is None, reason="node is the reference")

# One op name per function; node evaluates the same op on decoded arguments.
NODE_SCRIPT = r"""
const dv = new DataView(new ArrayBuffer(8));
const dec = a => a === null ? undefined : (typeof a === "object" ? (dv.setBigUint64(0, BigInt("0x" + a.d)), dv.getFloat64(0)) : a);
const num = v => { if (Number.isNaN(v)) return {n: "NaN"}; dv.setFloat64(0, v); return {n: dv.getBigUint64(0).toString(16).padStart(16, "0")}; };
const OPS = {
  str: x => String(x), radix: (x, r) => x.toString(r), fixed: (x, d) => x.toFixed(d),
  prec: (x, p) => x.toPrecision(p), exp: (x, d) => x.toExponential(d),
  num: s => num(Number(s)), pint: (s, r) => num(parseInt(s, r)), pfloat: s => num(parseFloat(s)),
  i32: x => num(x | 0), u32: x => num(x >>> 0),
  intinf: x => { const v = Math.trunc(x); return num(Number.isNaN(v) ? 0 : v + 0); },
};
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = cases.map(([op, ...args]) => {
  try { const r = OPS[op](...args.map(dec)); return typeof r === "string" ? {s: r} : r; }
  catch (e) { return {e: e.name + ": " + e.message}; }
});
process.stdout.write(JSON.stringify(out));
"""


def D(x):
    """A double argument, sent as its exact bit pattern."""
    return {"d": struct.pack(">d", float(x)).hex()}


def _num_result(v):
    return {"n": "NaN"} if math.isnan(v) else {"n": struct.pack(">d", float(v)).hex()}


def _ours(op, *args):
    args = [struct.unpack(">d", bytes.fromhex(a["d"]))[0] if isinstance(a, dict) else a for a in args]
    fn = {
        "str": nc.number_to_string, "radix": nc.to_string_radix, "fixed": nc.to_fixed,
        "prec": nc.to_precision, "exp": nc.to_exponential, "num": nc.string_to_number,
        "pint": nc.parse_int, "pfloat": nc.parse_float, "i32": nc.to_int32,
        "u32": nc.to_uint32, "intinf": nc.to_integer_or_infinity,
    }[op]
    try:
        r = fn(*args)
    except nc.RangeError as e:
        return {"e": "RangeError: " + str(e)}
    return {"s": r} if isinstance(r, str) else _num_result(r)


def check(cases):
    """Run all cases in one node process and compare every answer with ours."""
    proc = subprocess.run([NODE, "-e", NODE_SCRIPT], input=json.dumps(cases), capture_output=True,
                          text=True, check=True)
    expected = json.loads(proc.stdout)
    assert len(expected) == len(cases)
    ours = [_ours(*c) for c in cases]
    bad = [(c, e, o) for c, e, o in zip(cases, expected, ours) if o != e]
    assert not bad, f"{len(bad)} mismatches, first: {bad[:5]}"


SPECIAL = [0.0, -0.0, math.nan, math.inf, -math.inf, 5e-324, -5e-324, 2.2250738585072014e-308,
           1.7976931348623157e308, -1.7976931348623157e308, 2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 31, 2.0 ** 32,
           -2.0 ** 31, 1e21, 999999999999999900000.0, 1e21 - 65536, 1e-6, 1e-7, 1.5e-7, 123456789012345680000.0,
           0.1, 0.2, 0.3, 1 / 3, 2 / 3, 0.5, 1.005, 1.45, 2.5, 1.25, 0.000001234, 100.0, 1e100, 255.0, -255.5,
           4.35, 8.345, 1.0000000000000002, 0.9999999999999999, 123.456, -1.5e-9, 9.995, 99.99, 1e-323]


def random_doubles(rnd: random.Random, n: int):
    """A mix of raw bit patterns (all exponents) and human-scale values (where rounding bites)."""
    out = list(SPECIAL)
    for _ in range(n):
        kind = rnd.randrange(6)
        if kind == 0:
            x = struct.unpack(">d", rnd.getrandbits(64).to_bytes(8, "big"))[0]
        elif kind == 1:
            x = rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-12, 25)
        elif kind == 2:
            x = round(rnd.uniform(-1000, 1000), rnd.randint(0, 6))
        elif kind == 3:
            x = float(rnd.randint(-2 ** 60, 2 ** 60)) / 2 ** rnd.randint(0, 70)
        elif kind == 4:
            x = float(f"{rnd.randint(1, 99999)}5e{rnd.randint(-30, 20)}")  # decimal ties
        else:
            x = rnd.choice([-1, 1]) * (10.0 ** rnd.randint(-10, 25)) * rnd.choice([1, 1 - 2 ** -52, 1 + 2 ** -52])
        out.append(x)
    return out


# Each example is one node process running a whole batch (the first example is always seed 0,
# the others vary per run); shrinking a seed is pointless, the failure message lists the cases.
SEEDED = settings(max_examples=int(os.environ.get("JS_NUMCONV_EXAMPLES", "3")), deadline=None,
                  phases=[Phase.explicit, Phase.reuse, Phase.generate])


@SEEDED
@given(st.randoms(use_true_random=True))
def test_number_to_string_and_radix(rnd):
    xs = random_doubles(rnd, 2500)
    cases = [["str", D(x)] for x in xs]
    radixes = [2, 3, 7, 8, 16, 32, 36] + list(range(2, 37))
    cases += [["radix", D(x), rnd.choice(radixes)] for x in xs]
    cases += [["radix", D(x), r] for x in SPECIAL for r in (2, 10, 16, 36)]
    cases += [["radix", D(255.5), r] for r in (None, 1, 37, 0, -1, 10.9, 36.9, D(math.nan), D(math.inf))]
    check(cases)


@SEEDED
@given(st.randoms(use_true_random=True))
def test_fixed_precision_exponential(rnd):
    xs = random_doubles(rnd, 1500)
    cases = []
    for x in xs:
        cases.append(["fixed", D(x), rnd.choice([0, 1, 2, 3, 5, 10, 20, rnd.randint(0, 100)])])
        cases.append(["prec", D(x), rnd.choice([1, 2, 3, 6, 15, 17, 21, rnd.randint(1, 100)])])
        cases.append(["exp", D(x), rnd.choice([None, 0, 1, 2, 5, 16, 20, rnd.randint(0, 100)])])
    odd_args = [None, -1, 101, 100, 0, 1, 2.7, D(math.nan), D(math.inf), D(-math.inf), D(-0.5), D(100.9)]
    for x in (1.005, -1.5, 0.0, -0.0, math.nan, math.inf, -math.inf, 1e21, -1e21, 5e-324):
        for a in odd_args:
            cases += [["fixed", D(x), a], ["prec", D(x), a], ["exp", D(x), a]]
    check(cases)


TOKENS = (list("0123456789") * 3 + [".", ".", "e", "E", "+", "-", "x", "X", "b", "o", "O", "B", "a", "f", "F",
          "z", "_", "0x", "0b", "0o", "Infinity", "infinity", "NaN", "1e1000", "1e-400", " ", "\t", "\n",
          "\xa0", "\ufeff", "\u2028", "\u3000", "\u180e", "\x85", "\x1c", "\u200b", "\u0661", "\uff11", "\xbd",
          "123456789012345678901234567890", "ffffffffffffffffff", "zzzzzzzzzzzzz"])


def random_strings(rnd: random.Random, n: int):
    out = ["", " ", "0", "-0", "+0", ".5", "5.", ".", "1e3", "1e", "1e+", "Infinity", "+Infinity", "-Infinity",
           "0x1F", "-0x1F", "+0x1F", "0b101", "0o17", "0x", "0b", "0o8", "1_000", "\u00a0 42 \ufeff", "0X1f",
           ".5abc", "1e1000", "-1e1000", "0.0000001", "12abc", "  -0x10", "0x" + "f" * 300, "1" * 400,
           "9007199254740993", "0x20000000000001", "0x1fffffffffffff8", "\u2028\u2029 7 \u205f", "1.e5", "-.5e-3"]
    out += [nc.number_to_string(x) for x in random_doubles(rnd, 200)]
    for _ in range(n):
        out.append("".join(rnd.choice(TOKENS) for _ in range(rnd.randint(0, 8))))
    return out


@SEEDED
@given(st.randoms(use_true_random=True))
def test_string_parsing(rnd):
    ss = random_strings(rnd, 2500)
    radixes = [None, 0, 1, 37, -1, 16.9, 2 ** 32 + 16, D(math.nan), D(math.inf)] + list(range(2, 37)) * 2
    cases = [["num", s] for s in ss] + [["pfloat", s] for s in ss]
    cases += [["pint", s, rnd.choice(radixes)] for s in ss]
    # V8's chunked approximation for other radixes shows on long digit strings.
    for r in [rnd.randint(2, 36) for _ in range(400)]:
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:r]
        cases.append(["pint", "".join(rnd.choice(digits) for _ in range(rnd.randint(10, 60))), r])
    check(cases)


@SEEDED
@given(st.randoms(use_true_random=True))
def test_integer_conversions(rnd):
    xs = random_doubles(rnd, 1500) + [2.0 ** 31 - 1, 2.0 ** 31 + 0.5, -2.0 ** 31 - 1, 2.0 ** 32 - 0.5, 4294967296.5,
                                       -4294967297.0, 2.0 ** 64 + 2 ** 12, -0.7, 0.7]
    cases = [[op, D(x)] for x in xs for op in ("i32", "u32", "intinf")]
    check(cases)


def test_int_inputs_behave_like_floats():
    """The VM may hand over ints; documented contract: same result as the float of the same value."""
    for n in (0, 1, -1, 255, 2 ** 31, -2 ** 31 - 5, 2 ** 53 + 1, 2 ** 63 - 1, -2 ** 63, 10 ** 21, 10 ** 400):
        f = float(n) if abs(n) < 2 ** 1024 else (math.inf if n > 0 else -math.inf)
        assert nc.number_to_string(n) == nc.number_to_string(f)
        assert nc.to_string_radix(n, 7) == nc.to_string_radix(f, 7)
        assert nc.to_fixed(n, 2) == nc.to_fixed(f, 2)
        assert nc.to_precision(n, 3) == nc.to_precision(f, 3)
        assert nc.to_exponential(n) == nc.to_exponential(f)
        assert nc.to_int32(n) == nc.to_int32(f) and nc.to_uint32(n) == nc.to_uint32(f)
        assert nc.to_integer_or_infinity(n) == nc.to_integer_or_infinity(f)


def test_documented_examples():
    """Spot values from the ECMAScript spec / MDN, readable without node."""
    assert nc.number_to_string(1e21) == "1e+21"
    assert nc.number_to_string(1.5e-7) == "1.5e-7"
    assert nc.number_to_string(-0.0) == "0"
    assert nc.to_string_radix(0.5, 2) == "0.1" and nc.to_string_radix(255, 16) == "ff"
    assert nc.to_fixed(1.005, 2) == "1.00" and nc.to_fixed(1e21, 2) == "1e+21"
    with pytest.raises(nc.RangeError, match=r"^toFixed\(\) digits argument must be between 0 and 100$"):
        nc.to_fixed(1, 101)
    assert math.isnan(nc.string_to_number("1_000")) and nc.string_to_number("") == 0
    assert math.copysign(1, nc.parse_int("-0")) == -1 and nc.parse_float(".5abc") == 0.5
