"""Codegen golden: the IR the Lua front end produces for small programs, as the
disassembler prints it (the format is llmspell's own; reviewed by hand)."""
import textwrap

import llmspell
from llmspell.ir.disasm import iter_instructions
from llmspell.ir.opcodes import OPCODES


def disasm(src):
    return llmspell.compile(src, "lua", "t.lua", cache=False).disasm()


def test_function_call_and_return():
    got = disasm("local function add(a, b)\n  return a + b\nend\nprint(add(1, 2))\n")
    assert got == textwrap.dedent("""\
        ; module t.lua (lua), 2 function(s)

        function main chunk (#0) <t.lua:1:1> params=0 vararg regs=5 upvals=0 consts=3
             1| local function add(a, b)
                   0  CLOSURE      r0(add) <add>
             4| print(add(1, 2))
                   1  LOAD_GLOBAL  r1 'print'
                   2  MOVE         r2 r0(add)
                   3  LOAD_CONST   r3 1
                   4  LOAD_CONST   r4 2
                   5  CALL         r2 2 all 0
                   6  CALL         r1 1 0 1
                   7  RETURN       r0 0 0

        function add (#1) <t.lua:1:7> params=2 regs=3 upvals=0 consts=0
             2| return a + b
                   0  ADD          r2 r0(a) r1(b)
                   1  RETURN       r2 1 0
                   2  RETURN       r2 0 0
        """)


def test_structured_loop_regions_are_indented():
    got = disasm("local i = 0\nwhile i < 3 do\n  i = i + 1\nend\n")
    body = [" ".join(line.split()) for line in got.splitlines() if line.startswith("        ")]
    assert body == ["0 LOAD_CONST r0 0", "1 LOOP L1", "2 LT r1 r0(i) 3", "3 IF r1 1", "4 BREAK L1",
                    "5 END", "6 ADD r0(i) r0(i) 1", "7 END", "8 RETURN r0 0 0"]
    assert "           4      BREAK" in got     # BREAK sits two regions deep


def test_captured_and_reassigned_locals_are_boxed():
    got = disasm("local n = 0\nlocal function inc() n = n + 1 end\ninc()\n")
    assert "BOX          r0(n) r0(n)" in got
    assert "LOAD_UPVAL" in got and "STORE_UPVAL" in got


def test_every_instruction_decodes_with_its_opcode_name():
    program = llmspell.compile(open("examples/fib.lua").read(), "lua", "fib.lua", cache=False)
    names = {spec.name for spec in OPCODES}
    for fn in program.module.functions:
        for ins in iter_instructions(program.module, fn):
            assert ins.opname in names and ins.span.line > 0
