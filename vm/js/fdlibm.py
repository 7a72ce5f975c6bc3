"""V8's math library (fdlibm, via src/base/ieee754.cc), ported to Python bit for bit.

Why: node computes ``Math.pow``/``**`` and the transcendental ``Math`` functions with
its own fdlibm port, not the C library that Python's ``math`` and ``**`` use, so the
last bit differs on a few percent of arguments (``10 ** 23`` is ``1e+23`` in node and
``1.0000000000000001e+23`` in Python). Programs print these numbers, so the VM must
compute exactly what V8 computes.

How: every routine follows the C code step by step, on IEEE doubles (Python floats
round like x86-64 SSE2 doubles) and on the 32-bit high/low words the C code reads and
writes with ``GET_HIGH_WORD`` & co. (``_hi``/``_lo``/``_words``/``_with_lo``).
High words are *signed* as in the C code (``hx < 0`` tests the sign), low words
unsigned. C's truncating ``(int)double`` is Python's ``int()``. The few divisions that
can divide by zero go through ``_div`` (Python raises where IEEE gives ±Infinity).

Every function takes and returns floats and never raises: overflow gives ±Infinity,
a domain error NaN, and -0/NaN/±Infinity come out as V8 returns them, including the
ECMAScript rules for ``pow`` (``pow(±1, ±Infinity)`` and ``pow(x, NaN)`` are NaN).
"""
from __future__ import annotations

import math
import struct

__all__ = ["acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "cos", "cosh",
           "exp", "expm1", "log", "log1p", "log2", "log10", "pow", "sin", "sinh",
           "tan", "tanh"]

NAN = math.nan
INF = math.inf

_D = struct.Struct("<d")
_W = struct.Struct("<Ii")       # (low word unsigned, high word signed), little-endian
_WU = struct.Struct("<II")


def _words(x: float) -> tuple[int, int]:
    """(signed high word, unsigned low word) of x: EXTRACT_WORDS."""
    lo, hi = _W.unpack(_D.pack(x))
    return hi, lo


def _hi(x: float) -> int:
    return _W.unpack(_D.pack(x))[1]


def _lo(x: float) -> int:
    return _W.unpack(_D.pack(x))[0]


def _from_words(hi: int, lo: int) -> float:
    """INSERT_WORDS; *hi* may be a negative (signed) word."""
    return _D.unpack(_WU.pack(lo, hi & 0xFFFFFFFF))[0]


def _with_lo(x: float, lo: int) -> float:
    """SET_LOW_WORD."""
    return _D.unpack(_WU.pack(lo, _W.unpack(_D.pack(x))[1] & 0xFFFFFFFF))[0]


def _with_hi(x: float, hi: int) -> float:
    """SET_HIGH_WORD."""
    return _D.unpack(_WU.pack(_W.unpack(_D.pack(x))[0], hi & 0xFFFFFFFF))[0]


def _div(a: float, b: float) -> float:
    """IEEE division: a nonzero number over ±0 is a signed Infinity, 0/0 is NaN."""
    if b == 0:
        if a == 0 or math.isnan(a):
            return NAN
        return INF if (a > 0) == (math.copysign(1.0, b) > 0) else -INF
    return a / b


# -- argument reduction for sin/cos/tan (e_rem_pio2.c, k_rem_pio2.c) ----------------------------
_TWO_OVER_PI = (
    0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C, 0x439041, 0xFE5163,
    0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C, 0xFE1DEB, 0x1CB129,
    0xA73EE8, 0x8235F5, 0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41, 0x3991D6, 0x398353, 0x39F49C,
    0x845F8B, 0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF,
    0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D, 0x7527BA, 0xC7EBE5, 0xF17B3D, 0x0739F7, 0x8A5292,
    0xEA6BFB, 0x5FB11F, 0x8D5D08, 0x560330, 0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3,
    0x91615E, 0xE61B08, 0x659985, 0x5F14A0, 0x68408D, 0xFFD880, 0x4D7327, 0x310606, 0x1556CA,
    0x73A8C9, 0x60E27B, 0xC08C6B,
)
# high words of n*pi/2 for n = 1..32: arguments this close to a multiple need more of pi
_NPIO2_HW = (
    0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB,
    0x402921FB, 0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C, 0x40346B9C, 0x4035FDBB,
    0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A, 0x403DD85A, 0x403F6A7A, 0x40407E4C,
    0x4041475C, 0x4042106C, 0x4042D97C, 0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB,
    0x4046C6CB, 0x40478FDB, 0x404858EB, 0x404921FB,
)
# pi/2 cut into 24-bit pieces
_PIO2 = (1.57079625129699707031e+00, 7.54978941586159635335e-08, 5.39030252995776476554e-15,
         3.28200341580791294123e-22, 1.27065575308067607349e-29, 1.22933308981111328932e-36,
         2.73370053816464559624e-44, 2.16741683877804819444e-51)
_TWO24 = 1.67772160000000000000e+07
_TWON24 = 5.96046447753906250000e-08
_INVPIO2 = 6.36619772367581382433e-01
_PIO2_1 = 1.57079632673412561417e+00
_PIO2_1T = 6.07710050650619224932e-11
_PIO2_2 = 6.07710050630396597660e-11
_PIO2_2T = 2.02226624879595063154e-21
_PIO2_3 = 2.02226624871116645580e-21
_PIO2_3T = 8.47842766036889956997e-32


def _kernel_rem_pio2(x: list[float], e0: int) -> tuple[int, float, float]:
    """x (24-bit pieces of |arg| scaled by 2**-e0) mod pi/2, as (n mod 8, y0, y1):
    __kernel_rem_pio2 with prec=2 (jk=4), multiplying only by the bits of 2/pi
    that matter for the fraction."""
    jk = jp = 4
    jx = len(x) - 1
    jv = max(0, (e0 - 3) // 24)
    q0 = e0 - 24 * (jv + 1)
    f = [0.0] * 20
    q = [0.0] * 20
    iq = [0] * 20
    j = jv - jx
    for i in range(jx + jk + 1):
        f[i] = 0.0 if j < 0 else float(_TWO_OVER_PI[j])
        j += 1
    for i in range(jk + 1):
        fw = 0.0
        for j in range(jx + 1):
            fw += x[j] * f[jx + i - j]
        q[i] = fw
    jz = jk
    while True:
        # distill q[] into iq[] reversingly
        z = q[jz]
        for i, j in enumerate(range(jz, 0, -1)):
            fw = float(int(_TWON24 * z))
            iq[i] = int(z - _TWO24 * fw)
            z = q[j - 1] + fw
        z = math.ldexp(z, q0)
        z -= 8.0 * math.floor(z * 0.125)
        n = int(z)
        z -= float(n)
        ih = 0
        if q0 > 0:
            i = iq[jz - 1] >> (24 - q0)
            n += i
            iq[jz - 1] -= i << (24 - q0)
            ih = iq[jz - 1] >> (23 - q0)
        elif q0 == 0:
            ih = iq[jz - 1] >> 23
        elif z >= 0.5:
            ih = 2
        if ih > 0:
            n += 1
            carry = 0
            for i in range(jz):
                j = iq[i]
                if carry == 0:
                    if j != 0:
                        carry = 1
                        iq[i] = 0x1000000 - j
                else:
                    iq[i] = 0xFFFFFF - j
            if q0 == 1:
                iq[jz - 1] &= 0x7FFFFF
            elif q0 == 2:
                iq[jz - 1] &= 0x3FFFFF
            if ih == 2:
                z = 1.0 - z
                if carry != 0:
                    z -= math.ldexp(1.0, q0)
        if z == 0:
            j = 0
            for i in range(jz - 1, jk - 1, -1):
                j |= iq[i]
            if j == 0:                      # all zero so far: take more bits of 2/pi
                k = 1
                while k <= jk and iq[jk - k] == 0:
                    k += 1
                for i in range(jz + 1, jz + k + 1):
                    f[jx + i] = float(_TWO_OVER_PI[jv + i])
                    fw = 0.0
                    for j in range(jx + 1):
                        fw += x[j] * f[jx + i - j]
                    q[i] = fw
                jz += k
                continue
        break
    if z == 0.0:                            # chop off zero terms
        jz -= 1
        q0 -= 24
        while iq[jz] == 0:
            jz -= 1
            q0 -= 24
    else:                                   # break z into 24-bit pieces if necessary
        z = math.ldexp(z, -q0)
        if z >= _TWO24:
            fw = float(int(_TWON24 * z))
            iq[jz] = int(z - _TWO24 * fw)
            jz += 1
            q0 += 24
            iq[jz] = int(fw)
        else:
            iq[jz] = int(z)
    fw = math.ldexp(1.0, q0)
    for i in range(jz, -1, -1):
        q[i] = fw * iq[i]
        fw *= _TWON24
    fq = [0.0] * 20
    for i in range(jz, -1, -1):
        fw = 0.0
        k = 0
        while k <= jp and k <= jz - i:
            fw += _PIO2[k] * q[i + k]
            k += 1
        fq[jz - i] = fw
    fw = 0.0
    for i in range(jz, -1, -1):
        fw += fq[i]
    y0 = fw if ih == 0 else -fw
    fw = fq[0] - fw
    for i in range(1, jz + 1):
        fw += fq[i]
    y1 = fw if ih == 0 else -fw
    return n & 7, y0, y1


def _rem_pio2(x: float) -> tuple[int, float, float]:
    """(n, y0, y1) with x = n*pi/2 + y0 + y1 and |y0 + y1| <= pi/4 (__ieee754_rem_pio2)."""
    hx = _hi(x)
    ix = hx & 0x7FFFFFFF
    if ix <= 0x3FE921FB:
        return 0, x, 0.0
    if ix < 0x4002D97C:                     # |x| < 3pi/4: n = ±1
        if hx > 0:
            z = x - _PIO2_1
            if ix != 0x3FF921FB:
                y0 = z - _PIO2_1T
                return 1, y0, (z - y0) - _PIO2_1T
            z -= _PIO2_2
            y0 = z - _PIO2_2T
            return 1, y0, (z - y0) - _PIO2_2T
        z = x + _PIO2_1
        if ix != 0x3FF921FB:
            y0 = z + _PIO2_1T
            return -1, y0, (z - y0) + _PIO2_1T
        z += _PIO2_2
        y0 = z + _PIO2_2T
        return -1, y0, (z - y0) + _PIO2_2T
    if ix <= 0x413921FB:                    # |x| <~ 2**19 * pi/2: medium size
        t = abs(x)
        n = int(t * _INVPIO2 + 0.5)
        fn = float(n)
        r = t - fn * _PIO2_1
        w = fn * _PIO2_1T
        if n < 32 and ix != _NPIO2_HW[n - 1]:
            y0 = r - w
        else:
            j = ix >> 20
            y0 = r - w
            i = j - ((_hi(y0) >> 20) & 0x7FF)
            if i > 16:                      # 2nd iteration, good to 118 bits
                t = r
                w = fn * _PIO2_2
                r = t - w
                w = fn * _PIO2_2T - ((t - r) - w)
                y0 = r - w
                i = j - ((_hi(y0) >> 20) & 0x7FF)
                if i > 49:                  # 3rd iteration, 151 bits
                    t = r
                    w = fn * _PIO2_3
                    r = t - w
                    w = fn * _PIO2_3T - ((t - r) - w)
                    y0 = r - w
        y1 = (r - y0) - w
        if hx < 0:
            return -n, -y0, -y1
        return n, y0, y1
    if ix >= 0x7FF00000:
        return 0, x - x, x - x
    e0 = (ix >> 20) - 1046                  # ilogb(x) - 23
    z = _from_words(ix - (e0 << 20), _lo(x))
    tx = []
    for _ in range(2):
        v = float(int(z))
        tx.append(v)
        z = (z - v) * _TWO24
    tx.append(z)
    while tx[-1] == 0.0:
        tx.pop()
    n, y0, y1 = _kernel_rem_pio2(tx, e0)
    if hx < 0:
        return -n, -y0, -y1
    return n, y0, y1


# -- kernels on [-pi/4, pi/4] (k_sin.c, k_cos.c, k_tan.c) ---------------------------------------
_S1, _S2, _S3 = -1.66666666666666324348e-01, 8.33333333332248946124e-03, -1.98412698298579493134e-04
_S4, _S5, _S6 = 2.75573137070700676789e-06, -2.50507602534068634195e-08, 1.58969099521155010221e-10
_C1, _C2, _C3 = 4.16666666666666019037e-02, -1.38888888888741095749e-03, 2.48015872894767294178e-05
_C4, _C5, _C6 = -2.75573143513906633035e-07, 2.08757232129817482790e-09, -1.13596475577881948265e-11
_T = (3.33333333333334091986e-01, 1.33333333333201242699e-01, 5.39682539762260521377e-02,
      2.18694882948595424599e-02, 8.86323982359930005737e-03, 3.59207910759131235356e-03,
      1.45620945432529025516e-03, 5.88041240820264096874e-04, 2.46463134818469906812e-04,
      7.81794442939557092300e-05, 7.14072491382608190305e-05, -1.85586374855275456654e-05,
      2.59073051863633712884e-05)
_PIO4 = 7.85398163397448278999e-01
_PIO4LO = 3.06161699786838301793e-17


def _k_sin(x: float, y: float, iy: int) -> float:
    if (_hi(x) & 0x7FFFFFFF) < 0x3E400000:     # |x| < 2**-27
        return x
    z = x * x
    v = z * x
    r = _S2 + z * (_S3 + z * (_S4 + z * (_S5 + z * _S6)))
    if iy == 0:
        return x + v * (_S1 + z * r)
    return x - ((z * (0.5 * y - v * r) - y) - v * _S1)


def _k_cos(x: float, y: float) -> float:
    ix = _hi(x) & 0x7FFFFFFF
    if ix < 0x3E400000:                        # |x| < 2**-27
        return 1.0
    z = x * x
    r = z * (_C1 + z * (_C2 + z * (_C3 + z * (_C4 + z * (_C5 + z * _C6)))))
    if ix < 0x3FD33333:                        # |x| < 0.3
        return 1.0 - (0.5 * z - (z * r - x * y))
    qx = 0.28125 if ix > 0x3FE90000 else _from_words(ix - 0x00200000, 0)
    iz = 0.5 * z - qx
    a = 1.0 - qx
    return a - (iz - (z * r - x * y))


def _k_tan(x: float, y: float, iy: int) -> float:
    """tan(x+y) if iy == 1, else -1/tan(x+y)."""
    hx, low = _words(x)
    ix = hx & 0x7FFFFFFF
    if ix < 0x3E300000:                        # |x| < 2**-28
        if (ix | low) == 0 and iy == -1:
            return _div(1.0, abs(x))
        if iy == 1:
            return x
        w = x + y                              # -1/(x+y), carefully
        z = _with_lo(w, 0)
        v = y - (z - x)
        a = -1.0 / w
        t = _with_lo(a, 0)
        s = 1.0 + t * z
        return t + a * (s + t * v)
    big = ix >= 0x3FE59428                     # |x| >= 0.6744
    if big:
        if hx < 0:
            x = -x
            y = -y
        x = (_PIO4 - x) + (_PIO4LO - y)
        y = 0.0
    T = _T
    z = x * x
    w = z * z
    r = T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * (T[9] + w * T[11]))))
    v = z * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * (T[10] + w * T[12])))))
    s = z * x
    r = y + z * (s * (r + v) + y)
    r += T[0] * s
    w = x + r
    if big:
        v = float(iy)
        return (1 - ((hx >> 30) & 2)) * (v - 2.0 * (x - (w * w / (w + v) - r)))
    if iy == 1:
        return w
    z = _with_lo(w, 0)                         # -1/(x+r), accurately
    v = r - (z - x)
    a = -1.0 / w
    t = _with_lo(a, 0)
    s = 1.0 + t * z
    return t + a * (s + t * v)


def sin(x: float) -> float:
    ix = _hi(x) & 0x7FFFFFFF
    if ix <= 0x3FE921FB:
        return _k_sin(x, 0.0, 0)
    if ix >= 0x7FF00000:
        return x - x
    n, y0, y1 = _rem_pio2(x)
    n &= 3
    if n == 0:
        return _k_sin(y0, y1, 1)
    if n == 1:
        return _k_cos(y0, y1)
    if n == 2:
        return -_k_sin(y0, y1, 1)
    return -_k_cos(y0, y1)


def cos(x: float) -> float:
    ix = _hi(x) & 0x7FFFFFFF
    if ix <= 0x3FE921FB:
        return _k_cos(x, 0.0)
    if ix >= 0x7FF00000:
        return x - x
    n, y0, y1 = _rem_pio2(x)
    n &= 3
    if n == 0:
        return _k_cos(y0, y1)
    if n == 1:
        return -_k_sin(y0, y1, 1)
    if n == 2:
        return -_k_cos(y0, y1)
    return _k_sin(y0, y1, 1)


def tan(x: float) -> float:
    ix = _hi(x) & 0x7FFFFFFF
    if ix <= 0x3FE921FB:
        return _k_tan(x, 0.0, 1)
    if ix >= 0x7FF00000:
        return x - x
    n, y0, y1 = _rem_pio2(x)
    return _k_tan(y0, y1, 1 - ((n & 1) << 1))


# -- inverse trigonometric (e_asin.c, e_acos.c, s_atan.c, e_atan2.c) ---------------------------
_PI = 3.14159265358979311600e+00
_PIO2_HI = 1.57079632679489655800e+00
_PIO2_LO = 6.12323399573676603587e-17
_PIO4_HI = 7.85398163397448278999e-01
_PS = (1.66666666666666657415e-01, -3.25565818622400915405e-01, 2.01212532134862925881e-01,
       -4.00555345006794114027e-02, 7.91534994289814532176e-04, 3.47933107596021167570e-05)
_QS = (-2.40339491173441421878e+00, 2.02094576023350569471e+00, -6.88283971605453293030e-01,
       7.70381505559019352791e-02)


def _asin_pq(t: float) -> tuple[float, float]:
    """Numerator and denominator of the rational R(t) shared by asin and acos."""
    p0, p1, p2, p3, p4, p5 = _PS
    q1, q2, q3, q4 = _QS
    p = t * (p0 + t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5)))))
    q = 1.0 + t * (q1 + t * (q2 + t * (q3 + t * q4)))
    return p, q


def asin(x: float) -> float:
    hx, lx = _words(x)
    ix = hx & 0x7FFFFFFF
    if ix >= 0x3FF00000:                       # |x| >= 1 (or NaN)
        if ((ix - 0x3FF00000) | lx) == 0:
            return x * _PIO2_HI + x * _PIO2_LO
        return NAN
    if ix < 0x3FE00000:                        # |x| < 0.5
        if ix < 0x3E400000:
            return x
        p, q = _asin_pq(x * x)
        return x + x * (p / q)
    w = 1.0 - abs(x)
    t = w * 0.5
    p, q = _asin_pq(t)
    s = math.sqrt(t)
    if ix >= 0x3FEF3333:                       # |x| > 0.975
        w = p / q
        t = _PIO2_HI - (2.0 * (s + s * w) - _PIO2_LO)
    else:
        w = _with_lo(s, 0)
        c = (t - w * w) / (s + w)
        r = p / q
        p = 2.0 * s * r - (_PIO2_LO - 2.0 * c)
        q = _PIO4_HI - 2.0 * w
        t = _PIO4_HI - (p - q)
    return t if hx > 0 else -t


def acos(x: float) -> float:
    hx, lx = _words(x)
    ix = hx & 0x7FFFFFFF
    if ix >= 0x3FF00000:                       # |x| >= 1 (or NaN)
        if ((ix - 0x3FF00000) | lx) == 0:
            return 0.0 if hx > 0 else _PI + 2.0 * _PIO2_LO
        return NAN
    if ix < 0x3FE00000:                        # |x| < 0.5
        if ix <= 0x3C600000:
            return _PIO2_HI + _PIO2_LO
        p, q = _asin_pq(x * x)
        return _PIO2_HI - (x - (_PIO2_LO - x * (p / q)))
    if hx < 0:                                 # x < -0.5
        z = (1.0 + x) * 0.5
        p, q = _asin_pq(z)
        s = math.sqrt(z)
        w = (p / q) * s - _PIO2_LO
        return _PI - 2.0 * (s + w)
    z = (1.0 - x) * 0.5                        # x > 0.5
    s = math.sqrt(z)
    df = _with_lo(s, 0)
    c = (z - df * df) / (s + df)
    p, q = _asin_pq(z)
    w = (p / q) * s + c
    return 2.0 * (df + w)


_ATANHI = (4.63647609000806093515e-01, 7.85398163397448278999e-01,
           9.82793723247329054082e-01, 1.57079632679489655800e+00)
_ATANLO = (2.26987774529616870924e-17, 3.06161699786838301793e-17,
           1.39033110312309984516e-17, 6.12323399573676603587e-17)
_AT = (3.33333333333329318027e-01, -1.99999999998764832476e-01, 1.42857142725034663711e-01,
       -1.11111104054623557880e-01, 9.09088713343650656196e-02, -7.69187620504482999495e-02,
       6.66107313738753120669e-02, -5.83357013379057348645e-02, 4.97687799461593236017e-02,
       -3.65315727442169155270e-02, 1.62858201153657823623e-02)


def atan(x: float) -> float:
    hx = _hi(x)
    ix = hx & 0x7FFFFFFF
    if ix >= 0x44100000:                       # |x| >= 2**66 (or NaN)
        if math.isnan(x):
            return x + x
        return _ATANHI[3] + _ATANLO[3] if hx > 0 else -_ATANHI[3] - _ATANLO[3]
    if ix < 0x3FDC0000:                        # |x| < 0.4375
        if ix < 0x3E400000:
            return x
        idx = -1
    else:
        x = abs(x)
        if ix < 0x3FF30000:                    # |x| < 1.1875
            if ix < 0x3FE60000:                # 7/16 <= |x| < 11/16
                idx = 0
                x = (2.0 * x - 1.0) / (2.0 + x)
            else:
                idx = 1
                x = (x - 1.0) / (x + 1.0)
        elif ix < 0x40038000:                  # |x| < 2.4375
            idx = 2
            x = (x - 1.5) / (1.0 + 1.5 * x)
        else:
            idx = 3
            x = -1.0 / x
    a = _AT
    z = x * x
    w = z * z
    s1 = z * (a[0] + w * (a[2] + w * (a[4] + w * (a[6] + w * (a[8] + w * a[10])))))
    s2 = w * (a[1] + w * (a[3] + w * (a[5] + w * (a[7] + w * a[9]))))
    if idx < 0:
        return x - x * (s1 + s2)
    z = _ATANHI[idx] - ((x * (s1 + s2) - _ATANLO[idx]) - x)
    return -z if hx < 0 else z


_TINY = 1.0e-300
_PI_O_4 = 7.8539816339744827900e-01
_PI_O_2 = 1.5707963267948965580e+00
_PI_LO = 1.2246467991473531772e-16


def atan2(y: float, x: float) -> float:
    """Math.atan2(y, x)."""
    if math.isnan(x) or math.isnan(y):
        return x + y
    hx, lx = _words(x)
    hy, ly = _words(y)
    ix = hx & 0x7FFFFFFF
    iy = hy & 0x7FFFFFFF
    if ((hx - 0x3FF00000) | lx) == 0:          # x == 1
        return atan(y)
    m = ((hy >> 31) & 1) | ((hx >> 30) & 2)    # 2*sign(x) + sign(y)
    if (iy | ly) == 0:                         # y = ±0
        if m <= 1:
            return y
        return _PI + _TINY if m == 2 else -_PI - _TINY
    if (ix | lx) == 0:                         # x = ±0
        return -_PI_O_2 - _TINY if hy < 0 else _PI_O_2 + _TINY
    if ix == 0x7FF00000:                       # x = ±Infinity
        if iy == 0x7FF00000:
            return (_PI_O_4 + _TINY, -_PI_O_4 - _TINY,
                    3.0 * _PI_O_4 + _TINY, -3.0 * _PI_O_4 - _TINY)[m]
        return (0.0, -0.0, _PI + _TINY, -_PI - _TINY)[m]
    if iy == 0x7FF00000:
        return -_PI_O_2 - _TINY if hy < 0 else _PI_O_2 + _TINY
    k = (iy - ix) >> 20
    if k > 60:                                 # |y/x| > 2**60
        z = _PI_O_2 + 0.5 * _PI_LO
        m &= 1
    elif hx < 0 and k < -60:
        z = 0.0
    else:
        z = atan(abs(y / x))
    if m == 0:
        return z
    if m == 1:
        return -z
    if m == 2:
        return _PI - (z - _PI_LO)
    return (z - _PI_LO) - _PI


# -- exponentials (e_exp.c, s_expm1.c) --------------------------------------------------------
_LN2_HI = 6.93147180369123816490e-01
_LN2_LO = 1.90821492927058770002e-10
_INVLN2 = 1.44269504088896338700e+00
_P1, _P2, _P3 = 1.66666666666666019037e-01, -2.77777777770155933842e-03, 6.61375632143793436117e-05
_P4, _P5 = -1.65339022054652515390e-06, 4.13813679705723846039e-08
_O_THRESHOLD = 7.09782712893383973096e+02
_U_THRESHOLD = -7.45133219101941108420e+02
_TWOM1000 = 9.33263618503218878990e-302
_TWO1023 = 8.988465674311579539e307
_HUGE = 1.0e300


def exp(x: float) -> float:
    hx, lx = _words(x)
    xsb = (hx >> 31) & 1
    hx &= 0x7FFFFFFF
    if hx >= 0x40862E42:                       # |x| >= 709.78...
        if hx >= 0x7FF00000:
            if ((hx & 0xFFFFF) | lx) != 0:
                return x + x
            return x if xsb == 0 else 0.0
        if x > _O_THRESHOLD:
            return INF
        if x < _U_THRESHOLD:
            return 0.0
    k = 0
    hi = lo = 0.0
    if hx > 0x3FD62E42:                        # |x| > 0.5 ln2
        if hx < 0x3FF0A2B2:                    # and |x| < 1.5 ln2
            if x == 1.0:                       # V8 special-cases e itself
                return 2.718281828459045
            if xsb == 0:
                hi, lo, k = x - _LN2_HI, _LN2_LO, 1
            else:
                hi, lo, k = x + _LN2_HI, -_LN2_LO, -1
        else:
            k = int(_INVLN2 * x + (-0.5 if xsb else 0.5))
            t = float(k)
            hi = x - t * _LN2_HI
            lo = t * _LN2_LO
        x = hi - lo
    elif hx < 0x3E300000:                      # |x| < 2**-28
        return 1.0 + x
    t = x * x
    if k >= -1021:
        twopk = _from_words(0x3FF00000 + (k << 20), 0)
    else:
        twopk = _from_words(0x3FF00000 + ((k + 1000) << 20), 0)
    c = x - t * (_P1 + t * (_P2 + t * (_P3 + t * (_P4 + t * _P5))))
    if k == 0:
        return 1.0 - ((x * c) / (c - 2.0) - x)
    y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi)
    if k >= -1021:
        if k == 1024:
            return y * 2.0 * _TWO1023
        return y * twopk
    return y * twopk * _TWOM1000


_Q1, _Q2, _Q3 = -3.33333333333331316428e-02, 1.58730158725481460165e-03, -7.93650757867487942473e-05
_Q4, _Q5 = 4.00821782732936239552e-06, -2.01099218183624371326e-07


def expm1(x: float) -> float:
    hx, lx = _words(x)
    xsb = hx & 0x80000000
    hx &= 0x7FFFFFFF
    if hx >= 0x4043687A:                       # |x| >= 56 ln2
        if hx >= 0x40862E42:                   # |x| >= 709.78...
            if hx >= 0x7FF00000:
                if ((hx & 0xFFFFF) | lx) != 0:
                    return x + x
                return x if xsb == 0 else -1.0
            if x > _O_THRESHOLD:
                return INF
        if xsb != 0:
            return _TINY - 1.0
    if hx > 0x3FD62E42:                        # |x| > 0.5 ln2
        if hx < 0x3FF0A2B2:                    # and |x| < 1.5 ln2
            if xsb == 0:
                hi, lo, k = x - _LN2_HI, _LN2_LO, 1
            else:
                hi, lo, k = x + _LN2_HI, -_LN2_LO, -1
        else:
            k = int(_INVLN2 * x + (0.5 if xsb == 0 else -0.5))
            t = float(k)
            hi = x - t * _LN2_HI
            lo = t * _LN2_LO
        x = hi - lo
        c = (hi - x) - lo
    elif hx < 0x3C900000:                      # |x| < 2**-54
        return x
    else:
        k = 0
        c = 0.0
    hfx = 0.5 * x
    hxs = x * hfx
    r1 = 1.0 + hxs * (_Q1 + hxs * (_Q2 + hxs * (_Q3 + hxs * (_Q4 + hxs * _Q5))))
    t = 3.0 - r1 * hfx
    e = hxs * ((r1 - t) / (6.0 - x * t))
    if k == 0:
        return x - (x * e - hxs)
    twopk = _from_words(0x3FF00000 + (k << 20), 0)
    e = x * (e - c) - c
    e -= hxs
    if k == -1:
        return 0.5 * (x - e) - 0.5
    if k == 1:
        if x < -0.25:
            return -2.0 * (e - (x + 0.5))
        return 1.0 + 2.0 * (x - e)
    if k <= -2 or k > 56:
        y = 1.0 - (e - x)
        y = y * 2.0 * 8.98846567431158e+307 if k == 1024 else y * twopk
        return y - 1.0
    if k < 20:
        t = _from_words(0x3FF00000 - (0x200000 >> k), 0)     # 1 - 2**-k
        y = t - (e - x)
        return y * twopk
    t = _from_words((0x3FF - k) << 20, 0)                    # 2**-k
    y = x - (e + t)
    y += 1.0
    return y * twopk


# -- logarithms (e_log.c, s_log1p.c, e_log2.c/k_log.h, e_log10.c) ------------------------------
_TWO54 = 1.80143985094819840000e+16
_LG1, _LG2, _LG3 = 6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01
_LG4, _LG5, _LG6 = 2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01
_LG7 = 1.479819860511658591e-01


def _reduce_log(x: float) -> tuple[int, int, float] | float:
    """Split x > 0 into 2**k * (1+f) with sqrt(2)/2 < 1+f < sqrt(2), as e_log.c does:
    (k, fraction bits of the high word, normalized x), or the final result for
    x <= 0, Infinity and NaN."""
    hx, lx = _words(x)
    k = 0
    if hx < 0x00100000:                        # x < 2**-1022
        if ((hx & 0x7FFFFFFF) | lx) == 0:
            return -INF
        if hx < 0:
            return NAN
        k -= 54
        x *= _TWO54
        hx = _hi(x)
    if hx >= 0x7FF00000:
        return x + x
    k += (hx >> 20) - 1023
    hx &= 0x000FFFFF
    i = (hx + 0x95F64) & 0x100000
    x = _with_hi(x, hx | (i ^ 0x3FF00000))     # normalize x or x/2
    k += i >> 20
    return k, hx, x


def log(x: float) -> float:
    red = _reduce_log(x)
    if type(red) is float:
        return red
    k, hx, x = red
    f = x - 1.0
    if (0x000FFFFF & (2 + hx)) < 3:            # -2**-20 <= f < 2**-20
        if f == 0.0:
            if k == 0:
                return 0.0
            dk = float(k)
            return dk * _LN2_HI + dk * _LN2_LO
        R = f * f * (0.5 - 0.33333333333333333 * f)
        if k == 0:
            return f - R
        dk = float(k)
        return dk * _LN2_HI - ((R - dk * _LN2_LO) - f)
    s = f / (2.0 + f)
    dk = float(k)
    z = s * s
    i = hx - 0x6147A
    w = z * z
    j = 0x6B851 - hx
    t1 = w * (_LG2 + w * (_LG4 + w * _LG6))
    t2 = z * (_LG1 + w * (_LG3 + w * (_LG5 + w * _LG7)))
    i |= j
    R = t2 + t1
    if i > 0:
        hfsq = 0.5 * f * f
        if k == 0:
            return f - (hfsq - s * (hfsq + R))
        return dk * _LN2_HI - ((hfsq - (s * (hfsq + R) + dk * _LN2_LO)) - f)
    if k == 0:
        return f - s * (f - R)
    return dk * _LN2_HI - ((s * (f - R) - dk * _LN2_LO) - f)


def log1p(x: float) -> float:
    hx = _hi(x)
    ax = hx & 0x7FFFFFFF
    k = 1
    f = c = 0.0
    hu = 0
    if hx < 0x3FDA827A:                        # 1+x < sqrt(2)+
        if ax >= 0x3FF00000:                   # x <= -1 (or a negative NaN)
            return -INF if x == -1.0 else NAN
        if ax < 0x3E200000:                    # |x| < 2**-29
            if ax < 0x3C900000:
                return x
            return x - x * x * 0.5
        if hx > 0 or hx <= 0xBFD2BEC4 - (1 << 32):     # sqrt(2)/2- <= 1+x < sqrt(2)+
            k = 0
            f = x
            hu = 1
    if hx >= 0x7FF00000:
        return x + x
    if k != 0:
        if hx < 0x43400000:
            u = 1.0 + x
            hu = _hi(u)
            k = (hu >> 20) - 1023
            c = 1.0 - (u - x) if k > 0 else x - (u - 1.0)    # correction term
            c /= u
        else:
            u = x
            hu = _hi(u)
            k = (hu >> 20) - 1023
            c = 0.0
        hu &= 0x000FFFFF
        if hu < 0x6A09E:                       # u ~< sqrt(2)
            u = _with_hi(u, hu | 0x3FF00000)
        else:
            k += 1
            u = _with_hi(u, hu | 0x3FE00000)
            hu = (0x00100000 - hu) >> 2
        f = u - 1.0
    hfsq = 0.5 * f * f
    if hu == 0:                                # |f| < 2**-20
        if f == 0.0:
            if k == 0:
                return 0.0
            c += k * _LN2_LO
            return k * _LN2_HI + c
        R = hfsq * (1.0 - 0.66666666666666666 * f)
        if k == 0:
            return f - R
        return k * _LN2_HI - ((R - (k * _LN2_LO + c)) - f)
    s = f / (2.0 + f)
    z = s * s
    R = z * (_LG1 + z * (_LG2 + z * (_LG3 + z * (_LG4 + z * (_LG5 + z * (_LG6 + z * _LG7))))))
    if k == 0:
        return f - (hfsq - s * (hfsq + R))
    return k * _LN2_HI - ((hfsq - (s * (hfsq + R) + (k * _LN2_LO + c))) - f)


_IVLN2HI = 1.44269504072144627571e+00
_IVLN2LO = 1.67517131648865118353e-10


def log2(x: float) -> float:
    """FreeBSD's e_log2.c (fdlibm 5.3 has no log2): the reduction of log, the
    kernel k_log1p, then the scaling by 1/ln2 in extra precision."""
    if x == 1.0:
        return 0.0
    red = _reduce_log(x)
    if type(red) is float:
        return red
    k, _, x = red
    y = float(k)
    f = x - 1.0
    hfsq = 0.5 * f * f
    s = f / (2.0 + f)
    z = s * s
    w = z * z
    t1 = w * (_LG2 + w * (_LG4 + w * _LG6))
    t2 = z * (_LG1 + w * (_LG3 + w * (_LG5 + w * _LG7)))
    r = s * (hfsq + (t2 + t1))
    hi = _with_lo(f - hfsq, 0)
    lo = (f - hi) - hfsq + r
    val_hi = hi * _IVLN2HI
    val_lo = (lo + hi) * _IVLN2LO + lo * _IVLN2HI
    w = y + val_hi
    val_lo += (y - w) + val_hi
    return val_lo + w


_IVLN10 = 4.34294481903251816668e-01
_LOG10_2HI = 3.01029995663611771306e-01
_LOG10_2LO = 3.69423907715893078616e-13


def log10(x: float) -> float:
    """fdlibm's e_log10.c: n*log10(2) + log(x / 2**n)/ln(10), n chosen so the
    scaled x is in [1, 2) (or [0.5, 1) when n < 0)."""
    hx, lx = _words(x)
    k = 0
    if hx < 0x00100000:                        # x < 2**-1022
        if ((hx & 0x7FFFFFFF) | lx) == 0:
            return -INF
        if hx < 0:
            return NAN
        k -= 54
        x *= _TWO54
        hx, lx = _words(x)
    if hx >= 0x7FF00000:
        return x + x
    if hx == 0x3FF00000 and lx == 0:
        return 0.0
    k += (hx >> 20) - 1023
    i = 1 if k < 0 else 0
    hx = (hx & 0x000FFFFF) | ((0x3FF - i) << 20)
    y = float(k + i)
    x = _from_words(hx, lx)
    z = y * _LOG10_2LO + _IVLN10 * log(x)
    return z + y * _LOG10_2HI


# -- hyperbolic and inverse hyperbolic (e_cosh.c, e_sinh.c, s_tanh.c, e_acosh.c, ...) ---------
_LN2 = 6.93147180559945286227e-01
_KSINH_OVERFLOW = 710.4758600739439
_LOG_MAXD = 709.7822265625


def cosh(x: float) -> float:
    ix = _hi(x) & 0x7FFFFFFF
    ax = abs(x)
    if ix < 0x3FD62E43:                        # |x| < 0.5 ln2
        t = expm1(ax)
        w = 1.0 + t
        if ix < 0x3C800000:
            return w
        return 1.0 + (t * t) / (w + w)
    if ix < 0x40360000:                        # |x| < 22
        t = exp(ax)
        return 0.5 * t + 0.5 / t
    if ix < 0x40862E42:
        return 0.5 * exp(ax)
    if ax <= _KSINH_OVERFLOW:
        w = exp(0.5 * ax)
        t = 0.5 * w
        return t * w
    if ix >= 0x7FF00000:
        return x * x                           # ±Infinity or NaN
    return INF


def sinh(x: float) -> float:
    h = -0.5 if x < 0 else 0.5
    ax = abs(x)
    if ax < 22:
        if ax < 3.725290298461914e-9:          # 2**-28
            return x
        t = expm1(ax)
        if ax < 1:
            return h * (2 * t - t * t / (t + 1))
        return h * (t + t / (t + 1))
    if ax < _LOG_MAXD:
        return h * exp(ax)
    if ax <= _KSINH_OVERFLOW:
        w = exp(0.5 * ax)
        t = h * w
        return t * w
    return x * 1.0e307                         # ±Infinity, or NaN


def tanh(x: float) -> float:
    jx = _hi(x)
    ix = jx & 0x7FFFFFFF
    if ix >= 0x7FF00000:                       # ±Infinity or NaN
        return 1.0 / x + 1.0 if jx >= 0 else 1.0 / x - 1.0
    if ix < 0x40360000:                        # |x| < 22
        if ix < 0x3E300000:                    # |x| < 2**-28
            return x
        if ix >= 0x3FF00000:                   # |x| >= 1
            t = expm1(2.0 * abs(x))
            z = 1.0 - 2.0 / (t + 2.0)
        else:
            t = expm1(-2.0 * abs(x))
            z = -t / (t + 2.0)
    else:
        z = 1.0 - _TINY
    return z if jx >= 0 else -z


def acosh(x: float) -> float:
    hx, lx = _words(x)
    if hx < 0x3FF00000:                        # x < 1 (or a negative NaN)
        return NAN
    if hx >= 0x41B00000:                       # x > 2**28
        if hx >= 0x7FF00000:
            return x + x
        return log(x) + _LN2
    if ((hx - 0x3FF00000) | lx) == 0:
        return 0.0
    if hx > 0x40000000:                        # 2 < x < 2**28
        t = x * x
        return log(2.0 * x - 1.0 / (x + math.sqrt(t - 1.0)))
    t = x - 1.0
    return log1p(t + math.sqrt(2.0 * t + t * t))


def asinh(x: float) -> float:
    hx = _hi(x)
    ix = hx & 0x7FFFFFFF
    if ix >= 0x7FF00000:
        return x + x
    if ix < 0x3E300000:                        # |x| < 2**-28
        return x
    if ix > 0x41B00000:                        # |x| > 2**28
        w = log(abs(x)) + _LN2
    elif ix > 0x40000000:                      # 2 < |x| < 2**28
        t = abs(x)
        w = log(2.0 * t + 1.0 / (math.sqrt(x * x + 1.0) + t))
    else:
        t = x * x
        w = log1p(abs(x) + t / (1.0 + math.sqrt(1.0 + t)))
    return w if hx > 0 else -w


def atanh(x: float) -> float:
    hx, lx = _words(x)
    ix = hx & 0x7FFFFFFF
    if ix > 0x3FF00000 or (ix == 0x3FF00000 and lx != 0):     # |x| > 1 or NaN
        return NAN
    if ix == 0x3FF00000:
        return INF if x > 0 else -INF
    if ix < 0x3E300000:                        # |x| < 2**-28
        return x
    x = abs(x)
    if ix < 0x3FE00000:                        # |x| < 0.5
        t = x + x
        t = 0.5 * log1p(t + t * x / (1.0 - x))
    else:
        t = 0.5 * log1p((x + x) / (1.0 - x))
    return t if hx >= 0 else -t


# -- pow (e_pow.c, as V8's legacy::pow) -------------------------------------------------------
_BP = (1.0, 1.5)
_DP_H = (0.0, 5.84962487220764160156e-01)
_DP_L = (0.0, 1.35003920212974897128e-08)
_TWO53 = 9007199254740992.0
_L1, _L2, _L3 = 5.99999999999994648725e-01, 4.28571428578550184252e-01, 3.33333329818377432918e-01
_L4, _L5, _L6 = 2.72728123808534006489e-01, 2.30660745775561754067e-01, 2.06975017800338417784e-01
_LG2_H = 6.93147182464599609375e-01
_LG2_L = -1.90465429995776804525e-09
_OVT = 8.0085662595372944372e-17
_CP = 9.61796693925975554329e-01
_CP_H = 9.61796700954437255859e-01
_CP_L = -7.02846165095275826516e-09
_IVLN2_H = 1.44269502162933349609e+00
_IVLN2_L = 1.92596299112661746887e-08


def _odd_even(hy: int, ly: int) -> int:
    """0 if y is not an integer, 1 if an odd integer, 2 if an even one."""
    iy = hy & 0x7FFFFFFF
    if iy >= 0x43400000:                       # |y| >= 2**53
        return 2
    if iy >= 0x3FF00000:
        k = (iy >> 20) - 0x3FF
        if k > 20:
            j = ly >> (52 - k)
            if (j << (52 - k)) == ly:
                return 2 - (j & 1)
        elif ly == 0:
            j = iy >> (20 - k)
            if (j << (20 - k)) == iy:
                return 2 - (j & 1)
    return 0


def _log2_parts(ax: float, ix: int) -> tuple[float, float]:
    """log2(ax) as t1 + t2, t1 with its low word zero, for ax = |x| not near 1."""
    n = 0
    if ix < 0x00100000:                        # subnormal
        ax *= _TWO53
        n -= 53
        ix = _hi(ax)
    n += (ix >> 20) - 0x3FF
    j = ix & 0x000FFFFF
    ix = j | 0x3FF00000
    if j <= 0x3988E:                           # |x| < sqrt(3/2)
        k = 0
    elif j < 0xBB67A:                          # |x| < sqrt(3)
        k = 1
    else:
        k = 0
        n += 1
        ix -= 0x00100000
    ax = _with_hi(ax, ix)
    bp = _BP[k]
    u = ax - bp                                # ss = s_h + s_l = (x-1)/(x+1) or (x-1.5)/(x+1.5)
    v = 1.0 / (ax + bp)
    ss = u * v
    s_h = _with_lo(ss, 0)
    t_h = _from_words(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0)
    t_l = ax - (t_h - bp)
    s_l = v * ((u - s_h * t_h) - s_h * t_l)
    s2 = ss * ss
    r = s2 * s2 * (_L1 + s2 * (_L2 + s2 * (_L3 + s2 * (_L4 + s2 * (_L5 + s2 * _L6)))))
    r += s_l * (s_h + ss)
    s2 = s_h * s_h
    t_h = _with_lo(3.0 + s2 + r, 0)
    t_l = r - ((t_h - 3.0) - s2)
    u = s_h * t_h
    v = s_l * t_h + t_l * ss
    p_h = _with_lo(u + v, 0)
    p_l = v - (p_h - u)
    z_h = _CP_H * p_h
    z_l = _CP_L * p_h + p_l * _CP + _DP_L[k]
    t = float(n)
    t1 = _with_lo(((z_h + z_l) + _DP_H[k]) + t, 0)
    t2 = z_l - (((t1 - t) - _DP_H[k]) - z_h)
    return t1, t2


def pow(x: float, y: float) -> float:
    """x ** y (and Math.pow) exactly as V8 computes it."""
    hx, lx = _words(x)
    hy, ly = _words(y)
    ix = hx & 0x7FFFFFFF
    iy = hy & 0x7FFFFFFF
    if (iy | ly) == 0:
        return 1.0
    if math.isnan(x) or math.isnan(y):
        return NAN
    yisint = _odd_even(hy, ly) if hx < 0 else 0
    if ly == 0:
        if iy == 0x7FF00000:                   # y = ±Infinity
            if ((ix - 0x3FF00000) | lx) == 0:
                return NAN                     # (±1) ** ±Infinity
            if ix >= 0x3FF00000:
                return y if hy >= 0 else 0.0
            return -y if hy < 0 else 0.0
        if iy == 0x3FF00000:                   # y = ±1
            return _div(1.0, x) if hy < 0 else x
        if hy == 0x40000000:
            return x * x
        if hy == 0x3FE00000 and hx >= 0:       # y = 0.5, x >= +0
            return math.sqrt(x)
    ax = abs(x)
    if lx == 0 and ix in (0x7FF00000, 0, 0x3FF00000):        # ±0, ±Infinity, ±1
        z = _div(1.0, ax) if hy < 0 else ax
        if hx < 0:
            if ix == 0x3FF00000 and yisint == 0:
                return NAN                     # (-1) ** non-integer
            if yisint == 1:
                z = -z
        return z
    n = (hx >> 31) + 1
    if (n | yisint) == 0:                      # negative ** non-integer
        return NAN
    s = -1.0 if (n | (yisint - 1)) == 0 else 1.0   # negative ** odd integer
    if iy > 0x41E00000:                        # |y| > 2**31
        if iy > 0x43F00000:                    # |y| > 2**64: must over- or underflow
            if ix <= 0x3FEFFFFF:
                return INF if hy < 0 else 0.0
            if ix >= 0x3FF00000:
                return INF if hy > 0 else 0.0
        if ix < 0x3FEFFFFF:
            return s * INF if hy < 0 else s * 0.0
        if ix > 0x3FF00000:
            return s * INF if hy > 0 else s * 0.0
        t = ax - 1.0                           # |1-x| <= 2**-20: log(x) by a short series
        w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25))
        u = _IVLN2_H * t
        v = t * _IVLN2_L - w * _INVLN2
        t1 = _with_lo(u + v, 0)
        t2 = v - (t1 - u)
    else:
        t1, t2 = _log2_parts(ax, ix)
    # (y1 + y2) * (t1 + t2) = p_h + p_l
    y1 = _with_lo(y, 0)
    p_l = (y - y1) * t1 + y * t2
    p_h = y1 * t1
    z = p_l + p_h
    j, i = _words(z)
    if j >= 0x40900000:                        # z >= 1024
        if ((j - 0x40900000) | i) != 0 or p_l + _OVT > z - p_h:
            return s * INF
    elif (j & 0x7FFFFFFF) >= 0x4090CC00 and (
            (((j & 0xFFFFFFFF) - 0xC090CC00) | i) != 0 or p_l <= z - p_h):     # z <= -1075
        return s * 0.0
    # 2 ** (p_h + p_l)
    i = j & 0x7FFFFFFF
    k = (i >> 20) - 0x3FF
    n = 0
    if i > 0x3FE00000:                         # |z| > 0.5: n = [z + 0.5]
        n = j + (0x00100000 >> (k + 1))
        k = ((n & 0x7FFFFFFF) >> 20) - 0x3FF
        t = _from_words(n & ~(0x000FFFFF >> k), 0)
        n = ((n & 0x000FFFFF) | 0x00100000) >> (20 - k)
        if j < 0:
            n = -n
        p_h -= t
    t = _with_lo(p_l + p_h, 0)
    u = t * _LG2_H
    v = (p_l - (t - p_h)) * _LN2 + t * _LG2_L
    z = u + v
    w = v - (z - u)
    t = z * z
    t1 = z - t * (_P1 + t * (_P2 + t * (_P3 + t * (_P4 + t * _P5))))
    r = (z * t1) / ((t1 - 2.0) - (w + z * w))
    z = 1.0 - (r - z)
    j = _hi(z) + (n << 20)
    if (j >> 20) <= 0:
        z = math.ldexp(z, n)                   # subnormal result
    else:
        z = _with_hi(z, j)
    return s * z
