"""Lowering a resolved Lua AST to IR.

Input: a :class:`~.ast.Chunk` whose names carry bindings (:mod:`.resolve`).
Output: an IR :class:`~llmspell.ir.model.Module` with language ``"lua"``.

Registers follow Lua's discipline: active locals occupy the low registers in
declaration order, temporaries sit above them and are freed at the end of each
statement.  A local captured by a closure is *boxed* right after it is
initialised (``BOX``), so each execution of its declaration — each loop
iteration — makes a fresh variable.  Control flow is structured: ``while`` is a
``LOOP`` with a conditional ``BREAK``; ``goto`` becomes ``BREAK`` out of a
``BLOCK`` that ends at the label (forward) or ``CONTINUE`` of a ``LOOP`` that
starts at it (backward).
"""
from __future__ import annotations

from ...ir.builder import FunctionBuilder
from ...ir.errors import CompileError
from ...ir.ints import wrap
from ...ir.model import Module
from ...ir.opcodes import MULTI
from ...ir.source import Span
from . import ast as A
from .resolve import ENV, LOCAL, UPVAL, Resolver, resolve

_ARITH = {"+": "ADD", "-": "SUB", "*": "MUL", "/": "DIV", "//": "IDIV", "%": "MOD", "^": "POW",
          "&": "BAND", "|": "BOR", "~": "BXOR", "<<": "SHL", ">>": "SHR"}
_MULTI_EXPRS = (A.Call, A.MethodCall, A.Vararg)
LFIELDS_PER_FLUSH = 50


class FuncState:
    def __init__(self, lowerer, parent, name, span):
        self.L = lowerer
        self.parent = parent
        self.b = FunctionBuilder(name, span)
        self.regs: dict[int, int] = {}          # id(LocalVar) -> register
        self.boxed: set[int] = set()            # id(LocalVar) of boxed locals
        self.loop_labels: list[int] = []        # label of each enclosing Lua loop
        self.goto_labels: dict = {}             # (id(LabelInfo), "break"/"continue") -> label
        self.active_top = 0                     # first register above every active local


class Lowerer:
    def __init__(self, name: str, source: str, resolver: Resolver):
        self.module = Module(lang="lua", name=name, source=source)
        self.resolver = resolver
        self.fs: FuncState | None = None

    # -- functions ---------------------------------------------------------------------------
    def chunk(self, chunk: A.Chunk) -> Module:
        self.module.functions.append(None)
        fn = self.function(chunk, "main chunk", [], True, chunk.body, chunk.span)
        self.module.functions[0] = fn
        return self.module

    def function(self, node, name, params, is_vararg, body, span):
        fs = FuncState(self, self.fs, name, span)
        self.fs = fs
        b = fs.b
        b.fn.nparams = len(params)
        b.fn.is_vararg = is_vararg
        for p in params:
            self.new_local(p.binding.var, b.alloc(), p.span)
        for p in params:
            self.box_if_captured(p.binding.var, p.span)
        self.block(body)
        b.emit("RETURN", b.top, 0, 0, span=_end_span(body.span))
        fn = b.finish()
        self.fs = fs.parent
        return fn

    def new_local(self, var, reg, span):
        fs = self.fs
        fs.regs[id(var)] = reg
        fs.active_top = max(fs.active_top, reg + 1)
        fs.b.local(var.name, reg, boxed=var.needs_box)

    def box_if_captured(self, var, span):
        if var.needs_box:
            reg = self.fs.regs[id(var)]
            self.fs.b.emit("BOX", reg, reg, span=span)
            self.fs.boxed.add(id(var))

    def end_locals(self, first_reg: int):
        """Close the debug ranges of locals in registers >= first_reg."""
        b = self.fs.b
        for lv in b.fn.locvars:
            if lv.end < 0 and lv.reg >= first_reg:
                lv.end = b.pc

    # -- blocks and statements ---------------------------------------------------------
    def block(self, block: A.Block, after=None):
        fs = self.fs
        top = fs.b.top
        saved_active = fs.active_top
        labels = self.resolver.block_labels.get(id(block), [])
        closing = []        # TBC regions opened in this block, closed at its end
        if labels:
            if any(type(st) is A.Local and "close" in st.attribs for st in block.stmts):
                raise CompileError("'<close>' variables and goto labels in the same block are not supported",
                                   block.span)
            self.block_with_gotos(block, labels)
        else:
            for st in block.stmts:
                self.stmt(st)
                if type(st) is A.Local and "close" in st.attribs:
                    closing.append(self.open_tbc(st))
                fs.b.free_to(fs.active_top)
        if after is not None:
            after()
        for span in reversed(closing):
            fs.b.emit("END", span=span)
        self.end_locals(top)
        fs.active_top = saved_active
        fs.b.free_to(top)

    def block_with_gotos(self, block: A.Block, labels):
        """Wrap statement ranges in BLOCK/LOOP regions so gotos become BREAK/CONTINUE."""
        fs = self.fs
        regions = []    # [start, end, kind, info]   (statement indices, end exclusive)
        for info in labels:
            if info.forward:
                start = min(i for _, i in info.forward)
                regions.append([start, info.index, "BLOCK", info])
            if info.backward:
                end = max(i for _, i in info.backward) + 1
                regions.append([info.index, end, "LOOP", info])
        changed = True
        while changed:
            changed = False
            for r1 in regions:
                for r2 in regions:
                    if r1 is r2 or not (r1[0] < r2[0] < r1[1] < r2[1]):
                        continue
                    if r2[2] == "BLOCK" and r1[2] == "BLOCK":
                        r2[0] = r1[0]
                    elif r1[2] == "LOOP" and r2[2] == "LOOP":
                        r1[1] = r2[1]
                    elif r1[2] == "BLOCK" and r2[2] == "LOOP":
                        # a loop starting inside a forward block and ending after it
                        r1[0] = min(r1[0], r2[0])
                        if r1[0] < r2[0] < r1[1] < r2[1]:
                            raise CompileError("this goto pattern jumps into a loop formed by another goto",
                                               r2[3].label.span, hint="restructure with while/repeat loops")
                    else:
                        raise CompileError("this goto pattern jumps into a loop formed by another goto",
                                           r1[3].label.span, hint="restructure with while/repeat loops")
                    changed = True
        labels_of = {}
        for r in regions:
            lab = fs.b.label()
            r.append(lab)
            kind = "break" if r[2] == "BLOCK" else "continue"
            labels_of.setdefault(id(r[3]), []).append((kind, lab))
        for info in labels:
            for kind, lab in labels_of.get(id(info), []):
                fs.goto_labels[(id(info), kind)] = lab
        # open regions outermost first: sort by start asc, end desc
        opens = sorted(regions, key=lambda r: (r[0], -r[1]))
        stack = []
        n = len(block.stmts)
        for i in range(n + 1):
            while stack and stack[-1][1] == i:
                r = stack.pop()
                if r[2] == "LOOP":
                    fs.b.emit("BREAK", r[4], span=r[3].label.span)
                fs.b.emit("END", span=r[3].label.span)
            for r in opens:
                if r[0] == i:
                    fs.b.emit(r[2], r[4], span=r[3].label.span)
                    stack.append(r)
            if i < n:
                self.stmt(block.stmts[i])
                fs.b.free_to(fs.active_top)

    def stmt(self, st):
        getattr(self, "st_" + type(st).__name__)(st)

    def open_tbc(self, st: A.Local):
        """Lua 5.4 ``local x <close>``: the rest of the block is a TBC region."""
        if len(st.names) != 1:
            raise CompileError("multiple to-be-closed variables in local list", st.span)
        var = st.names[0].binding.var
        self.fs.b.emit("TBC", self.fs.b.label(), self.fs.regs[id(var)], span=st.span)
        return _end_span(st.span)

    def st_Local(self, st: A.Local):
        b = self.fs.b
        base = b.top
        self.explist_to(st.exprs, base, len(st.names), st.span)
        b.free_to(base + len(st.names))
        for i, n in enumerate(st.names):
            self.new_local(n.binding.var, base + i, n.span)
        for n in st.names:
            self.box_if_captured(n.binding.var, n.span)

    def st_LocalFunction(self, st: A.LocalFunction):
        b = self.fs.b
        var = st.name.binding.var
        reg = b.alloc()
        self.new_local(var, reg, st.name.span)
        if var.needs_box:
            # the function may refer to itself: box first, then fill the box
            b.emit("LOAD_NIL", reg, span=st.span)
            self.box_if_captured(var, st.span)
            tmp = b.alloc()
            self.closure(st.func, tmp)
            b.emit("STORE_BOX", reg, tmp, span=st.span)
        else:
            self.closure(st.func, reg)

    def st_FunctionStat(self, st: A.FunctionStat):
        b = self.fs.b
        tmp = b.alloc()
        self.closure(st.func, tmp)
        self.assign_to(st.target, tmp, st.span)

    def st_Assign(self, st: A.Assign):
        b = self.fs.b
        if len(st.targets) == 1 and len(st.exprs) == 1:
            target = st.targets[0]
            if (type(target) is A.Name and target.binding.kind == LOCAL
                    and id(target.binding.var) not in self.fs.boxed and _writes_last(st.exprs[0])):
                self.expr_to(st.exprs[0], self.fs.regs[id(target.binding.var)])
                return
            if type(target) is A.Index:
                obj = self.expr_reg(target.obj)
                key = self.key_operand(target.key)
                val = self.expr_A(st.exprs[0])
                self.store_index(obj, key, val, target)
                return
            v = self.expr_A(st.exprs[0])
            self.assign_to(target, v, st.span)
            return
        # general case: evaluate targets' tables and keys, then values, then assign right to left
        prepared = []
        for target in st.targets:
            if type(target) is A.Index:
                obj = self.expr_reg(target.obj)
                key = self.key_operand(target.key)
                if key >= 0:
                    # keep the key in a register of its own (it may be a local reassigned here)
                    k2 = b.alloc()
                    b.emit("MOVE", k2, key, span=target.span)
                    key = k2
                if obj < self.fs.active_top:
                    o2 = b.alloc()
                    b.emit("MOVE", o2, obj, span=target.span)
                    obj = o2
                prepared.append((target, obj, key))
            else:
                prepared.append((target, None, None))
        base = b.top
        self.explist_to(st.exprs, base, len(st.targets), st.span)
        b.free_to(base + len(st.targets))
        for i in range(len(prepared) - 1, -1, -1):
            target, obj, key = prepared[i]
            if obj is not None:
                self.store_index(obj, key, base + i, target)
            else:
                self.assign_to(target, base + i, st.span)

    def store_index(self, obj, key, val, target):
        b = self.fs.b
        if key < 0 and type(b.fn.consts[-1 - key]) is str:
            b.emit("SET_FIELD", obj, -1 - key, val, span=target.span)
        else:
            b.emit("SET_INDEX", obj, key, val, span=target.span)

    def assign_to(self, target, val: int, span):
        """Store A-operand *val* into a Name or Index target."""
        b = self.fs.b
        if type(target) is A.Name:
            bind = target.binding
            if bind.kind == LOCAL:
                reg = self.fs.regs[id(bind.var)]
                if id(bind.var) in self.fs.boxed:
                    b.emit("STORE_BOX", reg, val, span=target.span)
                elif val != reg:
                    if val < 0:
                        b.emit("LOAD_CONST", reg, -1 - val, span=target.span)
                    else:
                        b.emit("MOVE", reg, val, span=target.span)
            elif bind.kind == UPVAL:
                b.emit("STORE_UPVAL", self.upval(bind.var), val, span=target.span)
            elif bind.env is not None:
                env = self.env_reg(bind.env, target.span)
                b.emit("SET_FIELD", env, b.const(bind.name), val, span=target.span)
            else:
                b.emit("STORE_GLOBAL", b.const(bind.name), val, span=target.span)
        else:
            obj = self.expr_reg(target.obj)
            key = self.key_operand(target.key)
            self.store_index(obj, key, val, target)

    def st_CallStat(self, st: A.CallStat):
        self.call(st.call, self.fs.b.top, 0)

    def st_Do(self, st: A.Do):
        self.block(st.body)

    def st_While(self, st: A.While):
        b = self.fs.b
        lab = b.label()
        b.emit("LOOP", lab, span=st.span)
        if not _always_true(st.cond):
            top = b.top
            c = self.expr_reg(st.cond)
            b.emit("IF", c, 1, span=st.cond.span)
            b.emit("BREAK", lab, span=st.cond.span)
            b.emit("END", span=st.cond.span)
            b.free_to(top)
        self.loop_body(st.body, lab)
        b.emit("END", span=_end_span(st.span))

    def loop_body(self, body, lab, after=None):
        fs = self.fs
        fs.loop_labels.append(lab)
        self.block(body, after)
        fs.loop_labels.pop()

    def st_Repeat(self, st: A.Repeat):
        b = self.fs.b
        lab = b.label()
        b.emit("LOOP", lab, span=st.span)

        def until():
            c = self.expr_reg(st.cond)
            b.emit("IF", c, 0, span=st.cond.span)
            b.emit("BREAK", lab, span=st.cond.span)
            b.emit("END", span=st.cond.span)
        self.loop_body(st.body, lab, until)
        b.emit("END", span=_end_span(st.span))

    def st_If(self, st: A.If):
        b = self.fs.b
        ends = 0
        for i, (cond, body) in enumerate(st.clauses):
            top = b.top
            c = self.expr_reg(cond)
            b.free_to(top)
            b.emit("IF", c, 0, span=cond.span)
            self.block(body)
            if i < len(st.clauses) - 1 or st.orelse is not None:
                b.emit("ELSE", span=body.span)
            ends += 1
        if st.orelse is not None:
            self.block(st.orelse)
        for _ in range(ends):
            b.emit("END", span=_end_span(st.span))

    def st_NumFor(self, st: A.NumFor):
        b = self.fs.b
        saved_active = self.fs.active_top
        base = b.alloc(3)
        self.expr_to(st.start, base)
        self.expr_to(st.stop, base + 1)
        if st.step is None:
            b.emit("LOAD_CONST", base + 2, b.const(1), span=st.span)
        else:
            self.expr_to(st.step, base + 2)
        lab = b.label()
        var_reg = b.alloc()
        b.emit("FOR_NUM", lab, base, span=st.span)
        self.new_local(st.var.binding.var, var_reg, st.var.span)
        self.box_if_captured(st.var.binding.var, st.var.span)
        self.loop_body(st.body, lab)
        self.end_locals(var_reg)
        self.fs.active_top = saved_active
        b.emit("END", span=_end_span(st.span))

    def st_GenFor(self, st: A.GenFor):
        b = self.fs.b
        saved_active = self.fs.active_top
        base = b.alloc(3)
        self.explist_to(st.exprs, base, 3, st.span)
        lab = b.label()
        n = len(st.names)
        first = b.alloc(n)
        b.emit("FOR_IN", lab, base, n, span=st.span)
        for i, name in enumerate(st.names):
            self.new_local(name.binding.var, first + i, name.span)
        for name in st.names:
            self.box_if_captured(name.binding.var, name.span)
        self.loop_body(st.body, lab)
        self.end_locals(first)
        self.fs.active_top = saved_active
        b.emit("END", span=_end_span(st.span))

    def st_Return(self, st: A.Return):
        b = self.fs.b
        base = b.top
        exprs = st.exprs
        if not exprs:
            b.emit("RETURN", base, 0, 0, span=st.span)
            return
        if len(exprs) == 1 and type(exprs[0]) is not A.Vararg and type(exprs[0]) in _MULTI_EXPRS:
            self.call(exprs[0], base, MULTI)
            b.emit("RETURN", base, 1, 1, span=st.span)
            return
        if len(exprs) == 1:
            r = self.expr_reg(exprs[0]) if type(exprs[0]) is not A.Vararg else None
            if r is None:
                reg = b.alloc()
                b.emit("VARARG", reg, MULTI, span=exprs[0].span)
                b.emit("RETURN", reg, 1, 1, span=st.span)
            else:
                b.emit("RETURN", r, 1, 0, span=st.span)
            return
        spread = self.explist_to(exprs, base, MULTI, st.span)
        b.emit("RETURN", base, len(exprs), 1 if spread else 0, span=st.span)

    def st_Break(self, st: A.Break):
        self.fs.b.emit("BREAK", self.fs.loop_labels[-1], span=st.span)

    def st_Goto(self, st: A.Goto):
        info = self.resolver.goto_targets[id(st)]
        forward = any(g is st for g, _ in info.forward)
        key = (id(info), "break" if forward else "continue")
        lab = self.fs.goto_labels[key]
        self.fs.b.emit("BREAK" if forward else "CONTINUE", lab, span=st.span)

    def st_Label(self, st: A.Label):
        pass

    # -- expressions ----------------------------------------------------------------------
    def explist_to(self, exprs, base: int, want: int, span) -> bool:
        """Evaluate *exprs* into consecutive registers from *base*, adjusted to *want*
        values (``MULTI``: keep all; the last register then holds a tuple if the
        last expression is multi-valued — the return value says so)."""
        b = self.fs.b
        n = len(exprs)
        for i, e in enumerate(exprs):
            reg = base + i
            if reg >= b.top:
                b.alloc(reg + 1 - b.top)
            last = i == n - 1
            if last and type(e) in _MULTI_EXPRS:
                if want == MULTI:
                    self.multi(e, reg, MULTI)
                    return True
                rest = want - i
                if rest <= 0:
                    if type(e) is not A.Vararg:
                        self.multi(e, reg, 0)       # evaluated for its effects, results dropped
                else:
                    if reg + rest > b.top:
                        b.alloc(reg + rest - b.top)
                    self.multi(e, reg, rest)
                return False
            if want != MULTI and i >= want:
                # extra expressions are evaluated and dropped
                top = b.top
                self.expr_reg(e)
                b.free_to(top)
            else:
                self.expr_to(e, reg)
        if want != MULTI:
            for i in range(n, want):
                reg = base + i
                if reg >= b.top:
                    b.alloc(reg + 1 - b.top)
                b.emit("LOAD_NIL", reg, span=span)
        return False

    def multi(self, e, reg: int, want: int):
        if type(e) is A.Vararg:
            if want != 0:
                self.fs.b.emit("VARARG", reg, want, span=e.span)
        else:
            self.call(e, reg, want)

    def call(self, e, base: int, nres: int):
        """Emit a call with function at *base* (args above it), *nres* results."""
        b = self.fs.b
        if base + 1 > b.top:
            b.alloc(base + 1 - b.top)
        b.free_to(base + 1)
        if type(e) is A.MethodCall:
            obj = self.expr_reg(e.obj)
            b.alloc(1)
            b.emit("SELF", base, obj, b.const(e.name), span=e.span)
            b.free_to(base + 2)
            nfixed = 1
        else:
            self.expr_to(e.func, base)
            b.free_to(base + 1)
            nfixed = 0
        args = e.args
        spread = self.explist_to(args, base + 1 + nfixed, MULTI, e.span) if args else False
        nargs = nfixed + len(args)
        b.emit("CALL", base, nargs, nres, 1 if spread else 0, span=e.span)
        b.free_to(base + max(nres, 1))

    def expr_to(self, e, reg: int):
        """Evaluate expression *e* (one value) into register *reg*."""
        b = self.fs.b
        t = type(e)
        top = b.top
        if reg >= b.top:
            b.alloc(reg + 1 - b.top)
            top = b.top
        if t is A.Nil:
            b.emit("LOAD_NIL", reg, span=e.span)
        elif t is A.Bool:
            b.emit("LOAD_BOOL", reg, 1 if e.value else 0, span=e.span)
        elif t is A.Number or t is A.String:
            b.emit("LOAD_CONST", reg, b.const(e.value), span=e.span)
        elif t is A.Vararg:
            b.emit("VARARG", reg, 1, span=e.span)
        elif t is A.Name:
            self.load_name(e, reg)
        elif t is A.Index:
            obj = self.expr_reg(e.obj)
            key = self.key_operand(e.key)
            if key < 0 and type(b.fn.consts[-1 - key]) is str:
                b.emit("GET_FIELD", reg, obj, -1 - key, span=e.span)
            else:
                b.emit("GET_INDEX", reg, obj, key, span=e.span)
        elif t is A.Call or t is A.MethodCall:
            # call straight into reg when it is the newest temporary
            base = reg if reg == b.top - 1 and reg >= self.fs.active_top else b.top
            self.call(e, base, 1)
            if base != reg:
                b.emit("MOVE", reg, base, span=e.span)
        elif t is A.Function:
            self.closure(e, reg)
        elif t is A.Paren:
            self.expr_to(e.expr, reg)
        elif t is A.BinOp:
            self.binop(e, reg)
        elif t is A.UnOp:
            folded = _fold_unary(e)
            if folded is not None:
                b.emit("LOAD_CONST", reg, b.const(folded), span=e.span)
            elif e.op == "not":
                b.emit("NOT", reg, self.expr_A(e.operand), span=e.span)
            else:
                op = {"-": "UNM", "#": "LEN", "~": "BNOT"}[e.op]
                b.emit(op, reg, self.expr_A(e.operand), span=e.span)
        elif t is A.Table:
            self.table(e, reg)
        else:
            raise AssertionError(f"unknown expression {t.__name__}")
        b.free_to(top)

    def expr_reg(self, e) -> int:
        """A register holding *e*: a plain local's own register, or a new temporary."""
        if type(e) is A.Name and e.binding.kind == LOCAL and id(e.binding.var) not in self.fs.boxed:
            return self.fs.regs[id(e.binding.var)]
        if type(e) is A.Paren:
            return self.expr_reg(e.expr)
        reg = self.fs.b.alloc()
        self.expr_to(e, reg)
        return reg

    def expr_A(self, e) -> int:
        """An A operand for *e*: a constant when *e* is a literal number/string/boolean."""
        c = _constant(e)
        if c is not None:
            return self.fs.b.rk(c)
        return self.expr_reg(e)

    def key_operand(self, key) -> int:
        return self.expr_A(key)

    def load_name(self, e: A.Name, reg: int):
        b = self.fs.b
        bind = e.binding
        if bind.kind == LOCAL:
            src = self.fs.regs[id(bind.var)]
            if id(bind.var) in self.fs.boxed:
                b.emit("LOAD_BOX", reg, src, span=e.span)
            elif src != reg:
                b.emit("MOVE", reg, src, span=e.span)
        elif bind.kind == UPVAL:
            b.emit("LOAD_UPVAL", reg, self.upval(bind.var), span=e.span)
        elif bind.kind == ENV:
            b.emit("LOAD_ENV", reg, span=e.span)
        elif bind.env is not None:
            env = self.env_reg(bind.env, e.span)
            b.emit("GET_FIELD", reg, env, b.const(bind.name), span=e.span)
        else:
            b.emit("LOAD_GLOBAL", reg, b.const(bind.name), span=e.span)

    def env_reg(self, env, span) -> int:
        """A register holding the user's ``_ENV`` (a local or upvalue)."""
        fake = A.Name(span, "_ENV", env)
        return self.expr_reg(fake)

    def upval(self, var) -> int:
        """The upvalue index of *var* in the current function, threading it through
        every enclosing function between here and its declaration."""
        chain = []
        fs = self.fs
        while id(var) not in fs.regs:
            chain.append(fs)
            fs = fs.parent
        # fs declares var; walk back down
        index = fs.regs[id(var)]
        from_reg = True
        for f in reversed(chain):
            index = f.b.upval(var.name, from_reg, index, var.needs_box)
            from_reg = False
        return index

    def closure(self, fn: A.Function, reg: int):
        parent = self.fs
        child = self.function(fn, fn.name, fn.params, fn.is_vararg, fn.body, fn.span)
        self.module.functions.append(child)
        parent.b.fn.children.append(len(self.module.functions) - 1)
        parent.b.emit("CLOSURE", reg, len(parent.b.fn.children) - 1, span=fn.span)

    def binop(self, e: A.BinOp, reg: int):
        b = self.fs.b
        op = e.op
        if op in ("and", "or"):
            self.expr_to(e.left, reg)
            b.emit("IF", reg, 1 if op == "or" else 0, span=e.span)
            self.expr_to(e.right, reg)
            b.emit("END", span=e.span)
            return
        if op == "..":
            parts = []
            node = e
            while type(node) is A.BinOp and node.op == "..":
                parts.append(node.left)
                node = node.right
            parts.append(node)
            base = b.alloc(len(parts))
            for i, p in enumerate(parts):
                self.expr_to(p, base + i)
            b.emit("CONCAT", reg, base, len(parts), span=e.span)
            return
        if op in _ARITH:
            self.arith_chain(e, reg)
            return
        x = self.expr_A(e.left)
        y = self.expr_A(e.right)
        if op == "==":
            b.emit("EQ", reg, x, y, span=e.span)
        elif op == "~=":
            b.emit("EQ", reg, x, y, span=e.span)
            b.emit("NOT", reg, reg, span=e.span)
        elif op == "<":
            b.emit("LT", reg, x, y, span=e.span)
        elif op == "<=":
            b.emit("LE", reg, x, y, span=e.span)
        elif op == ">":
            b.emit("LT", reg, y, x, span=e.span)
        elif op == ">=":
            b.emit("LE", reg, y, x, span=e.span)
        else:
            raise AssertionError(op)

    def arith_chain(self, e: A.BinOp, reg: int):
        """``((a + b) - c) * d``: a left-deep chain, lowered by walking its spine
        iteratively (a 5,000-term sum must not recurse 5,000 deep)."""
        b = self.fs.b
        spine = []
        node = e
        while type(node) is A.BinOp and node.op in _ARITH:
            spine.append(node)
            node = node.left
        # accumulate in a fresh temporary unless reg is one (or there is a single
        # step): a later right operand may read the local being assigned
        acc = reg if reg >= self.fs.active_top or len(spine) == 1 else b.alloc()
        x = self.expr_A(node)
        for i, n in enumerate(reversed(spine)):
            y = self.expr_A(n.right)
            b.emit(_ARITH[n.op], acc, x, y, span=n.span)
            b.free_to(max(acc + 1, self.fs.active_top))
            x = acc
        if acc != reg:
            b.emit("MOVE", reg, acc, span=e.span)

    def table(self, e: A.Table, reg: int):
        """Fields are evaluated strictly left to right; positional values wait in
        the registers right above the table until SET_LIST stores them (every
        50 items, as Lua flushes)."""
        b = self.fs.b
        top = b.top
        t = reg if reg == b.top - 1 else b.alloc()
        positional = [f for f in e.fields if f.key is None]
        b.emit("NEW_TABLE", t, len(positional), len(e.fields) - len(positional), span=e.span)
        pending = 0
        next_index = 1
        spread = False
        for f in e.fields:
            if f.key is None:
                if pending == LFIELDS_PER_FLUSH:
                    b.emit("SET_LIST", t, next_index, pending, 0, span=f.span)
                    next_index += pending
                    pending = 0
                    b.free_to(t + 1)
                r = b.alloc()
                # only the constructor's very last field expands to all its values
                spread = f is e.fields[-1] and type(f.value) in _MULTI_EXPRS
                if spread:
                    self.multi(f.value, r, MULTI)
                else:
                    self.expr_to(f.value, r)
                pending += 1
            else:
                ftop = b.top
                key = self.key_operand(f.key)
                val = self.expr_A(f.value)
                if key < 0 and type(b.fn.consts[-1 - key]) is str:
                    b.emit("SET_FIELD", t, -1 - key, val, span=f.span)
                else:
                    b.emit("SET_INDEX", t, key, val, span=f.span)
                b.free_to(ftop)
        if pending:
            b.emit("SET_LIST", t, next_index, pending, 1 if spread else 0, span=e.span)
        if t != reg:
            b.emit("MOVE", reg, t, span=e.span)
        b.free_to(top)


def _constant(e):
    t = type(e)
    if t is A.Number or t is A.String:
        return e.value
    if t is A.Bool:
        return e.value
    if t is A.UnOp:
        return _fold_unary(e)
    return None


def _fold_unary(e: A.UnOp):
    if e.op == "-" and type(e.operand) is A.Number:
        v = e.operand.value
        return wrap(-v) if type(v) is int else -v
    return None


def _writes_last(e) -> bool:
    """Whether evaluating *e* into a register writes it only at the very end, so
    the register may be the assigned local itself even if *e* reads that local."""
    t = type(e)
    if t is A.Paren:
        return _writes_last(e.expr)
    if t is A.Table:
        return False
    if t is A.BinOp and e.op in ("and", "or"):
        return False
    return True


def _always_true(e) -> bool:
    return type(e) is A.Bool and e.value or type(e) in (A.Number, A.String)


def _end_span(span):
    line = span.end_line or span.line
    col = span.end_col or span.col
    return Span(span.file, line, col, line, col)


def lower(chunk: A.Chunk, name: str, source: str) -> Module:
    resolver = resolve(chunk)
    return Lowerer(name, source, resolver).chunk(chunk)
