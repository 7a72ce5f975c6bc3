"""The IR module/function model.

A :class:`Module` is the unit a front end produces and the VM runs: its
functions (``functions[0]`` is the main chunk), its language tag (which selects
the operators' semantics in the VM) and its source (kept so errors in a loaded
module can still show the line).  A :class:`Function` is a register machine
frame: ``nregs`` registers, the first ``nparams`` holding the parameters.
Instructions are tuples ``(opcode, *operands)`` as :mod:`.opcodes` defines them;
``spans[i]`` is the source position of ``code[i]``.
"""
from __future__ import annotations

import attrs

from .source import SourceFile, Span


@attrs.define(eq=False)
class Upval:
    """How a closure obtains upvalue *i*: from the creating function's register
    ``index`` (``from_reg``) or that function's own upvalue ``index``.  A
    ``boxed`` upvalue is a shared, assignable box; an unboxed one is the value of
    a variable that never changes after its declaration."""

    name: str
    from_reg: bool
    index: int
    boxed: bool = True


@attrs.define(eq=False)
class LocVar:
    """Debug info: register ``reg`` holds local ``name`` for pcs in [start, end)."""

    name: str
    reg: int
    start: int
    end: int
    boxed: bool = False


@attrs.define(eq=False)
class Function:
    name: str
    span: Span
    nparams: int = 0
    is_vararg: bool = False
    nregs: int = 0
    upvals: list[Upval] = attrs.Factory(list)
    consts: list = attrs.Factory(list)
    code: list[tuple] = attrs.Factory(list)
    spans: list[Span] = attrs.Factory(list)
    children: list[int] = attrs.Factory(list)   # module function indices, for CLOSURE F operands
    locvars: list[LocVar] = attrs.Factory(list)
    kind: int = 0          # language-defined flags (JS: arrow, generator, class constructor ...)


@attrs.define(eq=False)
class Module:
    lang: str
    name: str
    source: str
    functions: list[Function] = attrs.Factory(list)

    @property
    def source_file(self) -> SourceFile:
        return SourceFile(self.name, self.source)
