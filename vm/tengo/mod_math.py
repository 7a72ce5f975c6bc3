"""Tengo's ``math`` module: Go's math package over Tengo floats.

Every function takes float-compatible arguments (ints, floats, numeric strings)
and returns a float (``ilogb`` an int, ``is_inf``/``is_nan``/``signbit`` bools),
never raising: Go's special cases for NaN, ±Inf and -0 are spelled out here where
Python's ``math`` would raise or differ (``log(0)`` is -Inf, ``sqrt(-1)`` NaN,
``floor(-0.5)`` -1, ``ceil(-0.5)`` -0, ``gamma(-1)`` NaN, ``mod(x, 0)`` NaN).
``pow`` and ``pow10`` follow Go's own algorithms (repeated squaring on the
mantissa; products of power-of-ten tables), because they are not correctly
rounded and scripts print their results.  The other functions come from the C
library through Python, which may differ from Go's pure-Go code in the last bit
for some arguments.  The Bessel functions are FreeBSD's (as Go's are), in
:mod:`.bessel`.
"""
from __future__ import annotations

import math
import sys

from . import bessel
from .libargs import functions, unpack
from .values import MAXI, MINI, ImmutableMap

INF, NAN = math.inf, math.nan
MIN_INT32, MAX_INT32 = -(1 << 31), (1 << 31) - 1

CONSTANTS = {
    "e": math.e, "pi": math.pi, "phi": 1.618033988749895, "sqrt2": math.sqrt(2),
    "sqrtE": 1.6487212707001282, "sqrtPi": 1.772453850905516, "sqrtPhi": 1.272019649514069,
    "ln2": math.log(2), "log2E": 1 / math.log(2), "ln10": math.log(10), "log10E": 1 / math.log(10),
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


def gamma(x: float) -> float:
    if x == 0:
        return math.copysign(INF, x)
    if x != x or x == -INF or (x < 0 and x == math.floor(x)):
        return NAN
    try:
        return math.gamma(x)
    except OverflowError:
        return INF


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
    return x if x > y else y


def fmin(x: float, y: float) -> float:
    if x == -INF or y == -INF:
        return -INF
    if x != x or y != y:
        return NAN
    if x == 0 and x == y:
        return x if math.copysign(1, x) < 0 else y
    return x if x < y else y


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
    "abs": abs, "acos": _guard(math.acos), "acosh": _guard(math.acosh), "asin": _guard(math.asin),
    "asinh": math.asinh, "atan": math.atan, "atanh": atanh, "cbrt": math.cbrt,
    "ceil": _round(math.ceil), "cos": _guard(math.cos), "cosh": _guard(math.cosh),
    "erf": math.erf, "erfc": math.erfc, "exp": _guard(math.exp), "exp2": _guard(math.exp2),
    "expm1": _guard(math.expm1), "floor": _round(math.floor), "gamma": gamma,
    "j0": bessel.j0, "j1": bessel.j1, "log": _guard(math.log, _log_domain),
    "log10": _guard(math.log10, _log_domain), "log1p": _guard(math.log1p, lambda x: -INF if x == -1 else NAN),
    "log2": _guard(math.log2, _log_domain), "logb": logb, "sin": _guard(math.sin),
    "sinh": _guard(math.sinh, on_overflow=lambda x: math.copysign(INF, x)), "sqrt": _guard(math.sqrt),
    "tan": _guard(math.tan), "tanh": math.tanh, "trunc": _round(math.trunc),
    "y0": bessel.y0, "y1": bessel.y1,
}
_FF_F = {
    "atan2": math.atan2, "copysign": math.copysign, "dim": dim, "hypot": math.hypot,
    "max": fmax, "min": fmin, "mod": _two(math.fmod), "nextafter": math.nextafter,
    "pow": pow_, "remainder": _two(math.remainder),
}


def module(rt) -> ImmutableMap:
    fns = {}

    def f_f(name, fn):
        label = "user-function:" + name

        def call(*args):
            (x,) = unpack(rt, label, args, "F")
            return fn(x)
        return call

    def ff_f(name, fn):
        label = "user-function:" + name

        def call(*args):
            x, y = unpack(rt, label, args, "F F")
            return fn(x, y)
        return call

    def typed(name, spec, fn):
        label = "user-function:" + name

        def call(*args):
            return fn(*unpack(rt, label, args, spec))
        return call

    for name, fn in _F_F.items():
        fns[name] = f_f(name, fn)
    for name, fn in _FF_F.items():
        fns[name] = ff_f(name, fn)
    fns.update({
        "ilogb": typed("ilogb", "F", ilogb),
        "inf": typed("inf", "I", lambda sign: INF if sign >= 0 else -INF),
        "is_inf": typed("is_inf", "F I", is_inf),
        "is_nan": typed("is_nan", "F", lambda x: x != x),
        "jn": typed("jn", "I F", bessel.jn),
        "ldexp": typed("ldexp", "F I", ldexp),
        "nan": typed("nan", "", lambda: NAN),
        "pow10": typed("pow10", "I", pow10),
        "signbit": typed("signbit", "F", lambda x: math.copysign(1, x) < 0),
        "yn": typed("yn", "I F", bessel.yn),
    })
    return ImmutableMap({**CONSTANTS, **functions(rt, fns)})
