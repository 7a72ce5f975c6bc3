"""Naming the culprit of an error from IR, the way Lua's ``ldebug.c`` does.

Given a function, a pc and a register, :func:`describe_register` answers
" (local 'x')", " (global 'f')", " (field 'y')", " (upvalue 'u')",
" (method 'm')" or " (constant 'abc')" by looking at the active locals and,
failing that, at the instruction that last wrote the register in the same
straight-line code.  It runs only when an error is being reported.
"""
from __future__ import annotations

from ..ir.model import Function
from ..ir.opcodes import OPCODES, OPENS, Op, registers


def _active_local(fn: Function, pc: int, reg: int):
    for lv in fn.locvars:
        if lv.reg == reg and lv.start <= pc < lv.end:
            return lv
    return None


def describe_register(fn: Function, pc: int, reg: int) -> str:
    if reg < 0:
        k = fn.consts[-1 - reg]
        return f" (constant '{k}')" if type(k) is str else ""
    lv = _active_local(fn, pc, reg)
    if lv is not None and not lv.boxed:
        return f" (local '{lv.name}')"
    # scan back for the writer of reg within straight-line code
    for p in range(pc - 1, -1, -1):
        ins = fn.code[p]
        op = ins[0]
        if OPCODES[op].flags & OPENS or op in (Op.END, Op.ELSE, Op.IF):
            break
        _, writes = registers(ins)
        if reg not in writes:
            continue
        if op == Op.LOAD_GLOBAL:
            return f" (global '{fn.consts[ins[2]]}')"
        if op == Op.GET_FIELD:
            return f" (field '{fn.consts[ins[3]]}')"
        if op == Op.GET_INDEX and ins[3] < 0 and type(fn.consts[-1 - ins[3]]) is str:
            return f" (field '{fn.consts[-1 - ins[3]]}')"
        if op == Op.LOAD_UPVAL:
            return f" (upvalue '{fn.upvals[ins[2]].name}')"
        if op == Op.SELF and reg == ins[1]:
            return f" (method '{fn.consts[ins[3]]}')"
        if op == Op.LOAD_CONST and type(fn.consts[ins[2]]) is str:
            return f" (constant '{fn.consts[ins[2]]}')"
        if op == Op.MOVE:
            src = _active_local(fn, p, ins[2])
            if src is not None and not src.boxed:
                return f" (local '{src.name}')"
        if op == Op.LOAD_BOX:
            src = _active_local(fn, p, ins[2])
            if src is not None:
                return f" (local '{src.name}')"
        return ""
    return ""
