"""The IR verifier: rejects malformed modules before anything runs.

Checks, per function: known opcodes and operand counts; every register (including
the variadic ranges of CALL/RETURN/SET_LIST/...) inside ``nregs``; constant,
upvalue and child indices in range and of the right type; flags and counts in
range; regions properly nested (``ELSE`` only inside ``IF``, ``CATCH`` then
``FINALLY`` only inside ``TRY``, every region closed); ``BREAK``/``CONTINUE`` naming an enclosing region (``CONTINUE`` only a
loop); upvalue descriptors of children pointing at real registers/upvalues.
A module that passes can be compiled by the VM without further checks.
"""
from __future__ import annotations

from .errors import VerifyError
from .model import Function, Module
from .opcodes import LABEL, OPCODES, OPENS, Op, registers

_CONST_TYPES = (int, float, str, bool)


def verify(module: Module) -> Module:
    if not module.functions:
        raise VerifyError(f"module {module.name!r} has no functions")
    if module.functions[0].upvals:
        raise VerifyError("the main function cannot have upvalues")
    for index, fn in enumerate(module.functions):
        _verify_function(module, index, fn)
    return module


def _fail(fn: Function, pc: int | None, msg: str):
    span = fn.spans[pc] if pc is not None and pc < len(fn.spans) else fn.span
    where = f"in function {fn.name!r}" + (f" at pc {pc}" if pc is not None else "")
    raise VerifyError(f"{msg} ({where})", span)


def _verify_function(module: Module, index: int, fn: Function):
    if len(fn.spans) != len(fn.code):
        _fail(fn, None, "line table length differs from code length")
    if not (0 <= fn.nparams <= fn.nregs):
        _fail(fn, None, f"{fn.nparams} parameters but {fn.nregs} registers")
    for k in fn.consts:
        if type(k) not in _CONST_TYPES:
            _fail(fn, None, f"constant of unsupported type {type(k).__name__}")
    for c in fn.children:
        if not (0 < c < len(module.functions)) or c == index:
            _fail(fn, None, f"child function index {c} out of range")
        for u in module.functions[c].upvals:
            limit = fn.nregs if u.from_reg else len(fn.upvals)
            if not (0 <= u.index < limit):
                _fail(fn, None, f"child {c} captures {'register' if u.from_reg else 'upvalue'} {u.index} out of range")
    open_regions: list[tuple[int, int | None, bool]] = []   # (opcode, label, seen_else)
    labels: set[int] = set()
    for pc, ins in enumerate(fn.code):
        op = ins[0]
        if not (type(op) is int and 0 <= op < len(OPCODES)):
            _fail(fn, pc, f"unknown opcode {op!r}")
        spec = OPCODES[op]
        args = ins[1:]
        if len(args) != len(spec.kinds):
            _fail(fn, pc, f"{spec.name} takes {len(spec.kinds)} operands, got {len(args)}")
        for kind, v in zip(spec.kinds, args):
            if type(v) is not int:
                _fail(fn, pc, f"{spec.name}: operand {v!r} is not an integer")
            if kind == "K" and not (0 <= v < len(fn.consts)):
                _fail(fn, pc, f"{spec.name}: constant {v} out of range")
            elif kind == "A" and v < 0 and not (0 <= -1 - v < len(fn.consts)):
                _fail(fn, pc, f"{spec.name}: constant {-1 - v} out of range")
            elif kind == "U" and not (0 <= v < len(fn.upvals)):
                _fail(fn, pc, f"{spec.name}: upvalue {v} out of range")
            elif kind == "F" and not (0 <= v < len(fn.children)):
                _fail(fn, pc, f"{spec.name}: function {v} out of range")
            elif kind == "B" and v not in (0, 1):
                _fail(fn, pc, f"{spec.name}: flag {v} is not 0 or 1")
            elif kind == "N" and v < 0:
                _fail(fn, pc, f"{spec.name}: count {v} is negative")
            elif kind == "M" and v < -1:
                _fail(fn, pc, f"{spec.name}: result count {v} out of range")
        reads, writes = registers(ins)
        for r in reads + writes:
            if not (0 <= r < fn.nregs):
                _fail(fn, pc, f"{spec.name}: register {r} out of range (function has {fn.nregs})")
        if op == Op.STORE_UPVAL and not fn.upvals[args[0]].boxed:
            _fail(fn, pc, f"STORE_UPVAL to upvalue {args[0]}, which is not boxed")
        if op in (Op.GET_FIELD, Op.SET_FIELD):
            k = args[2] if op == Op.GET_FIELD else args[1]
            if type(fn.consts[k]) is not str:
                _fail(fn, pc, f"{spec.name}: field name is not a string constant")
        if op == Op.INTRINSIC and type(fn.consts[args[1]]) is not str:
            _fail(fn, pc, "INTRINSIC: intrinsic name is not a string constant")
        if op in (Op.LOAD_GLOBAL, Op.STORE_GLOBAL):
            k = args[1] if op == Op.LOAD_GLOBAL else args[0]
            if type(fn.consts[k]) is not str:
                _fail(fn, pc, f"{spec.name}: global name is not a string constant")
        # structure
        if spec.flags & OPENS:
            label = args[0] if spec.flags & LABEL else None
            if label is not None:
                if label in labels:
                    _fail(fn, pc, f"label {label} defined twice")
                labels.add(label)
            open_regions.append((op, label, False))
        elif op == Op.IF:
            open_regions.append((op, None, False))
        elif op == Op.ELSE:
            if not open_regions or open_regions[-1][0] != Op.IF or open_regions[-1][2]:
                _fail(fn, pc, "ELSE outside an IF (or a second ELSE)")
            open_regions[-1] = (Op.IF, None, True)
        elif op in (Op.CATCH, Op.FINALLY):
            # the TRY's third field: 0 = in the body, 1 = in CATCH, 2 = in FINALLY
            part = 1 if op == Op.CATCH else 2
            if not open_regions or open_regions[-1][0] != Op.TRY or open_regions[-1][2] >= part:
                _fail(fn, pc, f"{spec.name} outside a TRY (or out of order)")
            open_regions[-1] = (Op.TRY, None, part)
        elif op == Op.END:
            if not open_regions:
                _fail(fn, pc, "END without an open region")
            rop, _, part = open_regions.pop()
            if rop == Op.TRY and not part:
                _fail(fn, pc, "TRY without CATCH or FINALLY")
        elif op in (Op.BREAK, Op.CONTINUE):
            target = args[0]
            for rop, label, _ in reversed(open_regions):
                if label == target:
                    if op == Op.CONTINUE and rop not in (Op.LOOP, Op.FOR_NUM, Op.FOR_IN):
                        _fail(fn, pc, f"CONTINUE {target} names a region that is not a loop")
                    if rop == Op.TBC:
                        _fail(fn, pc, f"{spec.name} {target} names a to-be-closed region")
                    break
            else:
                _fail(fn, pc, f"{spec.name} {target} names no enclosing region")
    if open_regions:
        _fail(fn, None, f"{len(open_regions)} region(s) not closed by END")
