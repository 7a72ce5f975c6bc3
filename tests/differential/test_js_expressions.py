"""Differential test of JavaScript's coercion rules: generated expressions must
print the same on llmspell as on node.

The values are the ones interpreters get wrong -- signed zero, NaN, 1e21,
2**53, numeric-looking strings (" 12 ", "0x1f", "1e3", "-0"), null versus
undefined, arrays that stringify to "" or "1,2", and objects whose valueOf or
toString decides the result -- combined under every unary and binary
operator, the conditional and the comma operator, nested up to depth 3.

Each program prints every result through ``show`` (written in JavaScript, so
both sides format it with their own String()), which keeps types apart
("number:1" vs "string:1"), makes -0 visible and names a thrown error instead
of failing.  The expected output is always computed by node in the test, in
one persistent process (tests/js_node.py).

Two tests: the hypothesis property test (random nesting), and operator tables
(every operator over every ordered pair of values, the full truth table that
random sampling cannot promise).  Reproducibility: ``derandomize=True``, no
example database.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from js_node import node_path, shared_session

pytestmark = pytest.mark.skipif(node_path() is None, reason="node is not installed")

CHUNK = "expr.js"

# Every atom is a self-contained primary expression (signed numbers are
# parenthesised: `-0 ** 2` is a SyntaxError, `(-0) ** 2` is not).
NUMBERS = ["0", "(-0)", "1.5", "(-7)", "NaN", "Infinity", "1e21", "(2 ** 53)", "0.1"]
STRINGS = [json.dumps(s) for s in ["", "0", " 12 ", "abc", "1e3", "-0", "0x1f", "\n"]]
OTHERS = [
    "null", "undefined", "true", "false", "[]", "[1]", "[1, 2]", "[null]", "{}",
    "{ valueOf() { return 7; } }", '{ toString() { return "5"; } }',
]
ATOMS = NUMBERS + STRINGS + OTHERS

UNARY = ["!", "-", "+", "~", "typeof", "void"]
BINARY = [
    "+", "-", "*", "/", "%", "**", "==", "!=", "===", "!==", "<", ">", "<=", ">=",
    "&", "|", "^", "<<", ">>", ">>>", "&&", "||", "??", ",",
]

# `show` must tell apart every value an expression over ATOMS can produce, on
# one line: the type, -0, strings quoted (they may hold "\n"), arrays by
# content; a String() that throws is reported too.
PRELUDE = r"""const show = v => {
  try {
    if (Object.is(v, -0)) return "number:-0";
    if (Array.isArray(v)) return "array:" + JSON.stringify(v);
    if (typeof v === "string") return "string:" + JSON.stringify(v);
    return typeof v + ":" + String(v);
  } catch (e) {
    return "unprintable:" + e.name;
  }
};
const check = f => {
  let text;
  try { text = show(f()); } catch (e) { text = "throws:" + e.name; }
  console.log(text);
};
"""


def expressions(depth: int):
    """Expressions nested at most ``depth`` operators deep; every compound is
    parenthesised, so precedence never changes what was generated."""
    atoms = st.sampled_from(ATOMS)
    if depth == 0:
        return atoms
    sub = expressions(depth - 1)
    unary = st.builds(lambda op, a: f"({op} {a})", st.sampled_from(UNARY), sub)
    binary = st.builds(lambda a, op, b: f"({a} {op} {b})", sub, st.sampled_from(BINARY), sub)
    conditional = st.builds(lambda c, a, b: f"({c} ? {a} : {b})", sub, sub, sub)
    return st.one_of(atoms, unary, binary, conditional)


def program(exprs: list[str]) -> str:
    return PRELUDE + "".join(f"check(() => ({e}));\n" for e in exprs)


def run_llmspell(source: str) -> str:
    """What the program printed on llmspell.  A script or compile error is
    returned as text so the comparison shows it next to node's output."""
    from llmspell import api
    from llmspell.errors import LlmspellError

    out = io.StringIO()
    try:
        api.run(source, lang="javascript", name=CHUNK, stdout=out)
    except LlmspellError as exc:
        return f"{out.getvalue()}<llmspell failed: {type(exc).__name__}: {exc}>\n"
    return out.getvalue()


def assert_same_as_node(source: str) -> None:
    node = shared_session().run(source, CHUNK)
    assert node.error is None, f"the generated program fails on node: {node.error}\n{source}"
    actual = run_llmspell(source)
    if actual != node.output:
        pytest.fail(
            f"llmspell differs from node\n--- source\n{source}--- node\n{node.output}--- llmspell\n{actual}",
            pytrace=False,
        )


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(expressions(3), min_size=1, max_size=4))
def test_expressions_match_node(exprs):
    source = program(exprs)
    note(source)
    assert_same_as_node(source)


def table_program(op: str) -> str:
    """``op`` over every ordered pair of ATOMS (or every atom, for a unary
    operator), built by loops so the program stays small.  Atoms are thunks:
    each use gets a fresh object, as a literal in an expression would."""
    thunks = ",\n  ".join(f"() => ({a})" for a in ATOMS)
    values = f"const values = [\n  {thunks},\n];\n"
    if op in UNARY:
        body = f"for (const a of values) check(() => ({op} a()));\n"
    else:
        body = f"for (const a of values) for (const b of values) check(() => (a() {op} b()));\n"
    return PRELUDE + values + body


@pytest.mark.parametrize("op", UNARY + BINARY)
def test_operator_table_matches_node(op):
    assert_same_as_node(table_program(op))
