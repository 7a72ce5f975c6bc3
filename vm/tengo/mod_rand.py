"""Tengo's ``rand`` module: Go's math/rand, number for number.

``rand.seed(42); rand.int()`` prints what real Tengo prints, because the generator
is Go's own: the additive lagged Fibonacci source of math/rand/rng.go (607 words,
tap 273) seeded through the Park–Miller ``seedrand`` and XORed with Go's
``rngCooked`` table, and math/rand's derivations of ``Int63n``, ``Intn``, ``Perm``,
``Float64`` and the ziggurat ``ExpFloat64``/``NormFloat64``.

Nothing here is a copy of Go's tables: ``rngCooked`` is, by Go's gen_cooked.go, the
state of that same generator seeded with 1 after 7.8e12 steps; the recurrence
y[n] = y[n-273] + y[n-607] (mod 2**64) is linear, so :func:`cooked` jumps there
by raising x to the 7.8e12th power modulo x**607 - x**334 - 1 (0.2 s, once per
process).  The ziggurat tables are Marsaglia & Tsang's, computed by their
recipe with Go's constants and rounded to float32 as Go stores them.

Determinism: the module-level generator starts seeded with the run's
``Policy.seed`` (Go seeds it randomly), so an unseeded spell is reproducible too.
``rand.read(b)`` consumes the generator exactly as Go's ``Read`` does and returns
the count, but cannot fill *b*: llmspell's bytes are immutable values.
"""
from __future__ import annotations

import math
import struct
from functools import lru_cache

from .libargs import functions, unpack
from .values import ImmutableMap

LEN, TAP = 607, 273
M64 = (1 << 64) - 1
M63 = (1 << 63) - 1
INT32_MAX = (1 << 31) - 1
COOKED_STEPS = 7_800_000_000_000
RN = 3.442619855899                 # the normal ziggurat's base strip edge (Go's rn)
RE = 7.69711747013104972            # the exponential one's (Go's re)


def _seedrand(x: int) -> int:
    """x[n+1] = 48271 * x[n] mod (2**31 - 1), Schrage's method as Go computes it."""
    hi, lo = divmod(x, 44488)
    x = 48271 * lo - 3399 * hi
    return x + INT32_MAX if x < 0 else x


def _lcg_words(seed: int, shift1: int, shift2: int) -> list[int]:
    """The 607 words srand/Seed derive from *seed* (after 20 discarded steps)."""
    x, out = seed, []
    for i in range(-20, LEN):
        x = _seedrand(x)
        if i >= 0:
            u = x << shift1
            x = _seedrand(x)
            u ^= x << shift2
            x = _seedrand(x)
            out.append((u ^ x) & M64)
    return out


# -- rngCooked, by polynomial jump --------------------------------------------------------------
_SLOT = 140          # bits per coefficient when multiplying polynomials as big integers


def _polymulmod(a: list[int], b: list[int]) -> list[int]:
    """a*b mod (x**607 - x**334 - 1), coefficients mod 2**64 (Kronecker substitution)."""
    pa = pb = 0
    for c in reversed(a):
        pa = (pa << _SLOT) | c
    for c in reversed(b):
        pb = (pb << _SLOT) | c
    p = pa * pb
    mask = (1 << _SLOT) - 1
    c = []
    for _ in range(2 * LEN - 1):
        c.append(p & mask & M64)
        p >>= _SLOT
    return _reduce(c)


def _reduce(c: list[int]) -> list[int]:
    for d in range(len(c) - 1, LEN - 1, -1):      # x**d = x**(d-273) + x**(d-607)
        v = c[d]
        if v:
            c[d - TAP] = (c[d - TAP] + v) & M64
            c[d - LEN] = (c[d - LEN] + v) & M64
    del c[LEN:]
    return c


@lru_cache(maxsize=1)
def cooked() -> tuple[int, ...]:
    """Go's ``rngCooked``: gen_cooked.go's ``srand(1)`` then 7.8e12 ``vrand()`` calls.

    Let y[k] be the word the k-th call writes (slot (334 - k) mod 607; the initial
    words are y[-606..0]).  Then y[k] = y[k-273] + y[k-607], and y[k] is
    sum(c_j * y[j-606]) for x**(k+606) = sum(c_j x**j) mod the characteristic
    polynomial.  The table is the last 607 words, by slot."""
    start = _lcg_words(1, 20, 10)
    z = [start[(334 - (j - 606)) % LEN] for j in range(LEN)]
    first = COOKED_STEPS - 606
    coeffs = [1] + [0] * (LEN - 1)
    base = [0, 1] + [0] * (LEN - 2)
    n = first + 606
    while n:
        if n & 1:
            coeffs = _polymulmod(coeffs, base)
        n >>= 1
        if n:
            base = _polymulmod(base, base)
    table = [0] * LEN
    for k in range(first, COOKED_STEPS + 1):
        table[(334 - k) % LEN] = sum(c * v for c, v in zip(coeffs, z)) & M64
        coeffs = _reduce([0] + coeffs)
    return tuple(table)


# -- the ziggurat tables (Marsaglia & Tsang's zigset, Go's constants) ------------------------
def _f32(x: float) -> float:
    return struct.unpack("<f", struct.pack("<f", x))[0]


@lru_cache(maxsize=1)
def _exp_tables():
    de, ve, m2 = RE, 3.949659822581572e-3, 4294967296.0
    ke, we, fe = [0] * 256, [0.0] * 256, [0.0] * 256
    q = ve / math.exp(-de)
    ke[0], we[0], we[255] = int(de / q * m2), q / m2, de / m2
    fe[0], fe[255] = 1.0, math.exp(-de)
    te = de
    for i in range(254, 0, -1):
        de = -math.log(ve / de + math.exp(-de))
        ke[i + 1] = int(de / te * m2)
        te = de
        fe[i], we[i] = math.exp(-de), de / m2
    return ke, [_f32(x) for x in we], [_f32(x) for x in fe]


@lru_cache(maxsize=1)
def _norm_tables():
    dn, vn, m1 = RN, 9.91256303526217e-3, 2147483648.0
    kn, wn, fn = [0] * 128, [0.0] * 128, [0.0] * 128
    q = vn / math.exp(-0.5 * dn * dn)
    kn[0], wn[0], wn[127] = int(dn / q * m1), q / m1, dn / m1
    fn[0], fn[127] = 1.0, math.exp(-0.5 * dn * dn)
    tn = dn
    for i in range(126, 0, -1):
        dn = math.sqrt(-2.0 * math.log(vn / dn + math.exp(-0.5 * dn * dn)))
        kn[i + 1] = int(dn / tn * m1)
        tn = dn
        fn[i], wn[i] = math.exp(-0.5 * dn * dn), dn / m1
    return kn, [_f32(x) for x in wn], [_f32(x) for x in fn]


class GoRandError(Exception):
    """A Go panic inside math/rand; the message is the one real Tengo reports."""


# -- math/rand's Rand over rngSource ---------------------------------------------------------
class GoRand:
    """One ``rand.Rand`` on an ``rngSource``: the methods Tengo exposes."""

    __slots__ = ("feed", "read_pos", "read_val", "tap", "vec")

    def __init__(self, seed: int):
        self.seed(seed)

    def seed(self, seed: int):
        """``Rand.Seed``: rngSource.Seed, and the Read buffer is dropped."""
        seed = abs(seed) % INT32_MAX * (1 if seed >= 0 else -1)     # Go's % truncates
        if seed < 0:
            seed += INT32_MAX
        if seed == 0:
            seed = 89482311
        self.vec = [w ^ c for w, c in zip(_lcg_words(seed, 40, 20), cooked())]
        self.tap, self.feed = 0, LEN - TAP
        self.read_pos = self.read_val = 0

    def uint64(self) -> int:
        self.tap = (self.tap - 1) % LEN
        self.feed = (self.feed - 1) % LEN
        x = (self.vec[self.feed] + self.vec[self.tap]) & M64
        self.vec[self.feed] = x
        return x

    def int63(self) -> int:
        return self.uint64() & M63

    def uint32(self) -> int:
        return self.int63() >> 31

    def int31(self) -> int:
        return self.int63() >> 32

    def float64(self) -> float:
        while True:
            f = self.int63() / (1 << 63)
            if f != 1.0:
                return f

    def int63n(self, n: int) -> int:
        if n <= 0:
            raise GoRandError("invalid argument to Int63n")
        if n & (n - 1) == 0:
            return self.int63() & (n - 1)
        top = M63 - (1 << 63) % n
        v = self.int63()
        while v > top:
            v = self.int63()
        return v % n

    def int31n(self, n: int) -> int:
        if n & (n - 1) == 0:
            return self.int31() & (n - 1)
        top = INT32_MAX - (1 << 31) % n
        v = self.int31()
        while v > top:
            v = self.int31()
        return v % n

    def intn(self, n: int) -> int:
        if n <= 0:
            raise GoRandError("invalid argument to Intn")
        return self.int31n(n) if n <= INT32_MAX else self.int63n(n)

    def perm(self, n: int, charge) -> list[int]:
        if n < 0:
            raise GoRandError("runtime error: makeslice: len out of range")
        m = [0] * n
        for i in range(n):
            if i & 1023 == 0:
                charge(1024)
            j = self.intn(i + 1)
            m[i] = m[j]
            m[j] = i
        return m

    def read(self, n: int) -> int:
        """``Read`` of n bytes: draws an Int63 per 7 bytes, as Go does."""
        pos, val = self.read_pos, self.read_val
        for _ in range(n):
            if pos == 0:
                val, pos = self.int63(), 7
            val >>= 8
            pos -= 1
        self.read_pos, self.read_val = pos, val
        return n

    def exp_float64(self) -> float:
        ke, we, fe = _exp_tables()
        while True:
            j = self.uint32()
            i = j & 0xFF
            x = j * we[i]
            if j < ke[i]:
                return x
            if i == 0:
                return RE - math.log(self.float64())
            if _f32(fe[i] + _f32(_f32(self.float64()) * _f32(fe[i - 1] - fe[i]))) < _f32(math.exp(-x)):
                return x

    def norm_float64(self) -> float:
        kn, wn, fn = _norm_tables()
        while True:
            u = self.uint32()
            j = u - (1 << 32) if u >> 31 else u          # int32(r.Uint32())
            i = j & 0x7F
            x = j * wn[i]
            if abs(j) < kn[i]:
                return x
            if i == 0:
                while True:
                    x = -math.log(self.float64()) * (1.0 / RN)
                    y = -math.log(self.float64())
                    if y + y >= x * x:
                        break
                return RN + x if j > 0 else -RN - x
            if _f32(fn[i] + _f32(_f32(self.float64()) * _f32(fn[i - 1] - fn[i]))) < _f32(math.exp(-0.5 * x * x)):
                return x


# -- the module ----------------------------------------------------------------------------------
def _functions(rt, gen) -> dict:
    """The functions over generator holder *gen* (a one-element list, so that
    ``seed`` on the module can replace the module's generator)."""
    def call(fn):
        try:
            return fn()
        except GoRandError as e:
            rt.error(str(e))

    def int_(*args):
        unpack(rt, "user-function:int", args, "")
        return gen[0].int63()

    def float_(*args):
        unpack(rt, "user-function:float", args, "")
        return gen[0].float64()

    def intn(*args):
        (n,) = unpack(rt, "user-function:intn", args, "I")
        return call(lambda: gen[0].int63n(n))

    def exp_float(*args):
        unpack(rt, "user-function:exp_float", args, "")
        return gen[0].exp_float64()

    def norm_float(*args):
        unpack(rt, "user-function:norm_float", args, "")
        return gen[0].norm_float64()

    def perm(*args):
        (n,) = unpack(rt, "user-function:perm", args, "I")
        if n > 0:
            rt.meter.alloc(8 * n)
        return rt.make_array(call(lambda: gen[0].perm(n, rt.meter.charge)))

    def seed(*args):
        (s,) = unpack(rt, "user-function:seed", args, "I")
        gen[0] = GoRand(s)

    def read(*args):
        (b,) = unpack(rt, "user-function:read", args, "y")
        rt.meter.charge(len(b) // 8)
        return gen[0].read(len(b))

    return {"int": int_, "float": float_, "intn": intn, "exp_float": exp_float,
            "norm_float": norm_float, "perm": perm, "seed": seed, "read": read}


def module(rt) -> ImmutableMap:
    def rand_(*args):
        (s,) = unpack(rt, "user-function:rand", args, "I")
        rt.meter.alloc(8 * LEN)
        return ImmutableMap(functions(rt, _functions(rt, [GoRand(s)])))

    fns = _functions(rt, [GoRand(rt.policy.seed)])
    fns["rand"] = rand_
    return ImmutableMap(functions(rt, fns))
