"""Lua 5.4 abstract syntax tree.

Produced by :mod:`.parse`, annotated by :mod:`.resolve` (which fills the
``binding`` slot of every :class:`Name` and the ``scope`` facts of functions and
blocks), read by :mod:`.lower`.  Every node has a ``span``.  Nodes are plain attrs
classes with slots; the tree is never mutated after resolution.
"""
from __future__ import annotations

import attrs

from ...ir.source import Span

node = attrs.define(slots=True, eq=False, repr=False)


# ---------------------------------------------------------------- expressions
@node
class Nil:
    span: Span


@node
class Bool:
    span: Span
    value: bool


@node
class Number:
    span: Span
    value: int | float      # ints are already wrapped to 64 bits, like Lua's lexer


@node
class String:
    span: Span
    value: str              # decoded; bytes that are not UTF-8 appear as surrogate escapes


@node
class Vararg:
    span: Span


@node
class Name:
    span: Span
    name: str
    binding: object = None  # set by resolve: a Local, Upval or Global binding


@node
class Index:
    """``obj[key]``; ``obj.name`` is an Index whose key is a String and ``dot`` is set."""
    span: Span
    obj: object
    key: object
    dot: bool = False


@node
class Call:
    span: Span
    func: object
    args: list


@node
class MethodCall:
    """``obj:name(args)``"""
    span: Span
    obj: object
    name: str
    args: list


@node
class Function:
    span: Span
    params: list            # list[Name] (binding set by resolve)
    is_vararg: bool
    body: "Block"
    name: str = "?"         # for messages and disassembly: "fib", "M.f", "<anonymous>"
    scope: object = None    # set by resolve


@node
class BinOp:
    """op is the Lua token: + - * / // % ^ .. == ~= < <= > >= and or & | ~ << >>"""
    span: Span
    op: str
    left: object
    right: object


@node
class UnOp:
    """op is one of: - not # ~"""
    span: Span
    op: str
    operand: object


@node
class Paren:
    """A parenthesised expression: truncates a multi-value expression to one value."""
    span: Span
    expr: object


@node
class TableField:
    """One constructor item: positional (key None), ``name = v`` or ``[k] = v``."""
    span: Span
    key: object             # None for positional items; a String node for name = v
    value: object


@node
class Table:
    span: Span
    fields: list            # list[TableField]


# ----------------------------------------------------------------- statements
@node
class Block:
    span: Span
    stmts: list
    scope: object = None    # set by resolve


@node
class Local:
    """``local a <const>, b = e1, e2``; attribs are None, "const" or "close"."""
    span: Span
    names: list             # list[Name]
    attribs: list
    exprs: list


@node
class Assign:
    span: Span
    targets: list           # Name or Index nodes
    exprs: list


@node
class CallStat:
    span: Span
    call: object            # Call or MethodCall


@node
class Do:
    span: Span
    body: Block


@node
class While:
    span: Span
    cond: object
    body: Block


@node
class Repeat:
    """The ``until`` condition is resolved inside the body's scope (Lua's rule)."""
    span: Span
    body: Block
    cond: object


@node
class If:
    span: Span
    clauses: list           # list[(cond, Block)]
    orelse: Block | None


@node
class NumFor:
    span: Span
    var: Name
    start: object
    stop: object
    step: object | None
    body: Block


@node
class GenFor:
    span: Span
    names: list             # list[Name]
    exprs: list
    body: Block


@node
class FunctionStat:
    """``function a.b.c:m() end`` — target is the Name/Index assigned to; for a
    method the parser has already added ``self`` as the first parameter."""
    span: Span
    target: object
    func: Function


@node
class LocalFunction:
    span: Span
    name: Name
    func: Function


@node
class Return:
    span: Span
    exprs: list


@node
class Break:
    span: Span


@node
class Goto:
    span: Span
    label: str


@node
class Label:
    span: Span
    name: str


@node
class Chunk:
    """The whole file: a vararg main function."""
    span: Span
    body: Block
    scope: object = None
