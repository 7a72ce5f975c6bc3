"""``Math``: every ES2023 function and constant.

Arguments go through ToNumber (in order, so ``valueOf`` side effects happen as
in node) and results follow IEEE/ECMAScript for ``-0``, NaN and the
infinities; Python's ``math`` raises where JavaScript returns one of those, so
every function here catches that and returns the JavaScript value instead.
The transcendental functions use the platform libm, which can differ from
V8's fdlibm port in the last bit for some arguments.

``Math.random`` is xoshiro256** seeded exactly as Lua's generator is seeded
for ``policy.seed`` (``{seed, 0xff, 0, 0}`` then 16 discarded outputs), giving
the top 53 bits of each output as a double in [0, 1): the same policy gives
the same sequence in both languages, and every run is reproducible.
"""
from __future__ import annotations

import math
import struct

from . import fdlibm
from .lib_object import constants
from .numconv import to_int32, to_uint32
from .values import SYM_TO_STRING_TAG, JsObject

INF = math.inf
NAN = math.nan
M64 = 0xFFFFFFFFFFFFFFFF


class Xoshiro256:
    """xoshiro256** (Blackman & Vigna), seeded as lmathlib.c seeds it."""

    __slots__ = ("s",)

    def __init__(self, n1: int, n2: int = 0):
        self.s = [n1 & M64, 0xFF, n2 & M64, 0]
        for _ in range(16):
            self.next()

    def next(self) -> int:
        s0, s1, s2, s3 = self.s
        s2 ^= s0
        s3 ^= s1
        x = (s1 * 5) & M64
        res = ((((x << 7) | (x >> 57)) & M64) * 9) & M64
        self.s = [s0 ^ s3, s1 ^ s2, s2 ^ ((s1 << 17) & M64), ((s3 << 45) | (s3 >> 19)) & M64]
        return res

    def random(self) -> float:
        """A double in [0, 1) from the top 53 bits of the next output."""
        return (self.next() >> 11) * 2.0 ** -53


# -- the functions, on floats ----------------------------------------------------------------------
def _keep_special(fn):
    """*fn* for finite non-zero x; NaN, ±0 and ±Infinity are returned unchanged
    (floor, ceil, trunc and round keep them all)."""
    def wrapped(x: float) -> float:
        if x != x or x == 0 or x in (INF, -INF):
            return x
        return fn(x)
    return wrapped


@_keep_special
def floor(x):
    return float(math.floor(x))


@_keep_special
def ceil(x):
    r = float(math.ceil(x))
    return -0.0 if r == 0 else r


@_keep_special
def trunc(x):
    r = float(math.trunc(x))
    return -0.0 if r == 0 and x < 0 else r


@_keep_special
def round_(x):
    if -0.5 <= x < 0:
        return -0.0
    f = math.floor(x)
    return float(f + 1 if x - f >= 0.5 else f)


def sign(x):
    if x != x or x == 0:
        return x            # NaN, and ±0 keeps its sign
    return 1.0 if x > 0 else -1.0


def _domain(fn, lo=-INF, hi=INF):
    """*fn* on [lo, hi], NaN outside it."""
    def wrapped(x: float) -> float:
        if x != x or x < lo or x > hi:
            return NAN
        return fn(x)
    return wrapped


def fround(x: float) -> float:
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:           # rounds to ±Infinity in single precision
        return math.copysign(INF, x)


def clz32(x: float) -> float:
    return float(32 - to_uint32(x).bit_length())


def _bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def _double(bits: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


_CBRT_P = (1.87595182427177009643, -1.88497979543377169875, 1.621429720105354466140,
           -0.758397934778766047437, 0.145996192886612446982)


def cbrt(x: float) -> float:
    """FreeBSD's s_cbrt.c, as V8 runs it (libm's cbrt rounds differently: cbrt(27)
    would be 3.0000000000000004): a 5-bit estimate from the exponent, a polynomial
    to 23 bits, then one Newton step."""
    if x != x or x == 0 or x in (INF, -INF):
        return x
    bits = _bits(x)
    sign = bits & (1 << 63)
    hx = (bits >> 32) & 0x7FFFFFFF
    if hx < 0x00100000:                              # subnormal: scale by 2**54 first
        high = (_bits(x * 2.0 ** 54) >> 32) & 0x7FFFFFFF
        t = _double(sign | (high // 3 + 696219795) << 32)
    else:
        t = _double(sign | (hx // 3 + 715094163) << 32)
    p0, p1, p2, p3, p4 = _CBRT_P
    r = (t * t) * (t / x)
    t = t * ((p0 + r * (p1 + r * p2)) + ((r * r) * r) * (p3 + r * p4))
    t = _double((_bits(t) + 0x80000000) & 0xFFFFFFFFC0000000)
    s = t * t
    r = x / s
    w = t + t
    r = (r - t) / (w + r)
    return t + t * r


UNARY = {
    "abs": abs, "floor": floor, "ceil": ceil, "trunc": trunc, "round": round_, "sign": sign, "fround": fround,
    "sqrt": _domain(math.sqrt, lo=-0.0), "cbrt": cbrt, "clz32": clz32,
    # the transcendental functions are V8's own (fdlibm), bit for bit
    **{name: getattr(fdlibm, name) for name in (
        "exp", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan",
        "sinh", "cosh", "tanh", "asinh", "acosh", "atanh")},
}


def _extreme(pick_max: bool):
    """Math.max / Math.min: NaN wins, then +0 beats -0 (max) or -0 beats +0 (min)."""
    def extreme(nums) -> float:
        best = -INF if pick_max else INF
        for x in nums:
            if x != x:
                return NAN
            if (x > best) if pick_max else (x < best):
                best = x
            elif x == best == 0 and (math.copysign(1.0, x) > 0) == pick_max:
                best = x
        return best
    return extreme


def hypot(nums) -> float:
    if any(x in (INF, -INF) for x in nums):
        return INF
    try:
        return math.hypot(*nums)
    except OverflowError:
        return INF


def open(rt) -> None:
    M = JsObject(rt.ObjectProto, "Math")
    rt.meter.alloc(64)
    num = rt.to_number

    def unary(fn):
        return lambda this, x=None, *_: fn(num(x))

    for name, fn in UNARY.items():
        rt.define(M, name, unary(fn), 1)

    def variadic(fn):
        def f(this, *args):
            rt.meter.charge(len(args) // 8)
            return fn([num(a) for a in args])
        return f

    rt.define(M, "max", variadic(_extreme(True)), 2)
    rt.define(M, "min", variadic(_extreme(False)), 2)
    rt.define(M, "hypot", variadic(hypot), 2)
    rt.define(M, "atan2", lambda this, y=None, x=None, *_: fdlibm.atan2(num(y), num(x)), 2)
    rt.define(M, "pow", lambda this, x=None, y=None, *_: fdlibm.pow(num(x), num(y)), 2)
    rt.define(M, "imul", lambda this, a=None, b=None, *_: float(to_int32(to_int32(num(a)) * to_int32(num(b)))), 2)
    gen = Xoshiro256(int(rt.policy.seed))
    rt.define(M, "random", lambda this, *_: gen.random(), 0)
    M.props.update(E=math.e, LN10=math.log(10), LN2=math.log(2), LOG10E=math.log10(math.e), LOG2E=math.log2(math.e),
                   PI=math.pi, SQRT1_2=math.sqrt(0.5), SQRT2=math.sqrt(2))
    M.props[SYM_TO_STRING_TAG] = "Math"
    constants(M, "E", "LN10", "LN2", "LOG10E", "LOG2E", "PI", "SQRT1_2", "SQRT2", SYM_TO_STRING_TAG)
    rt.Gh["Math"] = M
