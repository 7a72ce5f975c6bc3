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
    """Lua's varinfo text: " (local 'x')", or "" when nothing is known."""
    named = name_register(fn, pc, reg)
    return f" ({named[0]} '{named[1]}')" if named else ""


def name_register(fn: Function, pc: int, reg: int):
    """``(kind, name)`` for the value in *reg* at *pc* — kind is local, global,
    field, upvalue, method or constant — or ``None``."""
    if reg < 0:
        k = fn.consts[-1 - reg]
        return ("constant", k) if type(k) is str else None
    lv = _active_local(fn, pc, reg)
    if lv is not None and not lv.boxed:
        return ("local", lv.name)
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
            return ("global", fn.consts[ins[2]])
        if op == Op.GET_FIELD:
            return ("field", fn.consts[ins[3]])
        if op == Op.GET_INDEX:
            key = ins[3]
            if key < 0:
                k = fn.consts[-1 - key]
                if type(k) is str:
                    return ("field", k)
                if type(k) is int:
                    return ("field", "integer index")
            return ("field", "?")
        if op == Op.LOAD_UPVAL:
            return ("upvalue", fn.upvals[ins[2]].name)
        if op == Op.SELF and reg == ins[1]:
            return ("method", fn.consts[ins[3]])
        if op == Op.LOAD_CONST and type(fn.consts[ins[2]]) is str:
            return ("constant", fn.consts[ins[2]])
        if op == Op.MOVE:
            src = _active_local(fn, p, ins[2])
            if src is not None and not src.boxed:
                return ("local", src.name)
        if op == Op.LOAD_BOX:
            src = _active_local(fn, p, ins[2])
            if src is not None:
                return ("local", src.name)
        return None
    return None
