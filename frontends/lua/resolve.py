"""Name resolution for Lua: binds every :class:`~.ast.Name` before lowering.

Input: a parsed :class:`~.ast.Chunk`.  Output: the same tree with
``Name.binding`` set to a :class:`Binding` — a local of the current function, an
upvalue (a local of an enclosing function, marked ``captured``), or a global —
and with goto/label facts recorded (:class:`LabelInfo`).  Lowering never looks a
name up by string.

Errors (all collected, reported together): assignment to a ``<const>``
variable, ``goto`` with no visible label, a label defined twice in a block,
a ``goto`` that jumps into the scope of a local, ``break`` outside a loop.
"""
from __future__ import annotations

import attrs

from ...ir.errors import CompileError
from . import ast as A

LOCAL, UPVAL, GLOBAL, ENV = "local", "upval", "global", "env"


@attrs.define(eq=False)
class LocalVar:
    name: str
    func: "FuncScope"
    attrib: str | None = None
    captured: bool = False      # read or written by an inner function
    assigned: bool = False      # assigned after its declaration

    @property
    def needs_box(self) -> bool:
        """Only a captured variable that changes needs a box; closures capture
        the value of one that never does."""
        return self.captured and self.assigned


@attrs.frozen
class Binding:
    """kind LOCAL/UPVAL: ``var``.  GLOBAL: a field of the environment — the
    globals table, or the user's ``local _ENV`` when ``env`` binds one.  ENV:
    the name ``_ENV`` itself with no local ``_ENV`` in scope (the globals table)."""

    kind: str
    var: LocalVar | None
    name: str
    env: "Binding | None" = None


@attrs.define(eq=False)
class FuncScope:
    parent: "FuncScope | None"
    node: object


@attrs.define(eq=False)
class LabelInfo:
    """A label, the block statement index it sits at, and the gotos aimed at it."""

    label: A.Label
    block: A.Block
    index: int
    forward: list = attrs.Factory(list)    # [(goto, index of the block statement containing it)]
    backward: list = attrs.Factory(list)


class Resolver:
    def __init__(self):
        self.errors: list[CompileError] = []
        self.func: FuncScope | None = None
        self.scopes: list[dict[str, LocalVar]] = []   # innermost last; a function starts a new base
        self.func_base: list[int] = []                 # index into scopes where each function begins
        self.loop_depth: list[int] = []
        self.goto_targets: dict[int, LabelInfo] = {}   # id(Goto) -> LabelInfo
        self.block_labels: dict[int, list[LabelInfo]] = {}   # id(Block) -> labels in it
        # per function: stack of (block, labels-visible, statement index) for goto resolution
        self.blocks: list[list] = []

    def error(self, msg: str, span, hint=None):
        self.errors.append(CompileError(msg, span, hint))

    # -- scopes -----------------------------------------------------------------------------
    def declare(self, name: A.Name, attrib=None) -> LocalVar:
        var = LocalVar(name.name, self.func, attrib)
        self.scopes[-1][name.name] = var
        name.binding = Binding(LOCAL, var, name.name)
        return var

    def lookup(self, name: A.Name):
        binding = self._find(name.name)
        if binding is None:
            if name.name == "_ENV":
                binding = Binding(ENV, None, "_ENV")
            else:
                binding = Binding(GLOBAL, None, name.name, self._find("_ENV"))
        name.binding = binding
        return binding.var

    def _find(self, name: str) -> Binding | None:
        for i in range(len(self.scopes) - 1, -1, -1):
            var = self.scopes[i].get(name)
            if var is not None:
                if var.func is self.func:
                    return Binding(LOCAL, var, name)
                var.captured = True
                return Binding(UPVAL, var, name)
        return None

    # -- entry ---------------------------------------------------------------------------------
    def chunk(self, chunk: A.Chunk):
        self.function_body(chunk, [], chunk.body)
        if self.errors:
            raise self.errors[0] if len(self.errors) == 1 else _Many(self.errors)

    def function_body(self, node, params, body: A.Block):
        outer_func, outer_loops = self.func, self.loop_depth
        self.func = FuncScope(outer_func, node)
        self.loop_depth = []
        self.scopes.append({})
        for p in params:
            self.declare(p)
        self.block(body, new_scope=False)
        self.scopes.pop()
        self.func, self.loop_depth = outer_func, outer_loops

    def block(self, block: A.Block, new_scope=True, extra=None):
        """Resolve a block; *extra* runs inside its scope after the statements
        (``repeat ... until cond``)."""
        if new_scope:
            self.scopes.append({})
        labels: dict[str, LabelInfo] = {}
        infos = []
        for i, st in enumerate(block.stmts):
            if type(st) is A.Label:
                prev = labels.get(st.name) or self._visible_label(st.name)
                if prev is not None:
                    self.error(f"label '{st.name}' already defined on line {prev.label.span.line}", st.span)
                info = LabelInfo(st, block, i)
                labels[st.name] = info
                infos.append(info)
        self.block_labels[id(block)] = infos
        self.blocks.append([block, labels, 0, {}])
        for i, st in enumerate(block.stmts):
            self.blocks[-1][2] = i
            self.stmt(st)
            if type(st) is A.Local or type(st) is A.LocalFunction:
                names = st.names if type(st) is A.Local else [st.name]
                for n in names:
                    self.blocks[-1][3].setdefault(i, []).append(n)
        if extra is not None:
            extra()
        self.blocks.pop()
        self._check_local_jumps(block, labels)
        if new_scope:
            self.scopes.pop()

    def _visible_label(self, name):
        for entry in reversed(self.blocks):
            info = entry[1].get(name)
            if info is not None:
                return info
        return None

    def _check_local_jumps(self, block: A.Block, labels: dict):
        """A forward goto may not jump into the scope of a local declared between it
        and the label, unless the label is at the end of the block (Lua 5.4 rule)."""
        for info in labels.values():
            at_end = all(type(s) in (A.Label,) for s in block.stmts[info.index:])
            if at_end or not info.forward:
                continue
            first = min(i for _, i in info.forward)
            for j in range(first, info.index):
                st = block.stmts[j]
                if type(st) in (A.Local, A.LocalFunction):
                    name = st.names[0].name if type(st) is A.Local else st.name.name
                    goto = info.forward[0][0]
                    self.error(f"<goto {info.label.name}> at line {goto.span.line} jumps into the scope of local '{name}'",
                               goto.span)
                    break

    # -- statements ------------------------------------------------------------------------
    def stmt(self, st):
        t = type(st)
        if t is A.Local:
            for e in st.exprs:
                self.expr(e)
            for n, attrib in zip(st.names, st.attribs):
                self.declare(n, attrib)
        elif t is A.Assign:
            for e in st.exprs:
                self.expr(e)
            for target in st.targets:
                if type(target) is A.Name:
                    var = self.lookup(target)
                    if var is not None:
                        var.assigned = True
                    if var is not None and var.attrib in ("const", "close"):
                        self.error(f"attempt to assign to const variable '{target.name}'", target.span)
                    if target.binding.kind == ENV:
                        self.error("assigning to the global _ENV is not supported", target.span,
                                   hint="declare 'local _ENV = t' to run code against another table")
                else:
                    self.expr(target)
        elif t is A.CallStat:
            self.expr(st.call)
        elif t is A.Do:
            self.block(st.body)
        elif t is A.While:
            self.expr(st.cond)
            self.loop(st.body)
        elif t is A.Repeat:
            self.loop_depth.append(1)
            self.block(st.body, extra=lambda: self.expr(st.cond))
            self.loop_depth.pop()
        elif t is A.If:
            for cond, body in st.clauses:
                self.expr(cond)
                self.block(body)
            if st.orelse is not None:
                self.block(st.orelse)
        elif t is A.NumFor:
            self.expr(st.start)
            self.expr(st.stop)
            if st.step is not None:
                self.expr(st.step)
            self.scopes.append({})
            self.declare(st.var)
            self.loop(st.body)
            self.scopes.pop()
        elif t is A.GenFor:
            for e in st.exprs:
                self.expr(e)
            self.scopes.append({})
            for n in st.names:
                self.declare(n)
            self.loop(st.body)
            self.scopes.pop()
        elif t is A.FunctionStat:
            if type(st.target) is A.Name:
                var = self.lookup(st.target)
                if var is not None:
                    var.assigned = True
                if var is not None and var.attrib in ("const", "close"):
                    self.error(f"attempt to assign to const variable '{st.target.name}'", st.target.span)
            else:
                self.expr(st.target)
            self.expr(st.func)
        elif t is A.LocalFunction:
            self.declare(st.name)
            self.expr(st.func)
        elif t is A.Return:
            for e in st.exprs:
                self.expr(e)
        elif t is A.Break:
            if not self.loop_depth:
                self.error("break outside a loop", st.span)
        elif t is A.Goto:
            self.goto(st)
        elif t is A.Label:
            pass
        else:
            raise AssertionError(f"unknown statement {t.__name__}")

    def loop(self, body):
        self.loop_depth.append(1)
        self.block(body)
        self.loop_depth.pop()

    def goto(self, st: A.Goto):
        # the statement index in each enclosing block tells forward from backward
        for entry in reversed(self.blocks):
            block, labels, index, _ = entry
            info = labels.get(st.label)
            if info is not None:
                if index < info.index:
                    info.forward.append((st, index))
                else:
                    info.backward.append((st, index))
                self.goto_targets[id(st)] = info
                return
            if block is self._function_block():
                break
        self.error(f"no visible label '{st.label}' for goto", st.span)

    def _function_block(self):
        node = self.func.node
        return node.body

    # -- expressions ----------------------------------------------------------------------
    def expr(self, e):
        t = type(e)
        if t is A.Name:
            self.lookup(e)
        elif t is A.Index:
            self.expr(e.obj)
            self.expr(e.key)
        elif t is A.Call:
            self.expr(e.func)
            for a in e.args:
                self.expr(a)
        elif t is A.MethodCall:
            self.expr(e.obj)
            for a in e.args:
                self.expr(a)
        elif t is A.Function:
            self.function_body(e, e.params, e.body)
        elif t is A.BinOp:
            self.expr(e.left)
            self.expr(e.right)
        elif t is A.UnOp:
            self.expr(e.operand)
        elif t is A.Paren:
            self.expr(e.expr)
        elif t is A.Table:
            for f in e.fields:
                if f.key is not None:
                    self.expr(f.key)
                self.expr(f.value)
        elif t in (A.Nil, A.Bool, A.Number, A.String, A.Vararg):
            if t is A.Vararg and not self._in_vararg():
                self.error("cannot use '...' outside a vararg function", e.span)
        else:
            raise AssertionError(f"unknown expression {t.__name__}")

    def _in_vararg(self) -> bool:
        node = self.func.node
        return type(node) is A.Chunk or node.is_vararg


class _Many(CompileError):
    """Several resolve errors: the first is the headline, all are rendered."""

    def __init__(self, errors):
        first = errors[0]
        super().__init__(first.message, first.span, first.hint)
        self.errors = errors

    def render(self, source=None):
        source = source or self.source
        return "\n".join(e.render(source) for e in self.errors)


def resolve(chunk: A.Chunk) -> Resolver:
    r = Resolver()
    r.chunk(chunk)
    return r
