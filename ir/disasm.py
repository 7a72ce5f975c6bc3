"""Disassembly: decoding IR into :class:`Instruction` records, and printing them.

Decoding (``iter_instructions``) is kept apart from printing (``format_module``)
as in CPython's ``dis``: operands are rendered by their kind (constants by
value, upvalues and locals by name, labels as ``L3``), and the printer
interleaves the source lines the instructions came from.
"""
from __future__ import annotations

from typing import Iterator, NamedTuple

from .model import Function, Module
from .opcodes import OPCODES, OPENS, Op
from .source import SourceFile, Span


class Instruction(NamedTuple):
    offset: int
    opname: str
    args: tuple
    argrepr: str
    span: Span
    depth: int          # region nesting, for indentation


def _const_repr(v) -> str:
    if type(v) is str:
        return repr(v) if len(v) <= 40 else repr(v[:37]) + "..."
    if type(v) is bool:
        return "true" if v else "false"
    return repr(v)


def _local_name(fn: Function, reg: int, pc: int) -> str | None:
    for lv in fn.locvars:
        if lv.reg == reg and lv.start <= pc < lv.end:
            return lv.name
    return None


def _render(module: Module, fn: Function, pc: int, ins: tuple) -> str:
    spec = OPCODES[ins[0]]
    parts = []
    for kind, v in zip(spec.kinds, ins[1:]):
        if kind == "K" or (kind == "A" and v < 0):
            parts.append(_const_repr(fn.consts[v if kind == "K" else -1 - v]))
        elif kind in ("R", "r", "A"):
            name = _local_name(fn, v, pc)
            parts.append(f"r{v}" + (f"({name})" if name else ""))
        elif kind == "U":
            parts.append(f"u{v}({fn.upvals[v].name})")
        elif kind == "F":
            parts.append(f"<{module.functions[fn.children[v]].name}>")
        elif kind == "L":
            parts.append(f"L{v}")
        elif kind == "M":
            parts.append("all" if v == -1 else str(v))
        else:
            parts.append(str(v))
    return " ".join(parts)


def iter_instructions(module: Module, fn: Function) -> Iterator[Instruction]:
    depth = 0
    for pc, ins in enumerate(fn.code):
        spec = OPCODES[ins[0]]
        if ins[0] in (Op.END, Op.ELSE):
            depth -= 1
        yield Instruction(pc, spec.name, ins[1:], _render(module, fn, pc, ins), fn.spans[pc], depth)
        if spec.flags & OPENS or ins[0] in (Op.IF, Op.ELSE):
            depth += 1


def format_function(module: Module, index: int, source: SourceFile | None = None) -> str:
    fn = module.functions[index]
    head = (f"function {fn.name} (#{index}) <{fn.span}> params={fn.nparams}"
            f"{' vararg' if fn.is_vararg else ''} regs={fn.nregs} upvals={len(fn.upvals)} consts={len(fn.consts)}")
    lines = [head]
    last_line = None
    for ins in iter_instructions(module, fn):
        if source is not None and ins.span.line and ins.span.line != last_line:
            text = source.line_text(ins.span.line)
            if text is not None:
                lines.append(f"  {ins.span.line:>4}| {text.strip()}")
            last_line = ins.span.line
        indent = "  " * ins.depth
        lines.append(f"        {ins.offset:>4}  {indent}{ins.opname:<13}{ins.argrepr}".rstrip())
    return "\n".join(lines)


def format_module(module: Module, with_source: bool = True) -> str:
    source = module.source_file if with_source else None
    out = [f"; module {module.name} ({module.lang}), {len(module.functions)} function(s)"]
    for i in range(len(module.functions)):
        out.append("")
        out.append(format_function(module, i, source))
    return "\n".join(out) + "\n"

