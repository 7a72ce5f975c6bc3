"""Differential tests of vm/js/fdlibm.py against node (V8), bit for bit.

All cases are generated deterministically here and evaluated by ONE node process:
arguments travel as 64-bit patterns (hex), so -0, subnormals and every last bit
survive, and node answers each case with the bit pattern of its result ("NaN" for
any NaN, since V8 does not keep NaN payloads apart). Inputs per function: random
bit patterns, log-uniform magnitudes (subnormal to huge), integers and halves,
doubles nearest to multiples of pi/2, a range where the function is interesting,
ulp-walks around each branch threshold of the C code, and special values.
"""
from __future__ import annotations

import json
import math
import random
import shutil
import struct
import subprocess
import zlib

import pytest
from llmspell.vm.js import fdlibm

NODE = "/usr/bin/node"
needs_node = pytest.mark.skipif(shutil.which(NODE) is None, reason="node is the reference")

NODE_SCRIPT = r"""
const dv = new DataView(new ArrayBuffer(8));
const dec = h => (dv.setUint32(0, parseInt(h.slice(0, 8), 16)), dv.setUint32(4, parseInt(h.slice(8), 16)), dv.getFloat64(0));
const enc = v => Number.isNaN(v) ? "NaN" : (dv.setFloat64(0, v),
  dv.getUint32(0).toString(16).padStart(8, "0") + dv.getUint32(4).toString(16).padStart(8, "0"));
const OPS = { pow: (x, y) => x ** y, mathpow: (x, y) => Math.pow(x, y) };
const groups = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const [key, cases] of Object.entries(groups)) {
  const name = key.split(":")[0], f = OPS[name] || Math[name];
  out[key] = cases.map(args => enc(f(...args.map(dec))));
}
process.stdout.write(JSON.stringify(out));
"""

UNARY = ["exp", "expm1", "log", "log1p", "log2", "log10", "sin", "cos", "tan", "asin", "acos",
         "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]
BINARY = ["atan2", "pow"]
PY = {name: getattr(fdlibm, name) for name in UNARY + BINARY}
PY["mathpow"] = fdlibm.pow


def _bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def _double(b: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def _hex(x: float) -> str:
    return f"{_bits(x):016x}"


def _enc(x: float) -> str:
    return "NaN" if math.isnan(x) else _hex(x)


MAXD = 1.7976931348623157e308
SPECIALS = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0,
            10.0, 0.1, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
            MAXD, -MAXD, math.pi, -math.pi, math.pi / 2, math.pi / 4, math.e, 1e-300, 1e300,
            0.9999999999999999, 1.0000000000000002, 2.0 ** 31, 2.0 ** 53, 2.0 ** 64, -(2.0 ** 53) - 2]


def _pi_scaled(bits: int) -> int:
    """floor(pi * 2**bits) by Machin's formula in integers, to place arguments at the
    doubles nearest to multiples of pi/2 (the hard cases of the argument reduction)."""
    one = 1 << (bits + 20)

    def arctan_inv(n: int) -> int:
        total, term, k, sign = 0, one // n, 1, 1
        while term:
            total += sign * (term // k)
            term //= n * n
            k += 2
            sign = -sign
        return total
    return (16 * arctan_inv(5) - 4 * arctan_inv(239)) >> 20


PI_BITS = 1200
PI_FIXED = _pi_scaled(PI_BITS)


def _near_pio2_multiple(k: int) -> float:
    return (k * PI_FIXED) / (1 << (PI_BITS + 1))        # int/int: correctly rounded


def _walk(x: float, steps: int = 3) -> list[float]:
    """x and its neighbours up to *steps* ulps either way."""
    out, lo, hi = [x], x, x
    for _ in range(steps):
        lo, hi = math.nextafter(lo, -math.inf), math.nextafter(hi, math.inf)
        out += [lo, hi]
    return out


def _loguniform(rng: random.Random, lo_exp: int = -1074, hi_exp: int = 1023, signed=True) -> float:
    x = math.ldexp(1.0 + rng.random(), rng.randint(lo_exp, hi_exp))
    return -x if signed and rng.random() < 0.5 else x


# For each function: (interesting ranges, branch thresholds of the C code).
LN2 = math.log(2)
FOCUS = {
    "exp": ([(-750, 750), (-2, 2)], [709.782712893384, -745.1332191019411, -708.3964185322641,
                                     0.5 * LN2, 1.5 * LN2, 2.0 ** -28, 1.0, 700.0, -740.0]),
    "expm1": ([(-45, 710), (-2, 2)], [56 * LN2, -56 * LN2, 709.782712893384, 0.5 * LN2, 1.5 * LN2,
                                      -0.5 * LN2, 2.0 ** -54, 20 * LN2, -0.25, 40.0]),
    "log": ([(0, 4), (0.5, 2)], [1.0, math.sqrt(2), 1 / math.sqrt(2), 1 + 2.0 ** -20, 1 - 2.0 ** -20]),
    "log1p": ([(-1, 4), (-1e-6, 1e-6)], [-1.0, math.sqrt(2) - 1, 1 / math.sqrt(2) - 1, 2.0 ** -29,
                                         -(2.0 ** -29), 2.0 ** -54, 2.0 ** 53, -0.2929, 1e-20]),
    "log2": ([(0, 4), (0.5, 2)], [1.0, math.sqrt(2), 1 / math.sqrt(2), 2.0, 0.5, 2.0 ** 40]),
    "log10": ([(0, 100), (0.5, 2)], [1.0, 10.0, 100.0, 1e15, 1e-15, 1e22, 1e300, 1e-300]),
    "sin": ([(-10, 10), (-1e6, 1e6)], [math.pi / 4, 3 * math.pi / 4, 2.0 ** 19 * math.pi / 2,
                                       0.3, 0.78125, 2.0 ** -27, 1e22]),
    "cos": ([(-10, 10), (-1e6, 1e6)], [math.pi / 4, 3 * math.pi / 4, 2.0 ** 19 * math.pi / 2,
                                       0.3, 0.78125, 2.0 ** -27, 1e22]),
    "tan": ([(-10, 10), (-1e6, 1e6)], [math.pi / 4, 3 * math.pi / 4, 0.6744, 2.0 ** -28,
                                       2.0 ** 19 * math.pi / 2, 1e22]),
    "asin": ([(-1, 1), (-0.6, 0.6)], [0.5, -0.5, 0.975, -0.975, 1.0, -1.0, 2.0 ** -27]),
    "acos": ([(-1, 1), (-0.6, 0.6)], [0.5, -0.5, 0.975, 1.0, -1.0, 2.0 ** -57, 2.0 ** -27]),
    "atan": ([(-3, 3), (-100, 100)], [7 / 16, 11 / 16, 19 / 16, 39 / 16, -7 / 16, 2.0 ** 66,
                                      2.0 ** -27]),
    "sinh": ([(-25, 25), (-711, 711)], [22.0, 709.7822265625, 710.4758600739439, -710.4758600739439,
                                        1.0, 2.0 ** -28, 0.5 * LN2]),
    "cosh": ([(-25, 25), (-711, 711)], [22.0, 709.7822265625, 710.4758600739439, -710.4758600739439,
                                        0.5 * LN2, 2.0 ** -55]),
    "tanh": ([(-25, 25), (-2, 2)], [22.0, -22.0, 1.0, -1.0, 2.0 ** -28]),
    "asinh": ([(-5, 5), (-1e9, 1e9)], [2.0, -2.0, 2.0 ** 28, -(2.0 ** 28), 2.0 ** -28]),
    "acosh": ([(1, 5), (1, 1e9)], [1.0, 2.0, 2.0 ** 28]),
    "atanh": ([(-1, 1), (-0.6, 0.6)], [0.5, -0.5, 1.0, -1.0, 2.0 ** -28]),
}


def _common(rng: random.Random) -> list[float]:
    """Inputs every function gets: ~1000 doubles over the whole line."""
    xs = list(SPECIALS)
    xs += [_double(rng.getrandbits(64)) for _ in range(250)]
    xs += [_loguniform(rng) for _ in range(250)]
    xs += [_double(rng.getrandbits(52) | (rng.getrandbits(1) << 63)) for _ in range(60)]
    xs += [float(rng.randint(-1000, 1000)) for _ in range(80)]
    xs += [rng.randint(-1000, 1000) + 0.5 for _ in range(60)]
    xs += [float(rng.randint(-(2 ** 53), 2 ** 53)) for _ in range(30)]
    for _ in range(50):
        k = rng.choice([rng.randint(1, 40), rng.randint(1, 10 ** 6), rng.getrandbits(60)])
        xs += [s * v for v in _walk(_near_pio2_multiple(k), 1) for s in (1, -1)]
    return xs


def _unary_cases(name: str) -> list[tuple[float]]:
    rng = random.Random(zlib.crc32(name.encode()))
    xs = _common(rng)
    ranges, thresholds = FOCUS[name]
    for lo, hi in ranges:
        xs += [rng.uniform(lo, hi) for _ in range(250)]
        m = max(abs(lo), abs(hi))
        xs += [v for v in (_loguniform(rng, -60, math.frexp(m)[1]) for _ in range(150)) if lo <= v <= hi]
    for t in thresholds:
        for s in ((1, -1) if t > 0 else (1,)):
            xs += _walk(s * t, 4)
    return [(x,) for x in xs]


def _atan2_cases() -> list[tuple[float, float]]:
    rng = random.Random(2)
    pool = _common(rng)
    cases = [(y, x) for y in SPECIALS for x in SPECIALS]
    cases += [(rng.choice(pool), rng.choice(pool)) for _ in range(800)]
    cases += [(rng.uniform(-5, 5), rng.uniform(-5, 5)) for _ in range(400)]
    for _ in range(150):                       # |y/x| around 2**±60, where atan2 skips the division
        x = _loguniform(rng, -500, 500)
        y = x * 2.0 ** rng.choice([60, 61, -60, -61]) * rng.uniform(0.5, 2)
        cases += [(y, x), (y, -x), (-y, 1.0)]
    return cases


def _pow_cases() -> list[tuple[float, float]]:
    rng = random.Random(1)
    cases = [(x, y) for x in SPECIALS for y in SPECIALS]
    cases += [(_loguniform(rng, signed=False), rng.uniform(-20, 20)) for _ in range(300)]
    cases += [(rng.uniform(0, 10), rng.uniform(-50, 50)) for _ in range(300)]
    cases += [(-_loguniform(rng, -40, 40), float(rng.randint(-60, 60))) for _ in range(250)]
    cases += [(rng.uniform(-10, 10), rng.randint(-40, 40) + 0.5) for _ in range(150)]
    for _ in range(150):                       # x near 1 with |y| > 2**31: the series branch
        x = 1 + rng.uniform(-1, 1) * 2.0 ** -rng.randint(20, 52)
        y = rng.choice([1, -1]) * 2.0 ** rng.uniform(31, 66)
        cases += [(x, y), (-x, math.floor(y))]
    for _ in range(200):                       # results near overflow and underflow
        y = rng.uniform(1.5, 1100) * rng.choice([1, -1])
        for target in (1024, -1022, -1074, -1075):
            cases.append((2.0 ** (target / y) * (1 + rng.uniform(-1e-13, 1e-13)), y))
    cases += [(_double(rng.getrandbits(52)), rng.uniform(-2, 2)) for _ in range(100)]
    return cases


def _pow_integer_cases() -> list[tuple[float, float]]:
    cases = [(10.0, float(k)) for k in range(-330, 331)]
    cases += [(2.0, float(k)) for k in range(-1080, 1031)]
    cases += [(b, float(k)) for b in (3.0, -3.0, 7.0, 0.1, 1.1, -0.5) for k in range(-700, 701, 3)]
    cases += [(float(b), float(k)) for b in range(2, 40) for k in range(-30, 31)]
    return cases


FAMOUS = [("pow", 10.0, 23.0), ("pow", 2.0 ** 53, 1.5), ("pow", 2.0, 0.5), ("pow", 10.0, -5.0),
          ("pow", 1.1, 10.0), ("pow", math.e, math.pi), ("mathpow", 10.0, 23.0),
          ("mathpow", 2.0 ** 53, 1.5), ("mathpow", -8.0, 1 / 3), ("mathpow", 1.0, math.inf),
          ("mathpow", -1.0, -math.inf), ("mathpow", math.nan, 0.0), ("mathpow", 1.0, math.nan),
          ("exp", 1.0), ("exp", -1.0), ("exp", 10.0), ("log", 10.0), ("log", math.e), ("log2", 8.0),
          ("log2", 3.0), ("log10", 1000.0), ("log10", 1e15), ("log10", 2.0), ("sin", math.pi),
          ("cos", math.pi / 2), ("tan", math.pi / 4), ("tan", math.pi / 2), ("sin", 1e22),
          ("cos", 1e300), ("sin", 6381956970095103 * 2.0 ** 797), ("cos", 6381956970095103 * 2.0 ** 797),
          ("atan2", 1.0, 1.0), ("atan2", -0.0, -0.0), ("acos", -1.0), ("asin", 1.0), ("atan", 1.0),
          ("sinh", 1.0), ("cosh", 1.0), ("tanh", 0.5), ("asinh", 1.0), ("acosh", 2.0), ("atanh", 0.5),
          ("expm1", 1e-10), ("log1p", 1e-10)]


def _groups() -> dict[str, list[tuple[float, ...]]]:
    groups = {name: _unary_cases(name) for name in UNARY}
    groups["atan2"] = _atan2_cases()
    groups["pow"] = _pow_cases()
    groups["pow:integers"] = _pow_integer_cases()
    for op, *args in FAMOUS:
        groups.setdefault(op + ":famous", []).append(tuple(args))
    return groups


GROUPS = _groups()


@pytest.fixture(scope="module")
def node_results() -> dict[str, list[str]]:
    payload = {key: [[_hex(a) for a in args] for args in cases] for key, cases in GROUPS.items()}
    proc = subprocess.run([NODE, "-e", NODE_SCRIPT], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=60, check=True)
    return json.loads(proc.stdout)


@needs_node
@pytest.mark.parametrize("key", sorted(GROUPS))
def test_bit_identical_to_node(key, node_results):
    fn = PY[key.split(":")[0]]
    cases = GROUPS[key]
    bad = []
    for args, want in zip(cases, node_results[key], strict=True):
        got = _enc(fn(*args))
        if got != want:
            bad.append(f"{key}({', '.join(map(repr, args))}) = {got}, node {want}")
    assert not bad, f"{len(bad)}/{len(cases)} differ from node:\n" + "\n".join(bad[:15])


def test_total_on_special_values():
    """No argument makes a function raise, and every result is a float."""
    for name in UNARY:
        for x in SPECIALS:
            assert type(PY[name](x)) is float, (name, x)
    for name in BINARY:
        for x in SPECIALS:
            for y in SPECIALS:
                assert type(PY[name](x, y)) is float, (name, x, y)
