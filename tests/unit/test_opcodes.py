"""The opcode table is the single source of truth: check it is consistent and
that every consumer (code generator, disassembler, serializer) covers every row."""
from llmspell.ir import opcodes
from llmspell.ir.opcodes import OPCODES, Op
from llmspell.vm import codegen

KINDS = set("R r A K U F L N M B".split())


def test_names_unique_and_numbered_by_position():
    names = [spec.name for spec in OPCODES]
    assert len(names) == len(set(names))
    for i, spec in enumerate(OPCODES):
        assert getattr(Op, spec.name) == i
        assert opcodes.BY_NAME[spec.name] == i


def test_rows_are_well_formed():
    for spec in OPCODES:
        assert spec.name.isupper()
        assert set(spec.kinds) <= KINDS, spec
        assert spec.fuel >= 0
        assert spec.doc
        if spec.flags & opcodes.LABEL:
            assert spec.kinds[0] == "L"


def test_every_opcode_has_a_code_generator_in_every_language():
    for lang in ("lua", "javascript", "tengo"):
        handlers = codegen._generator_for(lang).HANDLERS
        assert len(handlers) == len(OPCODES)
        assert all(callable(h) for h in handlers)


def test_region_markers_cost_nothing_and_work_costs_fuel():
    markers = ("ELSE", "END", "BLOCK", "TRY", "CATCH", "FINALLY")
    for name in markers:
        assert OPCODES[getattr(Op, name)].fuel == 0
    for spec in OPCODES:
        if spec.name not in markers:
            assert spec.fuel >= 1, spec.name        # loops included: an empty loop must burn fuel
