"""Lua 5.4's ``math`` library, including its xoshiro256** generator.

Input: numbers (and strings that convert to them, as ``luaL_checknumber``
allows).  Output: what Lua 5.4.8 on x86-64 Linux returns, down to the integer/
float subtype (``floor``/``ceil``/``modf`` give integers when the result fits)
and the sign of NaNs (C's math functions return ``-nan`` for some invalid
operations and ``nan`` for others; Lua prints the difference).  Python's
``math`` raises where C returns inf or NaN, so those cases are spelled out.

``random``/``randomseed`` are bit-exact with lmathlib.c: the same state
update, seeding (``{n1, 0xff, n2, 0}`` then 16 discarded values), float
conversion (top 53 bits) and interval projection.  Two deliberate
differences keep runs reproducible:

* the generator starts as if ``math.randomseed(policy.seed)`` had been called
  (Lua seeds from the clock and an address);
* ``math.randomseed()`` without arguments seeds with ``policy.seed`` and a
  value drawn from the current generator (Lua uses the clock), so repeated
  calls still give fresh, but reproducible, sequences.  It returns the two seed
  components as Lua 5.4.4+ does.
"""
from __future__ import annotations

import math

from ..values import MAXI, MINI, Table, wrap
from .lauxlib import arg_error, check_int, check_num, opt_int
from .numbers import float_to_int, tointeger

M64 = 0xFFFFFFFFFFFFFFFF
INF = math.inf
NAN = math.nan            # what glibc returns for some domain errors
NEG_NAN = -math.nan       # x86's "default NaN", produced by invalid operations
TWO_M53 = 2.0 ** -53


# -- C semantics for the float functions ----------------------------------------------
def _pushnumint(d: float):
    """An integer when the float has an exact integer value that fits (lmathlib's
    ``pushnumint``), else the float itself."""
    i = float_to_int(d)
    return d if i is None else i


def _div(a: float, b: float) -> float:
    """IEEE division (Python raises on a zero divisor)."""
    if b != 0.0:
        return a / b
    if a != a:
        return a
    if a == 0.0:
        return NEG_NAN
    return INF if (math.copysign(1.0, a) > 0) == (math.copysign(1.0, b) > 0) else -INF


def _logf(fn):
    def log(x: float) -> float:
        if x > 0.0:
            return fn(x)
        if x == 0.0:
            return -INF
        return x if x != x else NAN
    return log


_log, _log2, _log10 = _logf(math.log), _logf(math.log2), _logf(math.log10)


def _trig(fn):
    def trig(x: float) -> float:
        return NEG_NAN if x in (INF, -INF) else fn(x)
    return trig


def _arc(fn):
    def arc(x: float) -> float:
        return NAN if x > 1.0 or x < -1.0 else fn(x)
    return arc


def _sqrt(x: float) -> float:
    return NEG_NAN if x < 0.0 else math.sqrt(x)


def _exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        return INF


def _fmod(a: float, b: float) -> float:
    if a != a:
        return a
    if b != b:
        return b
    if b == 0.0 or a in (INF, -INF):
        return NEG_NAN
    return math.fmod(a, b)


def _rotl(x: int, n: int) -> int:
    return ((x << n) | (x >> (64 - n))) & M64


def open(rt) -> Table:
    state = [0, 0, 0, 0]

    def nextrand() -> int:
        """One step of xoshiro256**; returns the 64-bit output (unsigned)."""
        s0, s1, s2, s3 = state
        s2 ^= s0
        s3 ^= s1
        res = (_rotl((s1 * 5) & M64, 7) * 9) & M64
        state[0] = s0 ^ s3
        state[1] = s1 ^ s2
        state[2] = s2 ^ ((s1 << 17) & M64)
        state[3] = _rotl(s3, 45)
        return res

    def setseed(n1: int, n2: int):
        state[:] = [n1 & M64, 0xFF, n2 & M64, 0]
        for _ in range(16):
            nextrand()
        return n1, n2

    def project(ran: int, n: int) -> int:
        """A uniform value in [0, n] from *ran*, drawing again when it falls
        outside (lmathlib's ``project``)."""
        if n & (n + 1) == 0:
            return ran & n
        lim = (1 << n.bit_length()) - 1
        ran &= lim
        while ran > n:
            rt.meter.charge(1)
            ran = nextrand() & lim
        return ran

    def random(*args):
        rv = nextrand()
        nargs = len(args)
        if nargs == 0:
            return (rv >> 11) * TWO_M53
        if nargs == 1:
            low = 1
            up = check_int(rt, args[0], 1, "random")
            if up == 0:
                return wrap(rv)
        elif nargs == 2:
            low = check_int(rt, args[0], 1, "random")
            up = check_int(rt, args[1], 2, "random")
        else:
            rt.error("wrong number of arguments")
        if low > up:
            arg_error(rt, 1, "random", "interval is empty")
        return wrap(project(rv, (up - low) & M64) + low)

    def randomseed(*args):
        if not args:
            return setseed(wrap(int(rt.policy.seed)), wrap(nextrand()))
        n1 = check_int(rt, args[0], 1, "randomseed")
        n2 = opt_int(rt, args[1] if len(args) > 1 else None, 2, "randomseed", 0)
        return setseed(n1, n2)

    setseed(wrap(int(rt.policy.seed)), 0)

    # -- the rest of the library -----------------------------------------------------
    def num(v, i: int, fname: str) -> float:
        return float(check_num(rt, v, i, fname))

    def abs_(x=None, *_):
        if type(x) is int:
            return wrap(-x) if x < 0 else x
        return math.fabs(check_num(rt, x, 1, "abs"))

    def rounding(name: str, fn):
        def round_(x=None, *_):
            if type(x) is int:
                return x
            d = num(x, 1, name)
            if d != d or d in (INF, -INF):
                return d
            return _pushnumint(float(fn(d)))
        return round_

    def fmod(a=None, b=None, *_):
        if type(a) is int and type(b) is int:
            if b == 0:
                arg_error(rt, 2, "fmod", "zero")
            if b == -1:
                return 0
            r = abs(a) % abs(b)            # C's '%' truncates toward zero
            return -r if a < 0 else r
        y = num(b, 2, "fmod")              # gcc evaluates C arguments right to left
        return _fmod(num(a, 1, "fmod"), y)

    def modf(x=None, *_):
        if type(x) is int:
            return x, 0.0
        n = num(x, 1, "modf")
        if n != n:
            return n, n
        if n in (INF, -INF):
            return n, 0.0
        ip = float(math.ceil(n) if n < 0 else math.floor(n))
        return _pushnumint(ip), (0.0 if n == ip else n - ip)

    def log(x=None, base=None, *_):
        x = num(x, 1, "log")
        if base is None:
            return _log(x)
        b = num(base, 2, "log")
        if b == 2.0:
            return _log2(x)
        if b == 10.0:
            return _log10(x)
        return _div(_log(x), _log(b))

    def atan(y=None, x=None, *_):
        y = num(y, 1, "atan")
        x = 1.0 if x is None else num(x, 2, "atan")
        if y != y:                          # C propagates the NaN operand (and its sign)
            return y
        return x if x != x else math.atan2(y, x)

    def unary(name: str, fn):
        def f(x=None, *_):
            return fn(num(x, 1, name))
        return f

    def extreme(name: str, better):
        def f(*args):
            if not args:
                arg_error(rt, 1, name, "value expected")
            best = args[0]
            for v in args[1:]:
                if better(v, best):
                    best = v
            rt.meter.charge(len(args))
            return best
        return f

    def tointeger_(*args):
        if not args:
            arg_error(rt, 1, "tointeger", "value expected")
        return tointeger(args[0])

    def type_(*args):
        if not args:
            arg_error(rt, 1, "type", "value expected")
        t = type(args[0])
        return "integer" if t is int else "float" if t is float else None

    def ult(a=None, b=None, *_):
        a = check_int(rt, a, 1, "ult")
        b = check_int(rt, b, 2, "ult")
        return (a & M64) < (b & M64)

    lib = rt.new_table()
    h = lib.hash
    h.update({
        "abs": abs_,
        "acos": unary("acos", _arc(math.acos)),
        "asin": unary("asin", _arc(math.asin)),
        "atan": atan,
        "ceil": rounding("ceil", math.ceil),
        "cos": unary("cos", _trig(math.cos)),
        "deg": unary("deg", lambda x: x * (180.0 / math.pi)),
        "exp": unary("exp", _exp),
        "tointeger": tointeger_,
        "floor": rounding("floor", math.floor),
        "fmod": fmod,
        "ult": ult,
        "log": log,
        "max": extreme("max", lambda v, best: rt.lt(best, v)),
        "min": extreme("min", lambda v, best: rt.lt(v, best)),
        "modf": modf,
        "rad": unary("rad", lambda x: x * (math.pi / 180.0)),
        "sin": unary("sin", _trig(math.sin)),
        "sqrt": unary("sqrt", _sqrt),
        "tan": unary("tan", _trig(math.tan)),
        "type": type_,
        "random": random,
        "randomseed": randomseed,
        "pi": math.pi,
        "huge": INF,
        "maxinteger": MAXI,
        "mininteger": MINI,
    })
    return lib
