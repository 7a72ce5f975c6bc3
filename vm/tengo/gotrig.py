"""Go's trigonometry and cube root, for Tengo's ``math`` module.

Go does not take these from the C library: sin, cos and tan are Cephes
polynomials after a three-part Pi/4 reduction (Payne–Hanek beyond 2**29),
atan/asin/acos are Cephes' ``satan``, and Cbrt is FreeBSD's.  They differ from
Python's ``math`` (glibc) in the last bit often enough that scripts printing
``math.sin(1)`` would not match real Tengo, so this module evaluates Go's
formulas with Go's coefficients in Go's order of operations.  The 4/pi bits of
the Payne–Hanek reduction are computed here (Machin's formula) rather than copied.
"""
from __future__ import annotations

import math
import struct
from functools import lru_cache

NAN = math.nan
PI = math.pi
FOUR_OVER_PI = 1.2732395447351628          # 4/Pi rounded once, as Go's constant expression
THREE_PI_4 = 2.356194490192345             # 3*Pi/4
PI4A, PI4B, PI4C = 7.85398125648498535156e-1, 3.77489470793079817668e-8, 2.69515142907905952645e-15
REDUCE_THRESHOLD = float(1 << 29)
_SIN = (1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
        -1.98412698295895385996e-4, 8.33333333332211858878e-3, -1.66666666666666307295e-1)
_COS = (-1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7,
        2.48015872888517045348e-5, -1.38888888888730564116e-3, 4.16666666666665929218e-2)
_TAN_P = (-1.30936939181383777646e4, 1.15351664838587416140e6, -1.79565251976484877988e7)
_TAN_Q = (1.36812963470692954678e4, -1.32089234440210967447e6, 2.50083801823357915839e7,
          -5.38695755929454629881e7)
M64 = (1 << 64) - 1


def _bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def _float(b: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", b & M64))[0]


@lru_cache(maxsize=1)
def _four_over_pi_bits() -> int:
    """4/pi as a 1280-bit integer: floor(4/pi * 2**(64*19)), Go's ``mPi4`` digits."""
    prec = 64 * 19 + 64

    def arctan_inv(n: int) -> int:          # atan(1/n) * 2**prec
        total, term, k, sign = 0, (1 << prec) // n, 1, 1
        n2 = n * n
        while term:
            total += sign * (term // k)
            term //= n2
            k += 2
            sign = -sign
        return total

    pi = 16 * arctan_inv(5) - 4 * arctan_inv(239)       # pi * 2**prec (a few ulps low)
    return (4 << (prec + 64 * 19)) // pi


def _trig_reduce(x: float):
    """Go's ``trigReduce`` (Payne–Hanek) for x >= Pi/4: (octant j, z in radians)."""
    ix = _bits(x)
    exp = ((ix >> 52) & 0x7FF) - 1023 - 52
    ix = (ix & ((1 << 52) - 1)) | (1 << 52)
    start = exp + 61                                   # bit offset into the digits
    digits = _four_over_pi_bits()
    window = (digits >> (64 * 20 - start - 192)) & ((1 << 192) - 1)   # x < 2**1024 keeps it in range
    prod = (window * ix) >> 64
    hi, lo = (prod >> 64) & M64, prod & M64
    j = hi >> 61
    hi = ((hi << 3) | (lo >> 61)) & M64
    lz = 64 - hi.bit_length()
    e = 1023 - (lz + 1)
    hi = ((hi << (lz + 1)) | (lo >> (64 - (lz + 1)))) & M64
    hi >>= 64 - 52
    z = _float(hi | (e << 52))
    if j & 1:
        j = (j + 1) & 7
        z -= 1
    return j, z * (PI / 4)


def _reduce(x: float):
    """(octant j, z) for x >= 0, zeros mapped to the origin."""
    if x >= REDUCE_THRESHOLD:
        return _trig_reduce(x) if x >= PI / 4 else (0, x)
    j = int(x * FOUR_OVER_PI)
    y = float(j)
    if j & 1:
        j += 1
        y += 1
    return j & 7, ((x - y * PI4A) - y * PI4B) - y * PI4C


def _sin_poly(z: float, zz: float) -> float:
    c = _SIN
    return z + z * zz * ((((((c[0] * zz) + c[1]) * zz + c[2]) * zz + c[3]) * zz + c[4]) * zz + c[5])


def _cos_poly(zz: float) -> float:
    c = _COS
    return 1.0 - 0.5 * zz + zz * zz * ((((((c[0] * zz) + c[1]) * zz + c[2]) * zz + c[3]) * zz + c[4]) * zz + c[5])


def sin(x: float) -> float:
    if x == 0 or x != x:
        return x
    if math.isinf(x):
        return NAN
    sign = x < 0
    j, z = _reduce(abs(x))
    if j > 3:
        sign, j = not sign, j - 4
    zz = z * z
    y = _cos_poly(zz) if j in (1, 2) else _sin_poly(z, zz)
    return -y if sign else y


def cos(x: float) -> float:
    if x != x or math.isinf(x):
        return NAN
    j, z = _reduce(abs(x))
    sign = False
    if j > 3:
        sign, j = not sign, j - 4
    if j > 1:
        sign = not sign
    zz = z * z
    y = _sin_poly(z, zz) if j in (1, 2) else _cos_poly(zz)
    return -y if sign else y


def tan(x: float) -> float:
    if x == 0 or x != x:
        return x
    if math.isinf(x):
        return NAN
    sign = x < 0
    j, z = _reduce(abs(x))
    zz = z * z
    if zz > 1e-14:
        p, q = _TAN_P, _TAN_Q
        y = z + z * (zz * (((p[0] * zz) + p[1]) * zz + p[2]) / ((((zz + q[0]) * zz + q[1]) * zz + q[2]) * zz + q[3]))
    else:
        y = z
    if j & 2:
        y = -1 / y
    return -y if sign else y


def _xatan(x: float) -> float:
    z = x * x
    z = z * ((((-8.750608600031904122785e-01 * z + -1.615753718733365076637e+01) * z
               + -7.500855792314704667340e+01) * z + -1.228866684490136173410e+02) * z
             + -6.485021904942025371773e+01) / (((((z + 2.485846490142306297962e+01) * z
                                                   + 1.650270098316988542046e+02) * z
                                                  + 4.328810604912902668951e+02) * z
                                                 + 4.853903996359136964868e+02) * z
                                                + 1.945506571482613964425e+02)
    return x * z + x


def _satan(x: float) -> float:
    more = 6.123233995736765886130e-17
    if x <= 0.66:
        return _xatan(x)
    if x > 2.41421356237309504880:
        return PI / 2 - _xatan(1 / x) + more
    return PI / 4 + _xatan((x - 1) / (x + 1)) + 0.5 * more


def atan(x: float) -> float:
    if x == 0 or x != x:
        return x
    return _satan(x) if x > 0 else -_satan(-x)


def asin(x: float) -> float:
    if x == 0 or x != x:
        return x
    sign = x < 0
    x = abs(x)
    if x > 1:
        return NAN
    temp = math.sqrt(1 - x * x)
    temp = PI / 2 - _satan(temp / x) if x > 0.7 else _satan(x / temp)
    return -temp if sign else temp


def acos(x: float) -> float:
    return PI / 2 - asin(x)


def atan2(y: float, x: float) -> float:
    if y != y or x != x:
        return NAN
    if y == 0:
        return math.copysign(0.0, y) if x >= 0 and math.copysign(1, x) > 0 else math.copysign(PI, y)
    if x == 0:
        return math.copysign(PI / 2, y)
    if math.isinf(x):
        if x > 0:
            return math.copysign(PI / 4, y) if math.isinf(y) else math.copysign(0.0, y)
        return math.copysign(THREE_PI_4, y) if math.isinf(y) else math.copysign(PI, y)
    if math.isinf(y):
        return math.copysign(PI / 2, y)
    q = atan(y / x)
    if x < 0:
        return q + PI if q <= 0 else q - PI
    return q


def cbrt(x: float) -> float:
    """FreeBSD's cbrt as Go has it: a 5-bit guess from the exponent, a polynomial
    step to 23 bits, one Newton step to 53 bits."""
    if x == 0 or x != x or math.isinf(x):
        return x
    sign = x < 0
    x = abs(x)
    t = _float(_bits(x) // 3 + (715094163 << 32))
    if x < 2.22507385850720138309e-308:
        t = float(1 << 54) * x
        t = _float(_bits(t) // 3 + (696219795 << 32))
    r = t * t / x
    s = 5.42857142857142815906e-01 + r * t
    t *= 3.57142857142857150787e-01 + 1.60714285714285720630e+00 / (
        s + 1.41428571428571436819e+00 + -7.05306122448979611050e-01 / s)
    t = _float((_bits(t) & (0xFFFFFFFFC << 28)) + (1 << 30))
    s = t * t
    r = x / s
    w = t + t
    r = (r - t) / (w + r)
    t = t + t * r
    return -t if sign else t
