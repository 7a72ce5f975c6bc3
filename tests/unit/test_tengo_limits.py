"""Tengo spells under the same limits, error positions and sandbox as Lua and
JavaScript: every limit is a clean LimitExceeded with its position; runtime
errors name file:line:col; nothing reaches Python."""
import pytest
from limit_helpers import assert_exact_instruction_count, runner

import llmspell

run, limit_of = runner("tengo", "lim.tengo")


def test_instructions_with_position():
    e = limit_of("n := 0\nfor {\n  n++\n}", max_instructions=1000)
    assert e.limit == "instructions" and e.count == 1000
    assert e.span.file == "lim.tengo" and e.span.line in (2, 3)


def test_instruction_count_is_exact_and_repeatable():
    src = 'fmt := import("fmt")\ns := 0\nfor i := 1; i <= 100; i++ { s += i }\nfmt.println(s)'
    assert_exact_instruction_count(run, limit_of, src, "5050\n")


@pytest.mark.parametrize("src", [
    "a := []\nfor { a = append(a, 1) }",                                 # array growth
    's := "x"\nfor { s = s + s }',                                      # string doubling
    'm := {}\nfor i := 0; true; i++ { m[string(i)] = i }',              # map growth
    'text := import("text")\nx := text.repeat("x", 100000000)',          # one huge repeat
])
def test_memory_bombs_end_cleanly(src):
    e = limit_of(src, max_memory=2_000_000, max_instructions=10_000_000)
    assert e.limit in ("memory", "string length")
    assert e.span.file == "lim.tengo"


def test_deep_recursion_is_the_depth_limit():
    e = limit_of("f := func(n) { return f(n + 1) + 1 }\nf(1)", max_depth=50)
    assert e.limit == "call depth" and e.count == 50 and e.span.line == 1


def test_catastrophic_regexp_is_metered():
    e = limit_of('text := import("text")\ntext.re_match("(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")',
                 max_instructions=200_000)
    assert e.limit == "instructions"


def test_runtime_error_position_and_wording():
    with pytest.raises(llmspell.ScriptError) as info:
        run("f := func(a, b) { return a / b }\nx := 1\nf(x, 0)")
    e = info.value
    assert e.message == "runtime error: integer divide by zero"
    assert (e.span.line, e.span.col) == (1, 26)
    assert [s.line for s in e.traceback] == [1, 3]
    assert "lim.tengo:1:26" in e.render()


def test_wrong_argument_count_and_not_callable():
    with pytest.raises(llmspell.ScriptError, match="wrong number of arguments: want=2, got=1"):
        run("f := func(a, b) { return a }\nf(1)")
    with pytest.raises(llmspell.ScriptError, match="not callable: int"):
        run("x := 5\nx()")


def test_syntax_and_compile_errors_name_the_position():
    with pytest.raises(llmspell.ParseError) as info:
        run("a := 1\nb := (2 +\n")
    assert info.value.span.line >= 2
    with pytest.raises(llmspell.CompileError) as info:
        run("a := 1\na := 2")
    assert info.value.span.line == 2 and "redeclared" in info.value.message
    with pytest.raises(llmspell.CompileError, match="module 'os' is not available"):
        run('os := import("os")')


def test_builtins_are_declared_in_the_outermost_block():
    """Real tengo (tgo-test): ``len := 7`` at the top level fails with
    ``Compile Error: 'len' redeclared in this block``; in an inner block or a
    function it shadows the builtin (both print 3)."""
    with pytest.raises(llmspell.CompileError, match="'len' redeclared in this block") as info:
        run("len := 7")
    assert (info.value.span.line, info.value.span.col) == (1, 1)
    assert run('fmt := import("fmt")\nif true { len := 3; fmt.println(len) }').output == "3\n"
    assert run('fmt := import("fmt")\nf := func() { len := 3; return len }\nfmt.println(f())').output == "3\n"


@pytest.mark.parametrize("probe, outcome", [
    ("len.__class__", "not indexable: string"),            # a builtin: no selectors at all
    ('"".__class__', "invalid index type: string"),                 # (each outcome is real tengo's)
    ("[].__class__", "invalid index type: string"),
    ('import("fmt").__dict__', None),                     # a module: a map, the key is just missing
    ("{}.__class__", None),
    ('error("x").__class__', "invalid index on error"),
])
def test_no_escape_to_python(probe, outcome):
    """Python attributes are never reached: a selector is a key lookup on the
    value's own contents, or tengo's own error."""
    src = f'fmt := import("fmt")\nfmt.println(is_undefined({probe}))'
    if outcome is None:
        assert run(src).output == "true\n"
    else:
        with pytest.raises(llmspell.ScriptError) as info:
            run(src)
        assert info.value.message == outcome
