"""Tengo's ``math`` module: Go's math package over Tengo floats.

Every function takes float-compatible arguments (ints, floats, numeric strings)
and returns a float (``ilogb`` an int, ``is_inf``/``is_nan``/``signbit`` bools),
never raising: Go's special cases for NaN, ±Inf and -0 are spelled out here where
Python's ``math`` would raise or differ (``log(0)`` is -Inf, ``sqrt(-1)`` NaN,
``floor(-0.5)`` -1, ``ceil(-0.5)`` -0, ``gamma(-1)`` NaN, ``mod(x, 0)`` NaN).
``pow``, ``pow10`` and ``gamma`` follow Go's own algorithms (repeated squaring
on the mantissa; products of power-of-ten tables; Cephes' gamma), and so do the
trigonometric functions and ``cbrt`` (:mod:`.gotrig`) and the Bessel functions
(:mod:`.bessel`): Go's results are not the C library's in the last bit, and
scripts print them.  ``exp`` and what is built on it (``sinh``, ``cosh``,
``tanh``, ``pow`` with a fractional exponent, ``gamma`` beyond 33) use the C
library's exp, which is correctly rounded where Go's amd64 assembly exp
sometimes is not (``exp(1.5)``: ...0645 here, ...065 in Go); log, erf, expm1,
log1p and the rest come from the C library too and agreed with Go in testing.
"""
from __future__ import annotations

import math
import sys

from . import bessel, gotrig
from .libargs import functions, unpack
from .values import MAXI, MINI, ImmutableMap

INF, NAN = math.inf, math.nan
MIN_INT32, MAX_INT32 = -(1 << 31), (1 << 31) - 1

CONSTANTS = {
    "e": 2.718281828459045, "pi": 3.141592653589793, "phi": 1.618033988749895, "sqrt2": 1.4142135623730951,
    "sqrtE": 1.6487212707001282, "sqrtPi": 1.772453850905516, "sqrtPhi": 1.272019649514069,
    "ln2": 0.6931471805599453, "log2E": 1.4426950408889634, "ln10": 2.302585092994046,
    "log10E": 0.4342944819032518,
    "maxFloat32": 3.4028234663852886e38, "smallestNonzeroFloat32": 1.401298464324817e-45,
    "maxFloat64": sys.float_info.max, "smallestNonzeroFloat64": 5e-324,
    "maxInt": MAXI, "minInt": MINI, "maxInt8": 127, "minInt8": -128, "maxInt16": 32767,
    "minInt16": -32768, "maxInt32": MAX_INT32, "minInt32": MIN_INT32, "maxInt64": MAXI, "minInt64": MINI,
}


def _is_odd_int(y: float) -> bool:
    if abs(y) >= 1 << 53:
        return False
    return y == int(y) and int(y) & 1 == 1


def _guard(fn, on_domain=NAN, on_overflow=INF):
    """A one-argument math function that answers NaN / ±Inf instead of raising."""
    def go(x: float) -> float:
        try:
            return fn(x)
        except ValueError:
            return on_domain(x) if callable(on_domain) else on_domain
        except OverflowError:
            return on_overflow(x) if callable(on_overflow) else on_overflow
    return go


def _round(fn):
    """floor/ceil/trunc: floats in, floats out, -0 kept (Go's ceil(-0.5) is -0)."""
    def go(x: float) -> float:
        if x != x or math.isinf(x) or x == 0:
            return x
        return math.copysign(float(fn(x)), x)
    return go


def _log_domain(x: float) -> float:
    return -INF if x == 0 else NAN


def ilogb(x: float) -> int:
    if x == 0:
        return MIN_INT32
    if x != x or math.isinf(x):
        return MAX_INT32
    return math.frexp(x)[1] - 1


def logb(x: float) -> float:
    if x == 0:
        return -INF
    if math.isinf(x):
        return INF
    return x if x != x else float(ilogb(x))


_GAM_P = (1.60119522476751861407e-04, 1.19135147006586384913e-03, 1.04213797561761569935e-02,
          4.76367800457137231464e-02, 2.07448227648435975150e-01, 4.94214826801497100753e-01,
          9.99999999999999996796e-01)
_GAM_Q = (-2.31581873324120129819e-05, 5.39605580493303397842e-04, -4.45641913851797240494e-03,
          1.18139785222060435552e-02, 3.58236398605498653373e-02, -2.34591795718243348568e-01,
          7.14304917030273074085e-02, 1.00000000000000000320e+00)
_GAM_S = (7.87311395793093628397e-04, -2.29549961613378126380e-04, -2.68132617805781232825e-03,
          3.47222221605458667310e-03, 8.33333333333482257126e-02)


def _horner(x: float, coeffs) -> float:
    """((c0*x + c1)*x + c2)... as Cephes writes it."""
    r = coeffs[0]
    for c in coeffs[1:]:
        r = r * x + c
    return r


def _stirling(x: float) -> tuple[float, float]:
    """Go's ``stirling``: Gamma(x) as a product of two factors (to delay overflow)."""
    if x > 200:
        return INF, 1.0
    w = 1 / x
    w = 1 + w * _horner(w, _GAM_S)
    y1, y2 = _guard(math.exp)(x), 1.0
    if x > 143.01608:
        v = pow_(x, 0.5 * x - 0.25)
        y1, y2 = v, v / y1
    else:
        y1 = pow_(x, x - 0.5) / y1
    return y1, 2.506628274631000502417 * w * y2


def gamma(x: float) -> float:
    """Go's ``math.Gamma`` (Cephes: Stirling's formula beyond 33, a rational
    approximation on [2, 3] after shifting the argument)."""
    if x != x or x == -INF or (x < 0 and x == math.floor(x)):
        return NAN
    if x == INF:
        return INF
    if x == 0:
        return math.copysign(INF, x)
    q = abs(x)
    p = math.floor(q)
    if q > 33:
        if x >= 0:
            y1, y2 = _stirling(x)
            return y1 * y2
        sign = -1.0 if int(p) & 1 == 0 else 1.0
        z = q - p
        if z > 0.5:
            p += 1
            z = q - p
        z = q * gotrig.sin(math.pi * z)
        if z == 0:
            return sign * INF
        sq1, sq2 = _stirling(q)
        d = abs(z) * sq1 * sq2
        return sign * (math.pi / abs(z) / sq1 / sq2 if math.isinf(d) else math.pi / d)
    z = 1.0
    while x >= 3:
        x -= 1
        z *= x
    while x < 0:
        if x > -1e-09:
            return z / ((1 + 0.5772156649015329 * x) * x)
        z /= x
        x += 1
    while x < 2:
        if x < 1e-09:
            return INF if x == 0 else z / ((1 + 0.5772156649015329 * x) * x)
        z /= x
        x += 1
    if x == 2:
        return z
    x -= 2
    return z * _horner(x, _GAM_P) / _horner(x, _GAM_Q)


def atanh(x: float) -> float:
    if abs(x) == 1:
        return math.copysign(INF, x)
    return _guard(math.atanh)(x)


def ldexp(frac: float, exp: int) -> float:
    try:
        return math.ldexp(frac, exp)
    except OverflowError:
        return math.copysign(INF, frac)


def dim(x: float, y: float) -> float:
    v = x - y
    return v if v != v or v > 0 else 0.0


def fmax(x: float, y: float) -> float:
    if x == INF or y == INF:
        return INF
    if x != x or y != y:
        return NAN
    if x == 0 and x == y:
        return y if math.copysign(1, x) < 0 else x
    return max(x, y)


def fmin(x: float, y: float) -> float:
    if x == -INF or y == -INF:
        return -INF
    if x != x or y != y:
        return NAN
    if x == 0 and x == y:
        return x if math.copysign(1, x) < 0 else y
    return min(x, y)


def _two(fn):
    def go(x: float, y: float) -> float:
        try:
            return fn(x, y)
        except (ValueError, ZeroDivisionError):
            return NAN
        except OverflowError:
            return INF
    return go


def pow_(x: float, y: float) -> float:
    """Go's ``math.Pow``: special cases, then x**frac(y) by Exp(yf*Log(x)) and
    x**int(y) by repeated squaring of the mantissa (not correctly rounded)."""
    if y == 0 or x == 1:
        return 1.0
    if y == 1:
        return x
    if x != x or y != y:
        return NAN
    if x == 0:
        neg = math.copysign(1, x) < 0 and _is_odd_int(y)
        if y < 0:
            return -INF if neg else INF
        return x if neg else 0.0
    if math.isinf(y):
        if x == -1:
            return 1.0
        return 0.0 if (abs(x) < 1) == (y > 0) else INF
    if math.isinf(x):
        if x < 0:
            return pow_(1 / x, -y)
        return 0.0 if y < 0 else INF
    if y == 0.5:
        return math.sqrt(x) if x >= 0 else NAN
    if y == -0.5:
        return 1 / math.sqrt(x) if x >= 0 else NAN
    yf, yi = math.modf(abs(y))
    if yf != 0 and x < 0:
        return NAN
    if yi >= 2.0 ** 63:
        if x == -1:
            return 1.0
        return 0.0 if (abs(x) < 1) == (y > 0) else INF
    a1, ae = 1.0, 0
    if yf != 0:
        if yf > 0.5:
            yf -= 1
            yi += 1
        a1 = math.exp(yf * math.log(x))
    x1, xe = math.frexp(x)
    i = int(yi)
    while i != 0:
        if xe < -(1 << 12) or (1 << 12) < xe:
            ae += xe
            break
        if i & 1:
            a1 *= x1
            ae += xe
        x1 *= x1
        xe <<= 1
        if x1 < 0.5:
            x1 += x1
            xe -= 1
        i >>= 1
    if y < 0:
        a1, ae = 1 / a1, -ae
    return ldexp(a1, ae)


def pow10(n: int) -> float:
    """Go's ``math.Pow10``: a product (or quotient) of two table entries."""
    if 0 <= n <= 308:
        return float(f"1e{32 * (n // 32)}") * float(f"1e{n % 32}")
    if -323 <= n < 0:
        m = -n
        return float(f"1e-{32 * (m // 32)}") / float(f"1e{m % 32}")
    return INF if n > 0 else 0.0


def is_inf(f: float, sign: int) -> bool:
    return (sign >= 0 and f == INF) or (sign <= 0 and f == -INF)


_F_F = {
    "abs": abs, "acos": gotrig.acos, "acosh": _guard(math.acosh), "asin": gotrig.asin,
    "asinh": math.asinh, "atan": gotrig.atan, "atanh": atanh, "cbrt": gotrig.cbrt,
    "ceil": _round(math.ceil), "cos": gotrig.cos, "cosh": _guard(math.cosh),
    "erf": math.erf, "erfc": math.erfc, "exp": _guard(math.exp), "exp2": _guard(math.exp2),
    "expm1": _guard(math.expm1), "floor": _round(math.floor), "gamma": gamma,
    "j0": bessel.j0, "j1": bessel.j1, "log": _guard(math.log, _log_domain),
    "log10": _guard(math.log10, _log_domain), "log1p": _guard(math.log1p, lambda x: -INF if x == -1 else NAN),
    "log2": _guard(math.log2, _log_domain), "logb": logb, "sin": gotrig.sin,
    "sinh": _guard(math.sinh, on_overflow=lambda x: math.copysign(INF, x)), "sqrt": _guard(math.sqrt),
    "tan": gotrig.tan, "tanh": math.tanh, "trunc": _round(math.trunc),
    "y0": bessel.y0, "y1": bessel.y1,
}
_FF_F = {
    "atan2": gotrig.atan2, "copysign": math.copysign, "dim": dim, "hypot": math.hypot,
    "max": fmax, "min": fmin, "mod": _two(math.fmod), "nextafter": math.nextafter,
    "pow": pow_, "remainder": _two(math.remainder),
}


def module(rt) -> ImmutableMap:
    def typed(name, spec, fn):
        label = "user-function:" + name

        def call(*args):
            return fn(*unpack(rt, label, args, spec))
        return call

    def order_n(fn):
        """jn/yn, charged for their recurrences of |n| steps."""
        def go(n: int, x: float) -> float:
            rt.meter.charge(min(abs(n), 1 << 62))
            return fn(n, x)
        return go

    fns = {name: typed(name, "F", fn) for name, fn in _F_F.items()}
    fns.update({name: typed(name, "F F", fn) for name, fn in _FF_F.items()})
    fns.update({
        "ilogb": typed("ilogb", "F", ilogb),
        "inf": typed("inf", "I", lambda sign: INF if sign >= 0 else -INF),
        "is_inf": typed("is_inf", "F I", is_inf),
        "is_nan": typed("is_nan", "F", lambda x: x != x),
        "jn": typed("jn", "I F", order_n(bessel.jn)),
        "ldexp": typed("ldexp", "F I", ldexp),
        "nan": typed("nan", "", lambda: NAN),
        "pow10": typed("pow10", "I", pow10),
        "signbit": typed("signbit", "F", lambda x: math.copysign(1, x) < 0),
        "yn": typed("yn", "I F", order_n(bessel.yn)),
    })
    return ImmutableMap({**CONSTANTS, **functions(rt, fns)})
