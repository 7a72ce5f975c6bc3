"""Differential tests: generated Lua programs must print the same on llmspell
as on real Lua 5.4 (lupa).

Two generators:
  (a) expressions over integer/float/string literals and variables with every
      arithmetic, bitwise, comparison, concatenation and logical operator;
  (b) short statement sequences: locals, assignments to table fields, table
      constructors, ``#t``, concatenation of fields, if/else and small numeric
      for loops.
Each generated case runs inside ``print(pcall(function() ... end))`` so errors
are compared as messages (with their "expr.lua:LINE:" positions), not just as
"it failed".  The expected output is always computed by real Lua in the test.

Reproducibility: ``derandomize=True`` and no example database, so CI runs the
same examples every time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "golden"))

from corpus import run_llmspell  # noqa: E402
from lua_reference import run_reference  # noqa: E402

CHUNK = "expr.lua"

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def assert_same_as_lua(source: str) -> None:
    expected = run_reference(source, CHUNK)
    assert run_llmspell(source, CHUNK, "lua") == expected, source


# ---------------------------------------------------------------------------
# (a) expressions

NUMBER_LITERALS = [
    "0", "1", "-1", "2", "3", "7", "-13", "255", "0x10", "0xff",
    "math.maxinteger", "math.mininteger", "0.5", "-0.0", "0.1", "3.7", "-2.5",
    "1e308", "1e15", "1e16", "2^53", "2^63", "math.huge", "-math.huge",
]
STRING_LITERALS = ["'10'", "'3.0'", "'0x10'", "' 5 '", "'1e1'", "'abc'", "''", "'-7'"]
# Locals of the enclosing chunk (upvalues inside the pcall'd function) and one
# undefined global, so error messages name "upvalue 'x'" and "global 'g'".
EXPR_PRELUDE = "local i, j, f, s, t, n = 5, -3, 1.5, '8', 'txt', nil\n"
VARIABLES = ["i", "j", "f", "s", "t", "n", "g"]

BINARY_OPS = ["+", "-", "*", "/", "//", "%", "^", "&", "|", "~", "<<", ">>",
              "==", "~=", "<", "<=", ">", ">=", "..", "and", "or"]
UNARY_OPS = ["-", "~", "not", "#"]

atoms = st.sampled_from(NUMBER_LITERALS + STRING_LITERALS + VARIABLES)


def _extend(children):
    # Operators are surrounded by spaces: "a - -1" must not become a comment
    # ("--1") and "1 .. 2" must not become a malformed number ("1..2").
    binary = st.builds(lambda a, op, b: f"{a} {op} {b}", children, st.sampled_from(BINARY_OPS), children)
    unary = st.builds(lambda op, a: f"{op} {a}", st.sampled_from(UNARY_OPS), children)
    paren = children.map(lambda a: f"({a})")
    return st.one_of(binary, unary, paren)


expressions = st.recursive(atoms, _extend, max_leaves=6)


@SETTINGS
@given(st.lists(expressions, min_size=1, max_size=4))
def test_expressions_match_lua(exprs):
    lines = [f"print(pcall(function() return {e} end))" for e in exprs]
    assert_same_as_lua(EXPR_PRELUDE + "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------
# (b) statement sequences
#
# Values stored into the table are never nil (no nil literal; variables start
# at 0), and integer keys are only appended (t[#t + 1]) or overwritten at #t,
# so the table never has holes: '#t' is then the same in every correct Lua.

STMT_PRELUDE = "local t = {}\nlocal v1, v2, v3 = 0, 0, 0\n"
STMT_EPILOGUE = (
    "local parts = {}\n"
    "for k = 1, #t do parts[k] = tostring(t[k]) end\n"
    "print(v1, v2, v3, #t, t.x, t.y, t.z, table.concat(parts, ','))\n"
)

VALUE_ATOMS = ["0", "1", "2", "-3", "10", "2.5", "0.5", "'a'", "'bc'", "'4'", "'1.5'", "true", "v1", "v2", "v3"]
FIELDS = ["x", "y", "z"]
VALUE_OPS = ["+", "-", "*", "//", "%", "..", "<", "==", "and", "or"]

values = st.recursive(
    st.sampled_from(VALUE_ATOMS),
    lambda c: st.builds(lambda a, op, b: f"({a} {op} {b})", c, st.sampled_from(VALUE_OPS), c),
    max_leaves=3,
)
variables = st.sampled_from(["v1", "v2", "v3"])
fields = st.sampled_from(FIELDS)


def _simple_statements():
    return st.one_of(
        st.builds(lambda v, e: f"{v} = {e}", variables, values),
        st.builds(lambda e: f"local v1 = {e}", values),
        st.builds(lambda k, e: f"t.{k} = {e}", fields, values),
        st.builds(lambda e: f"t[#t + 1] = {e}", values),
        st.builds(lambda e: f"t[#t] = {e}", values),
        st.builds(lambda es, k, e: f"t = {{{', '.join(es)}{', ' if es else ''}{k} = {e}}}",
                  st.lists(values, max_size=3), fields, values),
        st.builds(lambda v: f"{v} = #t", variables),
        st.builds(lambda v, a, b: f"{v} = t.{a} .. t.{b}", variables, fields, fields),
        st.builds(lambda v, a: f"{v} = {v} + (t.{a} or 0)", variables, fields),
    )


def _compound(children):
    blocks = st.lists(children, min_size=1, max_size=3).map("\n".join)
    if_else = st.builds(lambda c, a, b: f"if {c} then\n{a}\nelse\n{b}\nend", values, blocks, blocks)
    if_only = st.builds(lambda c, a: f"if {c} then\n{a}\nend", values, blocks)
    for_loop = st.builds(
        lambda lo, hi, step, body: f"for i = {lo}, {hi}{step} do\n{body}\nv3 = v3 + i\nend",
        st.integers(-2, 3), st.integers(-2, 4), st.sampled_from(["", ", 2", ", -1", ", 0.5"]), blocks)
    return st.one_of(if_else, if_only, for_loop)


statements = st.recursive(_simple_statements(), _compound, max_leaves=8)


@SETTINGS
@given(st.lists(statements, min_size=1, max_size=6))
def test_statement_sequences_match_lua(stmts):
    body = "\n".join(stmts)
    source = f"{STMT_PRELUDE}print(pcall(function()\n{body}\nend))\n{STMT_EPILOGUE}"
    assert_same_as_lua(source)
