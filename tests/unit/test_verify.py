"""The verifier rejects each kind of malformed module before anything runs."""
import pytest

from llmspell.ir.errors import VerifyError
from llmspell.ir.model import Function, Module, Upval
from llmspell.ir.opcodes import BY_NAME
from llmspell.ir.source import Span
from llmspell.ir.verify import verify

S = Span("t.lua", 1, 1)


def ins(name, *operands):
    return (BY_NAME[name], *operands)


def module(*code, nregs=4, consts=("x",), upvals=(), children=(), extra=()):
    fn = Function(name="main", span=S, nregs=nregs, consts=list(consts), code=list(code),
                  spans=[S] * len(code), upvals=list(upvals), children=list(children))
    return Module(lang="lua", name="t.lua", source="", functions=[fn, *extra])


def ok(*code, **kw):
    return verify(module(*code, **kw))


def bad(match, *code, **kw):
    with pytest.raises(VerifyError, match=match):
        verify(module(*code, **kw))


def test_a_well_formed_module_passes():
    ok(ins("LOAD_CONST", 0, 0), ins("LOOP", 1), ins("IF", 0, 0), ins("BREAK", 1), ins("END"),
       ins("CONTINUE", 1), ins("END"), ins("RETURN", 0, 1, 0))


def test_unknown_opcode():
    bad("unknown opcode", (999, 0))


def test_wrong_operand_count():
    bad("takes 2 operands", (BY_NAME["MOVE"], 0))


def test_register_out_of_range():
    bad("register 9 out of range", ins("MOVE", 9, 0))


def test_variadic_register_range_out_of_range():
    bad("register .* out of range", ins("CALL", 2, 3, 1, 0))


def test_constant_out_of_range():
    bad("constant 5 out of range", ins("LOAD_CONST", 0, 5))
    bad("constant 3 out of range", ins("ADD", 0, 1, -4))


def test_field_names_must_be_strings():
    bad("field name is not a string", ins("GET_FIELD", 0, 1, 0), consts=(1,))


def test_upvalue_out_of_range():
    bad("upvalue 0 out of range", ins("LOAD_UPVAL", 0, 0))


def test_main_cannot_have_upvalues():
    bad("main function cannot have upvalues", ins("RETURN", 0, 0, 0), upvals=[Upval("x", True, 0)])


def test_child_index_out_of_range():
    bad("child function index", ins("RETURN", 0, 0, 0), children=[7])


def test_closure_operand_out_of_range():
    bad("function 0 out of range", ins("CLOSURE", 0, 0))


def test_child_capturing_missing_register():
    child = Function(name="f", span=S, upvals=[Upval("x", True, 50)])
    bad("captures register 50", ins("RETURN", 0, 0, 0), children=[1], extra=[child])


def test_unclosed_region():
    bad("not closed", ins("LOOP", 1))


def test_end_without_region():
    bad("END without", ins("END"))


def test_else_outside_if():
    bad("ELSE outside", ins("LOOP", 1), ins("ELSE"), ins("END"))


def test_break_to_unknown_label():
    bad("names no enclosing region", ins("LOOP", 1), ins("BREAK", 2), ins("END"))


def test_continue_must_name_a_loop():
    bad("not a loop", ins("BLOCK", 1), ins("CONTINUE", 1), ins("END"))


def test_jumps_cannot_target_a_to_be_closed_region():
    bad("to-be-closed", ins("TBC", 1, 0), ins("BREAK", 1), ins("END"))


def test_duplicate_label():
    bad("defined twice", ins("BLOCK", 1), ins("END"), ins("BLOCK", 1), ins("END"))


def test_bad_flag_and_counts():
    bad("flag 2", ins("LOAD_BOOL", 0, 2))
    bad("result count", ins("CALL", 0, 0, -2, 0))


def test_line_table_must_match_code():
    m = module(ins("RETURN", 0, 0, 0))
    m.functions[0].spans = []
    with pytest.raises(VerifyError, match="line table"):
        verify(m)
