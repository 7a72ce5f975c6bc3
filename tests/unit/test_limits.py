"""Each limit ends the spell with a clean LimitExceeded naming the limit, the
count and the script position; scripts cannot catch it."""
import pytest
from limit_helpers import runner
from llmspell.sandbox.policy import Limits

run, limit_of = runner("lua", "lim.lua")


def test_instructions():
    e = limit_of("local n = 0\nwhile true do\n  n = n + 1\nend", max_instructions=1000)
    assert e.limit == "instructions" and e.count == 1000
    assert (e.span.file, e.span.line) == ("lim.lua", 3)
    assert e.headline().startswith("LimitExceeded: instructions (1000) at lim.lua:3:")


def test_instruction_count_is_exact_and_repeatable():
    src = "local s = 0\nfor i = 1, 100 do s = s + i end\nreturn s"
    a, b = run(src), run(src)
    assert a.values == [5050]
    assert a.instructions == b.instructions > 200
    # exactly at the limit succeeds; one less fails
    run(src, max_instructions=a.instructions)
    limit_of(src, max_instructions=a.instructions - 1)


def test_pcall_cannot_catch_a_limit():
    e = limit_of("print(pcall(function() while true do end end))", max_instructions=500)
    assert e.limit == "instructions"


def test_call_depth():
    e = limit_of("local function f(n) return f(n + 1) + 1 end\nf(1)", max_depth=50)
    assert e.limit == "call depth" and e.count == 50
    assert e.span.line == 1


def test_deep_recursion_default_is_clean():
    e = limit_of("local function f(n) return 1 + f(n + 1) end\nprint(f(1))")
    assert e.limit == "call depth"


def test_memory():
    e = limit_of("local t = {}\nfor i = 1, 1e9 do t[i] = {} end", max_memory=1_000_000)
    assert e.limit == "memory" and e.span.line == 2


def test_string_length():
    e = limit_of('local s = "x"\nwhile true do s = s .. s end', max_string=10_000)
    assert e.limit == "string length" and e.span.line == 2


def test_string_rep_is_checked_before_building():
    e = limit_of('local s = string.rep("x", 1 << 40)', max_string=1 << 20)
    assert e.limit == "string length"


def test_timeout():
    e = limit_of("while true do end", timeout=0.2)
    assert e.limit == "timeout"


def test_library_work_is_charged():
    cheap = run('local s = string.rep("ab", 10)').instructions
    dear = run('local s = string.rep("ab", 10000)').instructions
    assert dear > cheap + 1000


def test_deep_limits_run_on_a_big_stack_without_crashing():
    # recursion through __index nests several Python frames per level; a depth
    # limit beyond what the main C stack holds must still end cleanly
    src = ("local t = setmetatable({}, {__index = function(t, k) return t[k + 1] end})\n"
           "return t[1]")
    e = limit_of(src, max_depth=20_000)
    assert e.limit == "call depth" and e.count == 20_000
    ok = run("local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end\nreturn f(15000)",
             max_depth=20_000)
    assert ok.values == [15000]


def test_limits_are_validated():
    with pytest.raises(ValueError):
        Limits(max_depth=0)
    with pytest.raises(ValueError):
        Limits(max_instructions=-5)
