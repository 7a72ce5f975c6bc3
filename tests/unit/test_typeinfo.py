"""The int-register analysis that lets the code generator drop type guards:
where it proves ints, and that programs whose types change keep Lua's results
(expected outputs from real Lua 5.4 through lupa)."""
import pytest

import llmspell
from llmspell.ir.opcodes import Op
from llmspell.vm.typeinfo import int_facts

lupa = pytest.importorskip("lupa")


def facts_at(src, opname):
    fn = llmspell.compile(src, "lua", "t.lua", cache=False).module.functions[0]
    facts = int_facts(fn)
    return [(ins, facts[pc]) for pc, ins in enumerate(fn.code) if ins[0] == getattr(Op, opname)]


def test_integer_loop_accumulator_stays_int():
    [(ins, facts)] = facts_at("local s = 0\nfor i = 1, 10 do s = s + i * 2 end\nreturn s", "ADD")
    assert ins[2] in facts and ins[3] in facts


def test_a_float_write_in_the_loop_kills_the_fact():
    [(ins, facts)] = facts_at("local s = 0\nfor i = 1, 10 do s = s + 1; s = s / 2 end\nreturn s", "ADD")
    assert ins[2] not in facts


def test_float_step_loop_variable_is_not_int():
    [(ins, facts)] = facts_at("local s = 0\nfor i = 1, 2, 0.5 do s = s + i end\nreturn s", "ADD")
    assert ins[3] not in facts


def test_a_call_in_one_branch_kills_the_fact_after_the_if():
    [(ins, facts)] = facts_at("local x = 1\nif g then x = g() end\nreturn x + 1", "ADD")
    assert ins[2] not in facts


def lua(src):
    L = lupa.lua54.LuaRuntime()
    out = []
    L.globals().print = lambda *a: out.append("\t".join(L.globals().tostring(x) for x in a))
    L.execute(src)
    return "\n".join(out) + "\n"


PROGRAMS = [
    # int that overflows into wraparound inside a loop
    "local s = math.maxinteger - 5\nfor i = 1, 10 do s = s + 1 end\nprint(s)",
    # int turning float mid-loop, then used in integer-looking arithmetic
    "local s = 1\nfor i = 1, 5 do if i == 3 then s = s / 2 end s = s * 3 end\nprint(s, math.type(s))",
    # loop variable from a string limit, and // and % by negative constants
    "local t = {}\nfor i = 1, '4' do t[#t + 1] = (i * 7) // -2 .. ',' .. (i % -3) end\nprint(table.concat(t, ' '))",
    # a while loop whose counter becomes a float through a function call
    "local function half(x) return x / 2 end\nlocal n, k = 64, 0\nwhile n > 1 do n = half(n) k = k + 1 end\nprint(n, k)",
    # bitwise on ints known and unknown
    "local a = 0\nfor i = 1, 20 do a = a ~ (i << (i % 5)) end\nprint(a, a & 0xff, ~a)",
]


@pytest.mark.parametrize("src", PROGRAMS)
def test_programs_whose_types_change_match_lua(src):
    assert llmspell.run(src).output == lua(src)
