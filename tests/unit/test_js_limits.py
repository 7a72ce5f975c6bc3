"""JavaScript spells under the same limits, error positions and compile-time
refusals as Lua: every limit is a clean LimitExceeded with its position that
``catch`` cannot swallow; every error names file:line:col; what the VM does not
run is a compile error naming the construct."""
import pytest
from limit_helpers import assert_exact_instruction_count, runner

import llmspell

run, limit_of = runner("javascript", "lim.js")


def test_instructions_with_position():
    e = limit_of("let n = 0;\nwhile (true) {\n  n++;\n}", max_instructions=1000)
    assert e.limit == "instructions" and e.count == 1000
    assert e.span.file == "lim.js" and e.span.line in (2, 3)     # inside the loop it never leaves


def test_instruction_count_is_exact_and_repeatable():
    src = "let s = 0;\nfor (let i = 1; i <= 100; i++) s += i;\nconsole.log(s);"
    assert_exact_instruction_count(run, limit_of, src, "5050\n")


def test_catch_and_finally_cannot_swallow_a_limit():
    e = limit_of("try { for (;;) {} } catch (e) { console.log('caught'); } finally { console.log('finally'); }",
                 max_instructions=500)
    assert e.limit == "instructions"


@pytest.mark.parametrize("src", [
    "const a = []; for (;;) a.push(1);",                                 # array growth
    "let s = 'x'; for (;;) s = s + s;",                                  # string doubling
    "const o = {}; for (let i = 0; ; i++) o['k' + i] = i;",              # object growth
    "'x'.repeat(5e7);",                                                  # one huge repeat
    "const a = []; a[1e9] = 1;",                                         # a far index
])
def test_memory_bombs_end_cleanly(src):
    e = limit_of(src, max_memory=2_000_000, max_instructions=10_000_000)
    assert e.limit in ("memory", "string length")
    assert e.span.file == "lim.js" and e.span.line == 1


def test_deep_recursion_is_the_depth_limit():
    e = limit_of("function f(n) { return f(n + 1) + 1; }\nf(1);", max_depth=50)
    assert e.limit == "call depth" and e.count == 50 and e.span.line == 1


def test_generator_and_promise_bombs():
    limit_of("function* g() { let i = 0; for (;;) yield i++; }\nfor (const x of g()) {}", max_instructions=20_000)
    limit_of("let p = Promise.resolve(0);\nfor (;;) p = p.then((x) => x + 1);", max_memory=2_000_000,
             max_instructions=10_000_000)


def test_catastrophic_regexp_is_metered():
    e = limit_of("/(a+)+$/.test('a'.repeat(40) + '!');", max_instructions=200_000)
    assert e.limit == "instructions" and e.span.line == 1


def test_runtime_error_positions_and_messages():
    with pytest.raises(llmspell.ScriptError) as info:
        run("const o = {};\nfunction f() {\n  return o.a.b;\n}\nf();")
    e = info.value
    assert e.message == "TypeError: Cannot read properties of undefined (reading 'b')"
    assert (e.span.line, e.span.col) == (3, 10)
    assert [s.line for s in e.traceback] == [3, 5]
    text = e.render()
    assert "lim.js:3:10" in text and "return o.a.b;" in text and "^" in text


def test_syntax_errors_name_the_position():
    with pytest.raises(llmspell.ParseError) as info:
        run("let x = 1;\nlet y = ;")
    assert info.value.span.line == 2 and "Unexpected token" in info.value.message


@pytest.mark.parametrize("src, construct", [
    ("let big = 10n;", "the literal 10n"),
    ("const r = /\\p{Emoji}/u;", "unsupported: \\p{Emoji}"),      # a pattern the RegExp engine refuses
    ("class A { static { } }", "static blocks"),
])
def test_unsupported_syntax_is_a_compile_error_naming_it(src, construct):
    with pytest.raises(llmspell.CompileError) as info:
        run(src)
    assert construct in info.value.message
    [found] = llmspell.check(src, "javascript", "lim.js").findings      # found without running anything
    assert construct in found.message


def test_no_escape_to_python():
    out = run("""
        const probes = [(() => {}).__class__, "".__class__, [].__proto__.__class__,
                        console.log.__globals__, Object.__subclasses__, (1).__class__];
        console.log(probes.every((p) => p === undefined));
        try { require("fs"); } catch (e) { console.log(e.name, e.message); }
        console.log(typeof process, typeof globalThis.eval, typeof Function);
        try { Function("return 1")(); } catch (e) { console.log(e.message); }
    """).output
    assert out == ("true\nReferenceError require is not defined\nundefined undefined function\n"
                   "Function constructor is not available in llmspell\n")
