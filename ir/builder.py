"""Emitting IR: the helpers every front end's ``lower`` pass uses.

:class:`FunctionBuilder` appends instructions (each with its span), interns
constants, hands out registers in a stack discipline (``alloc``/``free_to``, as
Lua's ``luaK_reserveregs``) and labels for structured regions.  It checks each
instruction's operand count against the opcode table as it is emitted, so a
lowering bug fails at the line that made it.
"""
from __future__ import annotations

import math

from .model import Function, LocVar, Upval
from .opcodes import BY_NAME, OPCODES
from .source import Span


def const_key(v):
    """Constants are interned by type and value, keeping 1, 1.0, True and -0.0 apart."""
    if type(v) is float:
        if v != v:
            return ("nan", math.copysign(1.0, v))
        if v == 0.0:
            return ("zero", math.copysign(1.0, v))
    return (type(v).__name__, v)


class FunctionBuilder:
    def __init__(self, name: str, span: Span):
        self.fn = Function(name=name, span=span)
        self._consts: dict = {}
        self.top = 0                  # first free register
        self._labels = 0

    # -- registers -----------------------------------------------------------------------
    def alloc(self, n: int = 1) -> int:
        r = self.top
        self.top += n
        if self.top > self.fn.nregs:
            self.fn.nregs = self.top
        return r

    def free_to(self, top: int):
        self.top = top

    # -- constants, labels, upvalues -----------------------------------------------------
    def const(self, v) -> int:
        key = const_key(v)
        k = self._consts.get(key)
        if k is None:
            k = self._consts[key] = len(self.fn.consts)
            self.fn.consts.append(v)
        return k

    def rk(self, v) -> int:
        """The ``A`` operand encoding of constant *v*."""
        return -1 - self.const(v)

    def label(self) -> int:
        self._labels += 1
        return self._labels

    def upval(self, name: str, from_reg: bool, index: int, boxed: bool = True) -> int:
        for i, u in enumerate(self.fn.upvals):
            if u.from_reg == from_reg and u.index == index:
                return i
        self.fn.upvals.append(Upval(name, from_reg, index, boxed))
        return len(self.fn.upvals) - 1

    # -- code -----------------------------------------------------------------------------
    @property
    def pc(self) -> int:
        return len(self.fn.code)

    def emit(self, name: str, *operands: int, span: Span) -> int:
        op = BY_NAME[name]
        spec = OPCODES[op]
        if len(operands) != len(spec.kinds):
            raise AssertionError(f"{name} takes {len(spec.kinds)} operands, got {operands}")
        self.fn.code.append((op, *operands))
        self.fn.spans.append(span)
        return len(self.fn.code) - 1

    def local(self, name: str, reg: int, boxed: bool = False) -> LocVar:
        lv = LocVar(name, reg, self.pc, -1, boxed)
        self.fn.locvars.append(lv)
        return lv

    def finish(self) -> Function:
        for lv in self.fn.locvars:
            if lv.end < 0:
                lv.end = self.pc
        return self.fn
