"""Which registers surely hold a Python ``int``: lets the code generator drop
type guards it can prove redundant.

A forward pass over one IR function's structured code.  The facts at each pc
are the registers known to hold an int *before* that instruction runs.
Structured control flow keeps the analysis simple and sound:

* entering a loop (or any region that may repeat or be left early), the facts
  are those before it minus every register the region writes — unless every
  write of that register inside the loop yields an int whenever its operands
  were ints (found by iterating to a fixed point), as for ``s = s + i``;
* after an ``IF``, the facts before it minus what either branch writes;
* ints come from integer constants, integer ``for`` variables (integer start
  and step: Lua's forprep then yields only ints), and ``+ - *  & | ~ // %``
  of ints (``//`` and ``%`` by a positive constant).  Everything else —
  calls, field reads, metamethods — is unknown.

Lua and Tengo rely on it: both have 64-bit integers that are exactly Python
ints once wrapped, and each of the operations above yields an int in both
(JavaScript's numbers are floats: its code generator does not ask).
"""
from __future__ import annotations

from ..ir.model import Function
from ..ir.opcodes import OPCODES, OPENS, Op, registers

_INT_BINARY = {Op.ADD, Op.SUB, Op.MUL, Op.BAND, Op.BOR, Op.BXOR}
_REGIONS = {Op.IF, Op.LOOP, Op.FOR_NUM, Op.FOR_IN, Op.BLOCK, Op.TBC, Op.TRY}


def _is_int(fn: Function, v: int, facts) -> bool:
    if v < 0:
        k = fn.consts[-1 - v]
        return type(k) is int
    return v in facts


def _produces_int(fn: Function, ins: tuple, facts) -> bool:
    op = ins[0]
    if op == Op.LOAD_CONST:
        return type(fn.consts[ins[2]]) is int
    if op == Op.MOVE:
        return ins[2] in facts
    if op in _INT_BINARY:
        return _is_int(fn, ins[2], facts) and _is_int(fn, ins[3], facts)
    if op in (Op.IDIV, Op.MOD):
        d = ins[3]
        return (_is_int(fn, ins[2], facts) and d < 0 and type(fn.consts[-1 - d]) is int
                and fn.consts[-1 - d] > 0)
    if op in (Op.UNM, Op.BNOT):
        return _is_int(fn, ins[2], facts)
    return False


def _region_writes(fn: Function) -> dict[int, set[int]]:
    """Registers written inside each region, keyed by the pc that opens it."""
    out: dict[int, set[int]] = {}
    stack: list[int] = []
    for pc, ins in enumerate(fn.code):
        op = ins[0]
        if op == Op.END:
            start = stack.pop()
            if stack:
                out[stack[-1]] |= out[start]
            continue
        if op in _REGIONS:
            stack.append(pc)
            out[pc] = set()
        _, writes = registers(ins)
        if stack:
            region = out[stack[-1]]
            region.update(writes)
    return out


def int_facts(fn: Function) -> list[frozenset]:
    """``facts[pc]``: registers holding an int before ``fn.code[pc]`` runs."""
    writes = _region_writes(fn)
    code = fn.code
    result: list[frozenset] = [frozenset()] * len(code)

    def run(start: int, end: int, facts: set) -> set:
        """Analyse code[start:end] (a sequence of whole regions); facts after it."""
        pc = start
        while pc < end:
            ins = code[pc]
            op = ins[0]
            result[pc] = frozenset(facts)
            if op in _REGIONS:
                close = _matching_end(code, pc)
                facts = region(pc, close, facts)
                pc = close + 1
                continue
            _, written = registers(ins)
            produced = _produces_int(fn, ins, facts)
            facts = facts - set(written)
            if produced:
                facts.add(ins[1])
            pc += 1
        return facts

    def region(pc: int, close: int, facts: set) -> set:
        op = code[pc][0]
        inside = writes[pc]
        if op == Op.IF:
            els = _else_of(code, pc, close)
            if els is None:
                run(pc + 1, close, set(facts))
            else:
                run(pc + 1, els, set(facts))
                result[els] = frozenset(facts)
                run(els + 1, close, set(facts))
            result[close] = frozenset(facts - inside)
            return facts - inside
        # a region that may repeat or be left early: keep only facts that every
        # write inside preserves, found by iterating to a fixed point
        keep = set(facts)
        if op == Op.TRY:
            keep.discard(code[pc][1])       # the register the CATCH part receives the error in
        while True:
            entry = _loop_entry(fn, pc, keep)
            run(pc + 1, close, set(entry))
            stable = {r for r in keep if r not in inside or _writes_keep_int(fn, pc + 1, close, r, result)}
            if stable == keep:
                break
            keep = stable
        result[close] = frozenset(keep)
        return set(keep)

    run(0, len(code), set())
    return result


def _loop_entry(fn: Function, pc: int, keep: set) -> set:
    ins = fn.code[pc]
    entry = set(keep)
    if ins[0] == Op.FOR_NUM:
        b = ins[2]
        entry.discard(b + 3)
        if b in keep and b + 2 in keep:
            entry.add(b + 3)        # integer start and step: forprep yields ints
    elif ins[0] == Op.FOR_IN:
        for r in range(ins[2] + 3, ins[2] + 3 + ins[3]):
            entry.discard(r)
    return entry


def _writes_keep_int(fn: Function, start: int, end: int, reg: int, facts_at) -> bool:
    for p in range(start, end):
        ins = fn.code[p]
        if ins[0] in (Op.END, Op.ELSE) or OPCODES[ins[0]].flags & OPENS or ins[0] == Op.IF:
            if ins[0] == Op.FOR_NUM and ins[2] + 3 == reg:
                return False
            if ins[0] == Op.FOR_IN and ins[2] + 3 <= reg < ins[2] + 3 + ins[3]:
                return False
            continue
        _, written = registers(ins)
        if reg in written and not _produces_int(fn, ins, facts_at[p]):
            return False
    return True


def _matching_end(code, pc: int) -> int:
    depth = 0
    for p in range(pc, len(code)):
        op = code[p][0]
        if op in _REGIONS:
            depth += 1
        elif op == Op.END:
            depth -= 1
            if depth == 0:
                return p
    raise AssertionError("unbalanced regions (the verifier should have caught this)")


def _else_of(code, pc: int, close: int):
    depth = 0
    for p in range(pc + 1, close):
        op = code[p][0]
        if op in _REGIONS:
            depth += 1
        elif op == Op.END:
            depth -= 1
        elif op == Op.ELSE and depth == 0:
            return p
    return None
