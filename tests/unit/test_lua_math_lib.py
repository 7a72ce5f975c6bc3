"""Differential tests of the ``math`` library against real Lua 5.4 (lupa).

Expected values, subtypes (integer/float), NaN signs and error messages all come
from lupa; the random generator is compared bit for bit.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from llmspell.vm.lua import lmath
from test_lua_table_lib import LUA, check, lua_args, lua_outcome, make_rt, norm, our_outcome


@pytest.fixture
def M():
    return lmath.open(make_rt()).hash


NUMBERS = ["0", "-0.0", "1", "-1", "2.5", "-2.5", "3.7", "-3.7", "0.5", "-0.5", "1e308", "-1e308",
           "2^53", "2^63", "-2^63", "2^70", "math.maxinteger", "math.mininteger", "1/0", "-1/0",
           "0/0", "-(0/0)", "1e-310", '"10"', '"-3"', '"0x10"', '" 2.5 "', '"x"', "nil", "{}", "true"]


@pytest.mark.parametrize("fname", ["abs", "ceil", "floor", "sqrt", "sin", "cos", "tan", "asin", "acos",
                                   "exp", "log", "deg", "rad", "modf", "tointeger", "type", "atan"])
@pytest.mark.parametrize("x", NUMBERS)
def test_unary(M, fname, x):
    check(M[fname], f"math.{fname}", x)


@pytest.mark.parametrize("x, y", [
    ("7", "3"), ("-7", "3"), ("7", "-3"), ("-6", "4"), ("6", "-4"), ("1", "0"), ("0", "0"),
    ("math.mininteger", "-1"), ("math.maxinteger", "-1"), ("5", "-1"), ("7.5", "2"), ("-7.5", "2"),
    ("1", "0.0"), ("-1", "0.0"), ("1", "-0.0"), ("1/0", "2"), ("-1/0", "2"), ("5.5", "1/0"),
    ("0/0", "1"), ("-(0/0)", "1"), ("1", "-(0/0)"), ("-0.0", "1"), ('"7"', '"3"'), ("3", "2.5"),
    ("nil", "nil"), ("1", "nil"), ("nil", "1"), ('"x"', "1"), ("2^63", "3"),
])
def test_fmod(M, x, y):
    check(M["fmod"], "math.fmod", f"{x}, {y}")


@pytest.mark.parametrize("x", ["8", "100", "0", "-0.0", "-1", "1/0", "-1/0", "0/0", "-(0/0)", "2", "0.5", "1"])
@pytest.mark.parametrize("base", ["2", "10", "1", "0", "-0.0", "-1", "3", "0.5", "1/0", "2.0", '"10"', "nil", "{}"])
def test_log_with_base(M, x, base):
    check(M["log"], "math.log", f"{x}, {base}")


@pytest.mark.parametrize("src", ["1, 0", "-1, 0", "0.0, -1", "-0.0, -1", "1/0, 1/0", "1, -1/0", "0/0, 1",
                                 '"1", "2"', "1, nil", "1, {}", "nil"])
def test_atan2(M, src):
    check(M["atan"], "math.atan", src)


@pytest.mark.parametrize("fname", ["max", "min"])
@pytest.mark.parametrize("src", ["", "1", "1, 2, 3", "3, 2, 1", "1, 2.0, 2", "2, 2.0", "2.0, 2", "0.0, -0.0",
                                 "-0.0, 0.0", "0/0, 1", "1, 0/0", '"a", "b"', '"b", "a"', "1, {}",
                                 '1, "10"', "math.mininteger, -2^63", "nil", "1, nil"])
def test_min_max(M, fname, src):
    check(M[fname], f"math.{fname}", src)


@pytest.mark.parametrize("src", ["1, 2", "-1, 1", "1, -1", "math.maxinteger, math.mininteger", "0, 0",
                                 "1.0, 2", "1.5, 2", '"3", 4', "1, nil", "nil, 1"])
def test_ult(M, src):
    check(M["ult"], "math.ult", src)


@pytest.mark.parametrize("src", ["", "nil", "1", "1.0", '"1"', "{}"])
def test_type_and_tointeger_arguments(M, src):
    check(M["type"], "math.type", src)
    check(M["tointeger"], "math.tointeger", src)


def test_constants(M):
    for name in ("pi", "huge", "maxinteger", "mininteger"):
        assert norm(M[name]) == norm(LUA.eval(f"math.{name}")), name


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-2**63, 2**63 - 1)))
def test_rounding_and_modf_any_number(x):
    M = lmath.open(make_rt()).hash
    if type(x) is int:
        lit = repr(x)
    elif x != x:
        lit = "(0/0)"
    elif x in (float("inf"), float("-inf")):
        lit = "(1/0)" if x > 0 else "(-1/0)"
    else:
        lit = x.hex()                   # Lua reads hex floats exactly
    for fname in ("floor", "ceil", "modf", "abs", "tointeger", "type"):
        assert our_outcome(M[fname], lua_args(lit)) == lua_outcome(f"math.{fname}({lit})"), (fname, x)


# -- random ----------------------------------------------------------------------------------------
SEQUENCE = [("",), ("100",), ("-5, 5",), ("0",), ("3, 3",), ("1, 6",), ("math.mininteger, math.maxinteger",),
            ("-2^62, 2^62",), ("0, 2^40 + 12345",)]


def _lua_sequence(seed_src: str, calls) -> list:
    body = " ".join(f"r[#r + 1] = math.random({c})" for c in calls)
    r = LUA.execute(f"math.randomseed({seed_src}) local r = {{}} {body} return r")
    return [norm(r[i]) for i in range(1, len(calls) + 1)]


@pytest.mark.parametrize("seed", ["42", "0", "-1", "math.maxinteger", "7, 99", "123, -5"])
def test_random_bit_exact(seed):
    """After math.randomseed(seed) the first 20 values of each form match Lua."""
    M = lmath.open(make_rt()).hash
    seeds = M["randomseed"](*lua_args(seed))
    assert norm(list(seeds)) == norm(list(LUA.execute(f"return math.randomseed({seed})")))
    calls = [c for (c,) in SEQUENCE for _ in range(20)]
    ours = [norm(M["random"](*lua_args(c))) for c in calls]
    assert ours == _lua_sequence(seed, calls)


def test_random_errors(M):
    for src in ["3, 1", "1.5", "1, 2, 3", "nil", "1, nil", '"3", 3', "math.maxinteger, math.mininteger"]:
        check(M["random"], "math.random", src)
    for src in ["nil", "1.5", "1, 2.5", '"7"', "1, nil"]:
        check(M["randomseed"], "math.randomseed", src)


def test_unseeded_generator_starts_from_policy_seed():
    """Documented determinism: before any randomseed the generator is in the
    state math.randomseed(policy.seed) gives."""
    a = lmath.open(make_rt(seed=1234)).hash
    b = lmath.open(make_rt()).hash
    b["randomseed"](1234)
    assert [a["random"](0) for _ in range(10)] == [b["random"](0) for _ in range(10)]


def test_randomseed_without_arguments_is_deterministic_and_fresh():
    runs = []
    for _ in range(2):
        M = lmath.open(make_rt(seed=5)).hash
        first = M["randomseed"]()
        x = [M["random"](0) for _ in range(5)]
        second = M["randomseed"]()
        y = [M["random"](0) for _ in range(5)]
        runs.append((first, x, second, y))
        assert first[0] == 5 and type(first[1]) is int and x != y
    assert runs[0] == runs[1]
