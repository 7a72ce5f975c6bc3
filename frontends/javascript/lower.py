"""Lowering an ESTree (esprima) module to IR, with JavaScript's scoping.

Input: the ``Program`` node from :mod:`.parse`.  Output: an IR
:class:`~llmspell.ir.model.Module` with language ``"javascript"``.

How JavaScript maps onto the register IR:

* **Bindings are registers**, resolved while lowering as a one-pass compiler
  does (Lua's ``singlevar``): each block declares its ``let``/``const``/
  ``class``/function names on entry (hoisting), each function its ``var`` names
  and parameters.  A name found in an enclosing function becomes an upvalue.
  A binding that a nested function mentions is *boxed* (``BOX``) when its scope
  is entered, so every entry — every loop iteration — makes a fresh variable;
  a ``for (let ...)`` loop re-boxes its variables before each update, which is
  the spec's CopyIteration.  Reading a ``let``/``const`` that the function has
  not initialised yet (the temporal dead zone) is a ``ReferenceError`` thrown
  where it happens.
* **Register 0 is ``this``.**  Every function takes ``this`` as its first
  parameter; an arrow function has no binding of its own, so ``this`` resolves
  to the enclosing function's through upvalues — lexical ``this`` for free.
* **Control flow** is structured: loops are ``LOOP`` regions (a ``BLOCK``
  inside is the ``continue`` target of a ``for``), ``switch`` is a ``BLOCK``
  whose cases run from the first match on, ``try`` is ``TRY``/``CATCH``/
  ``FINALLY``; labels name regions.
* What only JavaScript has (``typeof``, ``new``, ``in``, spread, classes,
  ``yield``, ``await`` ...) is an ``INTRINSIC`` bound by the VM's JavaScript
  runtime (``vm/js/emit.py`` lists them).

Anything the VM does not implement is a :class:`CompileError` naming the
construct, raised before anything runs.
"""
from __future__ import annotations

from ...ir.builder import FunctionBuilder
from ...ir.errors import CompileError
from ...ir.javascript import (
    ARROW,
    ASYNC,
    CALLABLE,
    CLASS,
    CONSTRUCTOR,
    DERIVED,
    GENERATOR,
    KIND_BITS,
    utf16_units,
)
from ...ir.model import Module
from ...ir.source import Span
from .. import lookup, upval

_ARITH = {"+": "ADD", "-": "SUB", "*": "MUL", "/": "DIV", "%": "MOD", "**": "POW",
          "&": "BAND", "|": "BOR", "^": "BXOR", "<<": "SHL", ">>": "SHR"}
_FUNCTIONS = ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression")
_ANONYMOUS = ("FunctionExpression", "ArrowFunctionExpression", "ClassExpression")


class Var:
    __slots__ = ("name", "kind", "reg", "boxed", "fs", "initialized", "end", "field")

    def __init__(self, name, kind, reg, boxed, fs, end=0):
        self.name = name
        self.kind = kind              # var let const function class param this catch hidden
        self.reg = reg
        self.boxed = boxed
        self.fs = fs
        self.initialized = kind not in ("let", "const", "class")
        self.end = end                # source offset where the declaration ends
        #: an import binding: the register holds the module's namespace and a
        #: read is a read of this export (a live binding)
        self.field = None


class Jump:
    """An enclosing breakable statement: its labels and IR labels."""

    __slots__ = ("labels", "brk", "cont", "is_loop")

    def __init__(self, labels, brk, cont, is_loop):
        self.labels = labels
        self.brk = brk
        self.cont = cont
        self.is_loop = is_loop


class FuncState:
    def __init__(self, parent, name, span, node, is_arrow):
        self.parent = parent
        self.b = FunctionBuilder(name, span)
        self.scopes: list[dict] = []
        self.jumps: list[Jump] = []
        self.node = node
        self.is_arrow = is_arrow
        self.captured = _names_in_closures(node) if node is not None else set()
        self.class_ctx = None        # (home binding, "instance" | "static" | "object") for super


class Lowerer:
    def __init__(self, name: str, source: str):
        self.name = name
        self.module = Module(lang="javascript", name=name, source=source)
        self.fs: FuncState | None = None
        self.chain_exits: list[int] = []      # BLOCK labels of the enclosing optional chains
        self.pattern_source = None            # the value being destructured (for "x is not iterable")

    # -- spans and errors --------------------------------------------------------------
    def span(self, node) -> Span:
        loc = node.loc
        return Span(self.name, loc.start.line, loc.start.column + 1, loc.end.line, loc.end.column + 1)

    def unsupported(self, node, what: str):
        raise CompileError(f"{what} is not supported", self.span(node),
                           hint="see the README's JavaScript section for what llmspell runs")

    def emit(self, op, *args, node):
        return self.fs.b.emit(op, *args, span=self.span(node))

    # -- functions --------------------------------------------------------------------
    def program(self, prog) -> Module:
        self.module.functions.append(None)
        fs = FuncState(None, "main", self.span(prog), prog, False)
        self.fs = fs
        fs.b.fn.nparams = 1
        self.open_scope()
        self.declare("this", "this", fs.b.alloc(), boxed="this" in fs.captured, node=prog)
        self.box_params(prog)
        imports, body, exports = _split_module(prog.body)
        ns_var = self.declare_module(imports, exports, prog) if imports or exports else None
        self.hoist_vars(body, prog)
        if ns_var is not None:
            self.namespace(ns_var, exports, prog)
            self.imports(imports, ns_var)
            self.export_imports(ns_var, exports, prog)
        self.statements(body, prog)
        result, count = fs.b.top, 0
        if ns_var is not None:                  # a module returns its namespace (to the loader)
            result, count = fs.b.alloc(), 1
            self.load_var(ns_var, result, prog)
        self.close_scope()
        self.emit("RETURN", result, count, 0, node=prog)
        self.module.functions[0] = fs.b.finish()
        return self.module

    # -- modules ------------------------------------------------------------------------------
    # As in ES modules: the namespace exists before the module's imports run —
    # its function declarations already callable, its other bindings in their
    # TDZ — so a module that imports this one back (a cycle) gets it; the
    # imports are then evaluated in order, and the body runs.  Bindings are
    # live both ways: an exported binding is boxed and the namespace reads the
    # box, and an import binding holds the imported namespace and reads the
    # export at each use.
    def declare_module(self, imports, exports, prog) -> Var:
        """The bindings a module adds before hoisting: its imports, its
        hidden default export and namespace; exported bindings are boxed."""
        self.fs.captured |= {local for _, local, _ in exports if local != REEXPORT}
        for name, node, field in _import_names(imports):
            self.new_binding(name, "const", node).field = field
        if any(local == DEFAULT for _, local, _ in exports):
            self.new_binding(DEFAULT, "const", prog)
        return self.new_binding(NAMESPACE, "const", prog)

    def namespace(self, ns_var, exports, prog):
        """Make the module's namespace from its own exports' boxes."""
        b = self.fs.b
        top = b.top
        seen, own = set(), []
        for name, local, node in exports:
            if name in seen:
                raise CompileError(f"Duplicate export of '{name}'", self.span(node))
            seen.add(name)
            var = None if local == REEXPORT else self.lookup(local)
            if var is None and local != REEXPORT:
                raise CompileError(f"Export '{local}' is not defined in module", self.span(node),
                                   hint="declare it in this file, or import it first")
            if var is not None and var.field is None:
                own.append((name, var, node))
        base = b.alloc(2 * len(own) + 1)
        for i, (name, var, node) in enumerate(own):
            self.emit("LOAD_CONST", base + 2 * i, b.const(name), node=node)
            self.emit("MOVE", base + 2 * i + 1, var.reg, node=node)      # the box itself
        self.emit("INTRINSIC", base, b.const("module_namespace"), base, 2 * len(own), node=prog)
        self.store_var(ns_var, base, prog, init=True)
        b.free_to(top)

    def export_imports(self, ns_var, exports, prog):
        """``import { a } from "m"; export { a as b }``: b reads a in m, live."""
        b = self.fs.b
        for name, local, node in exports:
            var = None if local == REEXPORT else self.lookup(local)
            if var is not None and var.field is not None:
                top = b.top
                r = b.alloc(4)
                self.load_var(ns_var, r, node)
                self.emit("LOAD_CONST", r + 1, b.const(name), node=node)
                self.load_var(var, r + 2, node, raw=True)
                self.emit("LOAD_CONST", r + 3, b.const(var.field), node=node)
                self.emit("INTRINSIC", r, b.const("export_from"), r, 4, node=node)
                b.free_to(top)

    def imports(self, imports, ns_var):
        """Evaluate the imports in order: each binding gets the imported
        namespace (checked to have the name); re-exports and ``export *`` add
        live entries to this module's namespace."""
        b = self.fs.b
        for i, st in enumerate(imports):
            top = b.top
            ns = b.alloc(5)
            self.emit("LOAD_CONST", ns, b.const(st.source.value), node=st.source)
            self.emit("INTRINSIC", ns, b.const("import_module"), ns, 1, node=st)
            for sp in st.specifiers or ():
                if sp.type != "ImportNamespaceSpecifier":
                    self.emit("LOAD_CONST", ns + 1, b.const(_imported_name(sp)), node=sp)
                    self.emit("INTRINSIC", ns + 1, b.const("import_binding"), ns, 2, node=sp)
                if st.type == "ImportDeclaration":
                    self.store_var(self.lookup(sp.local.name), ns, sp, init=True)
                else:                               # export { a as b } from: b reads a there
                    self.load_var(ns_var, ns + 1, sp)
                    self.emit("LOAD_CONST", ns + 2, b.const(sp.exported.name), node=sp)
                    self.emit("MOVE", ns + 3, ns, node=sp)
                    self.emit("LOAD_CONST", ns + 4, b.const(sp.local.name), node=sp)
                    self.emit("INTRINSIC", ns + 1, b.const("export_from"), ns + 1, 4, node=sp)
            if st.type == "ExportAllDeclaration":
                self.load_var(ns_var, ns + 1, st)
                self.emit("MOVE", ns + 2, ns, node=st)
                self.emit("INTRINSIC", ns + 1, b.const("export_star"), ns + 1, 2, node=st)
            b.free_to(top)

    def st_ExportDefaultDeclaration(self, st):
        """``export default <expression>`` (or an anonymous function or class):
        the value, named "default", goes to the module's hidden default binding."""
        d = st.declaration
        if d.type in ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"):
            reg = self.function(d, "default", CALLABLE if d.type == "ArrowFunctionExpression"
                                else CALLABLE | CONSTRUCTOR)
        elif d.type in ("ClassDeclaration", "ClassExpression"):
            reg = self.class_(d, "default")
        else:
            reg = self.expr_reg(d, name="default")
        self.store_var(self.lookup(DEFAULT), reg, st, init=True)

    def function(self, node, name: str, kind: int, class_ctx=None) -> int:
        """Lower function *node*; emit CLOSURE into a new register; return it."""
        parent = self.fs
        is_arrow = node.type == "ArrowFunctionExpression"
        if node.generator:
            kind |= GENERATOR
            kind &= ~CONSTRUCTOR
        if getattr(node, "isAsync", False):
            kind |= ASYNC
            kind &= ~CONSTRUCTOR
        fs = FuncState(parent, name, self.span(node), node, is_arrow)
        fs.class_ctx = class_ctx if class_ctx is not None else (parent.class_ctx if is_arrow else None)
        self.fs = fs
        b = fs.b
        simple = all(p.type == "Identifier" for p in node.params)
        length = 0
        for p in node.params:
            if p.type in ("AssignmentPattern", "RestElement"):
                break
            length += 1
        rest = node.params and node.params[-1].type == "RestElement"
        params = node.params[:-1] if rest else node.params
        # a function that reads `arguments` takes every argument as one array,
        # so that arguments.length counts what the caller passed
        all_args = self.uses_arguments(node)
        b.fn.nparams = 1 if all_args else 1 + len(params)
        b.fn.is_vararg = bool(rest) or all_args
        b.fn.kind = kind | (length << KIND_BITS)
        self.open_scope()
        this_reg = b.alloc()
        if not is_arrow:
            self.declare("this", "this", this_reg, boxed="this" in fs.captured, node=node)
            own = _names_own(node)
            if "new" in own and "target" in own:
                var = self.declare("new.target", "hidden", b.alloc(), boxed=False, node=node)
                self.emit("INTRINSIC", var.reg, b.const("new_target"), 0, 0, node=node)
        param_regs = [b.alloc() for _ in params]
        if kind & DERIVED:
            # `this` is uninitialised until super(...) returns; %this is the object made by new
            real = b.alloc()
            self.declare("%this", "hidden", real, boxed=False, node=node)
            self.emit("MOVE", real, this_reg, node=node)
            var = self.lookup("this")
            self.emit("INTRINSIC", this_reg, b.const("tdz"), 0, 0, node=node)
            var.end = _ALWAYS_CHECK
        if simple:
            for p, reg in zip(params, param_regs):
                self.declare(p.name, "param", reg, boxed=p.name in fs.captured, node=p)
        self.box_params(node)
        if all_args:
            args_reg = b.alloc()
            self.emit("VARARG", args_reg, -1, node=node)
            for i, r in enumerate(param_regs):
                self.emit("GET_INDEX", r, args_reg, b.rk(float(i)), node=node)
            reg = b.alloc()
            var = self.declare("arguments", "var", reg, boxed="arguments" in fs.captured, node=node)
            self.emit("BOX" if var.boxed else "MOVE", reg, args_reg, node=node)
        if not simple or rest:
            # parameters with defaults or patterns: bound like `let` declarations
            for p, reg in zip(params, param_regs):
                self.declare_pattern_names(p, "let")
            for p, reg in zip(params, param_regs):
                self.bind_pattern(p, reg, "let")
            if rest:
                reg = b.alloc()
                if all_args:
                    n = b.alloc()
                    self.emit("LOAD_CONST", n, b.const(float(len(params))), node=node)
                    self.intrinsic("rest_from", reg, [args_reg, n], node)
                else:
                    self.emit("VARARG", reg, -1, node=node.params[-1])
                self.declare_pattern_names(node.params[-1].argument, "let")
                self.bind_pattern(node.params[-1].argument, reg, "let")
        body = node.body
        if body.type == "FieldsBody":
            self.field_statements(body)
            self.emit("RETURN", b.top, 0, 0, node=node)
        elif body.type != "BlockStatement":
            r = self.expr_reg(body)
            self.emit("RETURN", r, 1, 0, node=body)
        else:
            self.hoist_vars(body.body, node)
            self.statements(body.body, body)
            self.emit("RETURN", b.top, 0, 0, node=_end(body))
        self.close_scope()
        fn = b.finish()
        self.fs = parent
        index = len(self.module.functions)
        self.module.functions.append(fn)
        parent.b.fn.children.append(index)
        reg = parent.b.alloc()
        self.emit("CLOSURE", reg, len(parent.b.fn.children) - 1, node=node)
        return reg

    def uses_arguments(self, node) -> bool:
        return not node.type == "ArrowFunctionExpression" and "arguments" in _names_own(node)

    def box_params(self, node):
        """Box the captured bindings declared so far in the current scope."""
        for var in self.fs.scopes[-1].values():
            if var.boxed:
                self.emit("BOX", var.reg, var.reg, node=node)

    # -- scopes -------------------------------------------------------------------------
    def open_scope(self):
        self.fs.scopes.append({})

    def close_scope(self):
        scope = self.fs.scopes.pop()
        b = self.fs.b
        for var in scope.values():
            for lv in b.fn.locvars:
                if lv.reg == var.reg and lv.end < 0 and lv.name == var.name:
                    lv.end = b.pc

    def declare(self, name, kind, reg, boxed, node) -> Var:
        var = Var(name, kind, reg, boxed, self.fs)
        self.fs.scopes[-1][name] = var
        self.fs.b.local(name, reg, boxed=boxed)
        return var

    def new_binding(self, name, kind, node, boxed=None) -> Var:
        """Declare *name* in the innermost scope in a fresh register (boxed —
        with its box made now — when a closure mentions it)."""
        b = self.fs.b
        reg = b.alloc()
        if boxed is None:
            boxed = name in self.fs.captured
        var = self.declare(name, kind, reg, boxed, node)
        if boxed and kind in ("let", "const", "class"):
            # a closure may run before the declaration: the box starts uninitialised
            self.emit("INTRINSIC", reg, b.const("tdz"), 0, 0, node=node)
            var.end = _decl_end(node)
        else:
            self.emit("LOAD_NIL", reg, node=node)
        if boxed:
            self.emit("BOX", reg, reg, node=node)
        return var

    def hoist_vars(self, body, fnode):
        """``var`` declarations anywhere in the function body (not in nested
        functions) and the body's own lexical declarations."""
        names: list = []
        for st in body:
            _collect_vars(st, names)
        scope = self.fs.scopes[-1]
        for name, node in names:
            if name not in scope:
                self.new_binding(name, "var", node)
        self.hoist_lexical(body)

    def hoist_lexical(self, body):
        scope = self.fs.scopes[-1]
        for st in body:
            if st.type == "VariableDeclaration" and st.kind in ("let", "const"):
                for d in st.declarations:
                    for name, node in _pattern_names(d.id):
                        self.new_binding(name, st.kind, node)
            elif st.type == "ClassDeclaration":
                self.new_binding(st.id.name, "class", st)
            elif st.type == "FunctionDeclaration" and st.id.name not in scope:
                self.new_binding(st.id.name, "function", st)
        for st in body:
            if st.type == "FunctionDeclaration":
                reg = self.function(st, st.id.name, CALLABLE | CONSTRUCTOR)
                self.store_var(self.lookup(st.id.name), reg, st)
                self.fs.b.free_to(reg)

    def lookup(self, name):
        """The binding *name* refers to here, or None (a global)."""
        return lookup(self.fs, name)

    def load_var(self, var: Var, reg: int, node, raw: bool = False):
        """*var*'s value into *reg* (*raw*: an import binding's namespace, not
        the export it reads)."""
        if not var.initialized and var.fs is self.fs:
            self.throw_error("ReferenceError", f"Cannot access '{var.name}' before initialization", node)
            return
        if var.fs is self.fs:
            if var.boxed:
                self.emit("LOAD_BOX", reg, var.reg, node=node)
            elif reg != var.reg:
                self.emit("MOVE", reg, var.reg, node=node)
            if var.end == _ALWAYS_CHECK:
                self.check_tdz(var, reg, node)
        else:
            self.emit("LOAD_UPVAL", reg, upval(self.fs, var), node=node)
            if var.end and self.may_precede(var, node):
                self.check_tdz(var, reg, node)
        if var.field is not None and not raw:       # an import: the export's current value
            self.apply_with_const("import_get", reg, var.field, node)

    def check_tdz(self, var: Var, reg: int, node):
        self.apply_with_const("check_tdz", reg, var.name, node)

    def apply_with_const(self, intrinsic: str, reg: int, const, node):
        """``reg := intrinsic(reg, const)`` (the arguments in two fresh registers)."""
        b = self.fs.b
        top = b.top
        pair = b.alloc(2)
        self.emit("MOVE", pair, reg, node=node)
        self.emit("LOAD_CONST", pair + 1, b.const(const), node=node)
        self.emit("INTRINSIC", reg, b.const(intrinsic), pair, 2, node=node)
        b.free_to(top)

    def may_precede(self, var: Var, node) -> bool:
        """Whether this read of a captured let/const/class may run before its
        declaration: it is written before it, or inside a hoisted function."""
        if node.range[0] < var.end if hasattr(node, "range") and node.range else True:
            return True
        fs = self.fs
        while fs is not None and fs is not var.fs:
            if fs.node is not None and fs.node.type == "FunctionDeclaration":
                return True
            fs = fs.parent
        return False

    def store_var(self, var: Var, reg_or_k: int, node, init: bool = False):
        if var.kind == "const" and not init:
            self.throw_error("TypeError", "Assignment to constant variable.", node)
            return
        if not var.initialized and not init and var.fs is self.fs:
            self.throw_error("ReferenceError", f"Cannot access '{var.name}' before initialization", node)
            return
        if var.fs is self.fs:
            if var.boxed:
                self.emit("STORE_BOX", var.reg, reg_or_k, node=node)
            elif reg_or_k != var.reg:
                if reg_or_k >= 0:
                    self.emit("MOVE", var.reg, reg_or_k, node=node)
                else:
                    self.load_const_to(var.reg, reg_or_k, node)
        else:
            self.emit("STORE_UPVAL", upval(self.fs, var), reg_or_k, node=node)
        if init:
            var.initialized = True

    def load_const_to(self, reg, k, node):
        value = self.fs.b.fn.consts[-1 - k]
        if type(value) is bool:
            self.emit("LOAD_BOOL", reg, int(value), node=node)
        else:
            self.emit("LOAD_CONST", reg, -1 - k, node=node)

    def throw_error(self, kind: str, message: str, node):
        b = self.fs.b
        top = b.top
        r = b.alloc(2)
        self.emit("LOAD_GLOBAL", r, b.const(kind), node=node)
        self.emit("LOAD_CONST", r + 1, b.const(message), node=node)
        self.emit("INTRINSIC", r, b.const("new"), r, 2, node=node)
        self.emit("THROW", r, node=node)
        b.free_to(top)

    def intrinsic(self, name, dest, regs, node):
        """``dest := intrinsic(regs...)``; the argument registers are copied to
        consecutive temporaries when they are not already."""
        b = self.fs.b
        if regs and regs != list(range(regs[0], regs[0] + len(regs))):
            top = b.top
            base = b.alloc(len(regs))
            for i, r in enumerate(regs):
                self.emit("MOVE", base + i, r, node=node)
            self.emit("INTRINSIC", dest, b.const(name), base, len(regs), node=node)
            b.free_to(max(top, dest + 1))
            return
        self.emit("INTRINSIC", dest, b.const(name), regs[0] if regs else dest, len(regs), node=node)

    # -- statements ---------------------------------------------------------------------------
    def statements(self, body, node):
        for st in body:
            top = self.fs.b.top
            self.stmt(st)
            self.fs.b.free_to(top)

    def stmt(self, st, labels=()):
        m = getattr(self, "st_" + st.type, None)
        if m is None:
            self.unsupported(st, _describe(st))
        if labels and st.type not in ("ForStatement", "WhileStatement", "DoWhileStatement", "ForInStatement",
                                      "ForOfStatement", "LabeledStatement"):
            lab = self.fs.b.label()
            self.emit("BLOCK", lab, node=st)
            self.fs.jumps.append(Jump(set(labels), lab, None, False))
            m(st)
            self.fs.jumps.pop()
            self.emit("END", node=_end(st))
            return
        if st.type in ("LabeledStatement",) or labels:
            m(st, labels)
        else:
            m(st)

    def st_LabeledStatement(self, st, labels=()):
        self.stmt(st.body, tuple(labels) + (st.label.name,))

    def st_EmptyStatement(self, st):
        pass

    def st_DebuggerStatement(self, st):
        pass

    def st_ExpressionStatement(self, st):
        if getattr(st, "directive", None):
            return
        top = self.fs.b.top
        self.expr_effect(st.expression)
        self.fs.b.free_to(top)

    def st_VariableDeclaration(self, st):
        for d in st.declarations:
            top = self.fs.b.top
            if d.init is None:
                if st.kind == "var":
                    continue
                if d.id.type == "Identifier":
                    var = self.lookup(d.id.name)
                    r = self.fs.b.alloc()
                    self.emit("LOAD_NIL", r, node=d)
                    self.store_var(var, r, d, init=True)
                self.fs.b.free_to(top)
                continue
            if d.id.type == "Identifier":
                r = self.expr_reg(d.init, name=d.id.name)
            else:
                r = self.expr_reg(d.init)
            self.pattern_source = d.init
            self.bind_pattern(d.id, r, st.kind)
            self.pattern_source = None
            self.fs.b.free_to(top)

    def st_FunctionDeclaration(self, st):
        pass            # hoisted to the start of its block

    def st_ClassDeclaration(self, st):
        reg = self.class_(st, st.id.name)
        self.store_var(self.lookup(st.id.name), reg, st, init=True)

    def st_BlockStatement(self, st):
        self.open_scope()
        self.hoist_lexical(st.body)
        self.statements(st.body, st)
        self.close_scope()

    def st_ReturnStatement(self, st):
        if st.argument is None:
            self.emit("RETURN", self.fs.b.top, 0, 0, node=st)
        else:
            r = self.expr_reg(st.argument)
            self.emit("RETURN", r, 1, 0, node=st)

    def st_ThrowStatement(self, st):
        r = self.expr_reg(st.argument)
        self.emit("THROW", r, node=st)

    def st_IfStatement(self, st):
        top = self.fs.b.top
        r = self.expr_reg(st.test)
        self.emit("IF", r, 0, node=st.test)
        self.fs.b.free_to(top)
        self.stmt(st.consequent)
        if st.alternate is not None:
            self.emit("ELSE", node=st.alternate)
            self.stmt(st.alternate)
        self.emit("END", node=_end(st))

    def loop(self, st, labels, body_fn, test=None, update=None, test_after=False, per_iteration=()):
        """The shape every loop shares: LOOP L { [test] BLOCK C { body } [copy] [update] [test] }."""
        b = self.fs.b
        brk, cont = b.label(), b.label()
        self.emit("LOOP", brk, node=st)
        if test is not None and not test_after:
            self.break_unless(test, brk)
        self.emit("BLOCK", cont, node=st)
        self.fs.jumps.append(Jump(set(labels), brk, cont, True))
        body_fn()
        self.fs.jumps.pop()
        self.emit("END", node=_end(st))
        for var in per_iteration:        # CopyIteration: a fresh box per iteration
            top = b.top
            t = b.alloc()
            self.emit("LOAD_BOX", t, var.reg, node=st)
            self.emit("BOX", var.reg, t, node=st)
            b.free_to(top)
        if update is not None:
            top = b.top
            self.expr_effect(update)
            b.free_to(top)
        if test is not None and test_after:
            self.break_unless(test, brk)
        self.emit("END", node=_end(st))

    def break_unless(self, test, label):
        top = self.fs.b.top
        r = self.expr_reg(test)
        self.emit("IF", r, 1, node=test)
        self.emit("BREAK", label, node=test)
        self.emit("END", node=test)
        self.fs.b.free_to(top)

    def st_WhileStatement(self, st, labels=()):
        self.loop(st, labels, lambda: self.stmt(st.body), test=st.test)

    def st_DoWhileStatement(self, st, labels=()):
        self.loop(st, labels, lambda: self.stmt(st.body), test=st.test, test_after=True)

    def st_ForStatement(self, st, labels=()):
        self.open_scope()
        per_iteration = []
        if st.init is not None:
            if st.init.type == "VariableDeclaration":
                if st.init.kind != "var":
                    self.hoist_lexical([st.init])
                    per_iteration = [v for v in self.fs.scopes[-1].values() if v.boxed]
                self.st_VariableDeclaration(st.init)
            else:
                top = self.fs.b.top
                self.expr_effect(st.init)
                self.fs.b.free_to(top)
        self.loop(st, labels, lambda: self.stmt(st.body), test=st.test, update=st.update,
                  per_iteration=per_iteration)
        self.close_scope()

    def st_ForOfStatement(self, st, labels=()):
        # esprima-fork marks `for await` with allowAwait
        self.for_each(st, labels, "AWAIT" if getattr(st, "allowAwait", False) else "ITER")

    def st_ForInStatement(self, st, labels=()):
        self.for_each(st, labels, "KEYS")

    def for_each(self, st, labels, how):
        b = self.fs.b
        top = b.top
        base = b.alloc(4)
        src = self.expr_reg(st.right)
        if how == "KEYS":
            self.intrinsic("for_in", base, [src], st.right)
        elif how == "AWAIT":
            self.intrinsic("for_await", base, [src], st.right)
        elif src != base:
            self.emit("MOVE", base, src, node=st.right)
        b.free_to(base + 4)
        brk, cont = b.label(), b.label()
        self.emit("FOR_IN", brk, base, 1, node=st.right)     # "<right> is not iterable"
        self.open_scope()
        left = st.left
        if left.type == "VariableDeclaration":
            target = left.declarations[0].id
            kind = left.kind
            if kind == "var":
                self.bind_pattern(target, base + 3, "assign")
            else:
                for name, node in _pattern_names(target):
                    self.new_binding(name, kind, node)
                self.bind_pattern(target, base + 3, kind)
        else:
            self.bind_pattern(left, base + 3, "assign")
        self.emit("BLOCK", cont, node=st)
        self.fs.jumps.append(Jump(set(labels), brk, cont, True))
        self.stmt(st.body)
        self.fs.jumps.pop()
        self.emit("END", node=_end(st))
        self.close_scope()
        self.emit("END", node=_end(st))
        b.free_to(top)

    def st_BreakStatement(self, st):
        target = self.jump_target(st, st.label, False)
        self.emit("BREAK", target.brk, node=st)

    def st_ContinueStatement(self, st):
        target = self.jump_target(st, st.label, True)
        self.emit("BREAK", target.cont, node=st)

    def jump_target(self, st, label, is_continue) -> Jump:
        for j in reversed(self.fs.jumps):
            if label is not None:
                if label.name in j.labels:
                    if is_continue and not j.is_loop:
                        break
                    return j
            elif j.is_loop or (not is_continue and j.cont is None and not j.labels):
                return j
        raise CompileError(f"Illegal {'continue' if is_continue else 'break'} statement", self.span(st))

    def st_SwitchStatement(self, st, labels=()):
        b = self.fs.b
        top = b.top
        disc = b.alloc()
        self.expr_to(st.discriminant, disc)
        idx = b.alloc()
        n = float(len(st.cases))
        self.emit("LOAD_CONST", idx, b.const(n), node=st)
        t = b.alloc()
        default = None
        for i, case in enumerate(st.cases):
            if case.test is None:
                default = i
                continue
            self.emit("EQ", t, idx, b.rk(n), node=case)
            self.emit("IF", t, 0, node=case)
            r = self.expr_reg(case.test)
            self.emit("EQ", t, disc, r, node=case.test)
            self.emit("IF", t, 0, node=case.test)
            self.emit("LOAD_CONST", idx, b.const(float(i)), node=case)
            self.emit("END", node=case)
            self.emit("END", node=case)
            b.free_to(t + 1)
        if default is not None:
            self.emit("EQ", t, idx, b.rk(n), node=st)
            self.emit("IF", t, 0, node=st)
            self.emit("LOAD_CONST", idx, b.const(float(default)), node=st)
            self.emit("END", node=st)
        brk = b.label()
        self.emit("BLOCK", brk, node=st)
        self.fs.jumps.append(Jump(set(labels), brk, None, False))
        self.open_scope()
        self.hoist_lexical([c for case in st.cases for c in case.consequent])
        for var in self.fs.scopes[-1].values():
            # a case may read a binding another case declares: checked when read
            if var.kind in ("let", "const", "class"):
                self.emit("INTRINSIC", t, b.const("tdz"), 0, 0, node=st)
                self.emit("BOX" if var.boxed else "MOVE", var.reg, t, node=st)
                var.end = _ALWAYS_CHECK
        for i, case in enumerate(st.cases):
            self.emit("LE", t, idx, b.rk(float(i)), node=case)
            self.emit("IF", t, 0, node=case)
            self.statements(case.consequent, case)
            self.emit("END", node=case)
        self.close_scope()
        self.fs.jumps.pop()
        self.emit("END", node=_end(st))
        b.free_to(top)

    def st_TryStatement(self, st):
        b = self.fs.b
        top = b.top
        err = b.alloc()
        self.emit("TRY", err, node=st)
        self.st_BlockStatement(st.block)
        if st.handler is not None:
            h = st.handler
            self.emit("CATCH", node=h)
            self.open_scope()
            if h.param is not None:
                for name, node in _pattern_names(h.param):
                    self.new_binding(name, "let", node)
                self.bind_pattern(h.param, err, "let")
            self.st_BlockStatement(h.body)
            self.close_scope()
        if st.finalizer is not None:
            self.emit("FINALLY", node=st.finalizer)
            self.st_BlockStatement(st.finalizer)
        self.emit("END", node=_end(st))
        b.free_to(top)

    def st_WithStatement(self, st):
        self.unsupported(st, "the with statement")

    # -- patterns -----------------------------------------------------------------------------
    def declare_pattern_names(self, pattern, kind):
        for name, node in _pattern_names(pattern):
            if name not in self.fs.scopes[-1]:
                self.new_binding(name, kind, node)

    def bind_pattern(self, p, reg, kind, nested=False):
        """Store the value in *reg* into pattern *p*: a declaration of *kind*
        (let/const/var) or, with kind "assign", an assignment.  A *nested*
        pattern reads its properties without V8's "Cannot destructure" check."""
        b = self.fs.b
        t = p.type
        if t == "Identifier":
            var = self.lookup(p.name)
            if var is None:
                self.emit("STORE_GLOBAL", b.const(p.name), reg, node=p)
            else:
                self.store_var(var, reg, p, init=kind != "assign")
            return
        if t == "MemberExpression":
            top = b.top
            obj = self.expr_reg(p.object)
            self.set_member(obj, self.member_key(p), reg, p)
            b.free_to(top)
            return
        top = b.top
        if t == "AssignmentPattern":
            v = b.alloc()
            self.emit("MOVE", v, reg, node=p)
            c = b.alloc()
            self.emit("EQ", c, v, self.undefined_k(), node=p)
            self.emit("IF", c, 0, node=p)
            name = p.left.name if p.left.type == "Identifier" else None
            self.expr_to(p.right, v, name=name)
            self.emit("END", node=p)
            self.bind_pattern(p.left, v, kind, nested)
        elif t == "ArrayPattern":
            n = len(p.elements)
            rest = n and p.elements[-1] is not None and p.elements[-1].type == "RestElement"
            arr = b.alloc()
            args = b.alloc(3)
            self.emit("MOVE", args, reg, node=p)
            self.emit("LOAD_CONST", args + 1, b.const(float(n - 1 if rest else n)), node=p)
            self.emit("LOAD_BOOL", args + 2, 1 if rest else 0, node=p)
            self.emit("INTRINSIC", arr, b.const("take"), args, 3, node=self.pattern_source or p)
            item = b.alloc()
            for i, el in enumerate(p.elements):
                if el is None:
                    continue
                self.emit("GET_INDEX", item, arr, b.rk(float(i)), node=el)
                self.bind_pattern(el.argument if el.type == "RestElement" else el, item, kind, True)
        elif t == "ObjectPattern":
            keys = []
            if not nested:
                first = next((q for q in p.properties if q.type != "RestElement" and not _computed(q)), None)
                k = b.alloc()
                if first is None:
                    self.emit("LOAD_NIL", k, node=p)
                else:
                    self.emit("LOAD_CONST", k, b.const(_prop_name(first.key)), node=p)
                self.intrinsic("check_object", k, [reg, k], p)
            item = b.alloc()
            for prop in p.properties:
                if prop.type == "RestElement":
                    regs = [b.alloc(), b.alloc()]
                    self.emit("NEW_TABLE", regs[0], 0, 0, node=prop)
                    self.emit("MOVE", regs[1], reg, node=prop)
                    for k in keys:
                        kr = b.alloc()
                        if type(k) is int:
                            self.emit("MOVE", kr, k, node=prop)
                        else:
                            self.emit("LOAD_CONST", kr, b.const(k), node=prop)
                        regs.append(kr)
                    self.intrinsic("copy_props", regs[0], regs, prop)
                    self.bind_pattern(prop.argument, regs[0], kind, True)
                    continue
                if _computed(prop):
                    kr = b.alloc()
                    self.expr_to(prop.key, kr)
                    self.intrinsic("to_key", kr, [kr], prop.key)
                    self.emit("GET_INDEX", item, reg, kr, node=prop)
                    keys.append(kr)
                else:
                    key = _prop_name(prop.key)
                    self.emit("GET_FIELD", item, reg, b.const(key), node=prop)
                    keys.append(key)
                self.bind_pattern(prop.value, item, kind, True)
        else:
            self.unsupported(p, f"the pattern {t}")
        b.free_to(top)

    def undefined_k(self) -> int:
        """An operand that reads undefined: a register loaded with it."""
        b = self.fs.b
        r = b.alloc()
        self.emit("LOAD_NIL", r, node=self.fs.node)
        return r

    # -- expressions --------------------------------------------------------------------------
    def expr_effect(self, e):
        """Evaluate *e* for its side effects only."""
        if e.type == "UpdateExpression":
            self.update(e, None)
        elif e.type == "AssignmentExpression":
            self.assign(e, None)
        else:
            self.expr_reg(e)

    def expr_reg(self, e, name=None) -> int:
        """*e*'s value in some register (a local's own register when possible)."""
        if e.type == "Identifier":
            var = self.lookup(e.name)
            if var is not None and var.fs is self.fs and not var.boxed and var.initialized \
                    and var.end != _ALWAYS_CHECK and var.field is None:
                return var.reg
        r = self.fs.b.alloc()
        self.expr_to(e, r, name)
        return r

    def expr_A(self, e) -> int:
        """An ``A`` operand: a constant for literals, else a register."""
        k = self.constant(e)
        if k is not _NO:
            return self.fs.b.rk(k)
        return self.expr_reg(e)

    def constant(self, e):
        if e.type == "Literal" and getattr(e, "regex", None) is None:
            v = e.value
            if type(v) is bool:
                return v
            if type(v) in (int, float):
                return _number_literal(e.raw, v)
            if type(v) is str:
                return utf16_units(v)
        if e.type == "UnaryExpression" and e.operator == "-" and e.argument.type == "Literal" \
                and type(e.argument.value) in (int, float) and type(e.argument.value) is not bool:
            return -float(e.argument.value)
        if e.type == "TemplateLiteral" and not e.expressions:
            return utf16_units(e.quasis[0].value.cooked)
        return _NO

    def expr_to(self, e, reg: int, name=None):
        m = getattr(self, "ex_" + e.type, None)
        if m is None:
            self.unsupported(e, _describe(e))
        top = self.fs.b.top
        if e.type in ("FunctionExpression", "ArrowFunctionExpression", "ClassExpression"):
            m(e, reg, name)
        else:
            m(e, reg)
        self.fs.b.free_to(max(top, reg + 1) if reg >= top else top)

    def ex_Literal(self, e, reg):
        regex = getattr(e, "regex", None)
        b = self.fs.b
        if regex is not None:
            top = b.top
            a = b.alloc(2)
            self.emit("LOAD_CONST", a, b.const(utf16_units(regex.pattern)), node=e)
            self.emit("LOAD_CONST", a + 1, b.const(regex.flags), node=e)
            self.emit("INTRINSIC", reg, b.const("regexp"), a, 2, node=e)
            b.free_to(top)
            return
        v = e.value
        if v is None:
            if e.raw == "null":
                self.emit("INTRINSIC", reg, b.const("null"), 0, 0, node=e)
            else:
                self.unsupported(e, f"the literal {e.raw}")
            return
        k = self.constant(e)
        if k is _NO:
            self.unsupported(e, f"the literal {e.raw}")
        self.load_const_to(reg, b.rk(k), e)

    def ex_Identifier(self, e, reg):
        if e.name == "undefined" and self.lookup("undefined") is None:
            self.emit("LOAD_NIL", reg, node=e)
            return
        var = self.lookup(e.name)
        if var is None:
            self.emit("LOAD_GLOBAL", reg, self.fs.b.const(e.name), node=e)
        else:
            self.load_var(var, reg, e)

    def ex_ThisExpression(self, e, reg):
        var = self.lookup("this")
        if var is None:
            self.emit("LOAD_NIL", reg, node=e)
        else:
            self.load_var(var, reg, e)

    def ex_TemplateLiteral(self, e, reg):
        b = self.fs.b
        parts = []
        for i, q in enumerate(e.quasis):
            if q.value.cooked:
                parts.append(("s", utf16_units(q.value.cooked)))
            if i < len(e.expressions):
                parts.append(("e", e.expressions[i]))
        if not parts:
            self.emit("LOAD_CONST", reg, b.const(""), node=e)
            return
        top = b.top
        base = b.alloc(len(parts))
        for i, (kind, v) in enumerate(parts):
            if kind == "s":
                self.emit("LOAD_CONST", base + i, b.const(v), node=e)
            else:
                self.expr_to(v, base + i)
        self.emit("CONCAT", reg, base, len(parts), node=e)
        b.free_to(top)

    def ex_TaggedTemplateExpression(self, e, reg):
        b = self.fs.b
        top = b.top
        quasis = e.quasi.quasis
        n = len(quasis)
        site = b.alloc()
        self.emit("LOAD_CONST", site, b.const(f"{e.loc.start.line}:{e.loc.start.column}"), node=e)
        base = b.alloc(2 * n)
        for i, q in enumerate(quasis):
            cooked = q.value.cooked
            if cooked is None:
                self.emit("LOAD_NIL", base + i, node=q)
            else:
                self.emit("LOAD_CONST", base + i, b.const(utf16_units(cooked)), node=q)
            self.emit("LOAD_CONST", base + n + i, b.const(utf16_units(q.value.raw)), node=q)
        strings = b.alloc()
        self.emit("INTRINSIC", strings, b.const("template"), site, 2 * n + 1, node=e)
        args = [strings] + list(e.quasi.expressions)
        self.call_with(e, e.tag, args, reg)
        b.free_to(top)

    def ex_ArrayExpression(self, e, reg):
        b = self.fs.b
        top = b.top
        elements = list(e.elements)
        first_spread = next((i for i, el in enumerate(elements) if el is not None and el.type == "SpreadElement"),
                            len(elements))
        base = b.alloc(first_spread)
        for i in range(first_spread):
            el = elements[i]
            if el is None:      # an elision: a hole, not undefined
                self.emit("INTRINSIC", base + i, b.const("hole"), 0, 0, node=e)
            else:
                self.expr_to(el, base + i)
        self.emit("INTRINSIC", reg, b.const("array"), base, first_spread, node=e)
        b.free_to(max(top, reg + 1) if reg >= top else top)
        for el in elements[first_spread:]:
            t = b.top
            pair = b.alloc(2)
            self.emit("MOVE", pair, reg, node=e)
            if el is None:      # spread_into appends a hole for it
                self.emit("INTRINSIC", pair + 1, b.const("hole"), 0, 0, node=e)
            elif el.type == "SpreadElement":
                self.expr_to(el.argument, pair + 1)
            else:
                self.expr_to(el, pair + 1)
                self.emit("INTRINSIC", pair + 1, b.const("array"), pair + 1, 1, node=el)
            self.emit("INTRINSIC", pair, b.const("spread_into"), pair, 2, node=el or e)
            b.free_to(t)

    def ex_ObjectExpression(self, e, reg):
        b = self.fs.b
        obj = b.alloc()
        self.emit("NEW_TABLE", obj, 0, len(e.properties), node=e)
        homed = any(p.type == "Property" and (p.method or p.kind in ("get", "set")) for p in e.properties)
        if homed:       # the literal's methods find `super` through it
            self.open_scope()
            self.store_var(self.new_binding("%home", "hidden", e, boxed=True), obj, e, init=True)
        for prop in e.properties:
            top = b.top
            if prop.type == "SpreadElement":
                src = self.expr_reg(prop.argument)
                self.intrinsic("copy_props", obj, [obj, src], prop)
            elif prop.kind in ("get", "set"):
                self.accessor(obj, prop, prop.kind, False)
            else:
                key = None if _computed(prop) else _prop_name(prop.key)
                if key == "__proto__" and not prop.shorthand and not prop.method:
                    v = self.expr_reg(prop.value)
                    self.intrinsic("set_proto", b.alloc(), [obj, v], prop)
                elif prop.method:
                    self.method(obj, prop, False, enumerable=True)
                else:
                    if key is None:
                        kr = b.alloc()
                        self.expr_to(prop.key, kr)
                        self.intrinsic("to_key", kr, [kr], prop.key)
                        fname = None
                    else:
                        fname = key
                    v = self.expr_A_named(prop.value, fname)
                    if key is None:
                        if prop.value.type in _ANONYMOUS and getattr(prop.value, "id", None) is None:
                            self.intrinsic("name_function", v, [v, kr], prop)     # {[k]: () => 0}
                        self.emit("SET_INDEX", obj, kr, v, node=prop)
                    else:
                        self.emit("SET_FIELD", obj, b.const(key), v, node=prop)
            b.free_to(top)
        if homed:
            self.close_scope()
        self.emit("MOVE", reg, obj, node=e)

    def expr_A_named(self, e, name):
        if name is not None and e.type in ("FunctionExpression", "ArrowFunctionExpression", "ClassExpression"):
            r = self.fs.b.alloc()
            self.expr_to(e, r, name=name)
            return r
        return self.expr_A(e)

    def ex_FunctionExpression(self, e, reg, name=None):
        fname = e.id.name if e.id is not None else (name or "")
        if e.id is not None:
            # a named function expression sees its own name
            self.open_scope()
            var = self.new_binding(e.id.name, "const", e)
            r = self.function(e, fname, CALLABLE | CONSTRUCTOR)
            self.store_var(var, r, e, init=True)
            self.close_scope()
        else:
            r = self.function(e, fname, CALLABLE | CONSTRUCTOR)
        self.emit("MOVE", reg, r, node=e)

    def ex_ArrowFunctionExpression(self, e, reg, name=None):
        r = self.function(e, name or "", CALLABLE | ARROW)
        self.emit("MOVE", reg, r, node=e)

    def ex_ClassExpression(self, e, reg, name=None):
        r = self.class_(e, e.id.name if e.id is not None else (name or ""))
        self.emit("MOVE", reg, r, node=e)

    def ex_SequenceExpression(self, e, reg):
        for x in e.expressions[:-1]:
            top = self.fs.b.top
            self.expr_effect(x)
            self.fs.b.free_to(top)
        self.expr_to(e.expressions[-1], reg)

    def ex_ConditionalExpression(self, e, reg):
        c = self.expr_reg(e.test)
        self.emit("IF", c, 0, node=e.test)
        self.expr_to(e.consequent, reg)
        self.emit("ELSE", node=e.alternate)
        self.expr_to(e.alternate, reg)
        self.emit("END", node=e)

    def ex_LogicalExpression(self, e, reg):
        b = self.fs.b
        self.expr_to(e.left, reg)
        if e.operator == "??":
            t = b.alloc()
            self.intrinsic("nullish", t, [reg], e)
            self.emit("IF", t, 0, node=e)
        else:
            self.emit("IF", reg, 1 if e.operator == "&&" else 0, node=e)
            self.emit("ELSE", node=e)
        self.expr_to(e.right, reg)
        self.emit("END", node=e)

    def ex_UnaryExpression(self, e, reg):
        op = e.operator
        b = self.fs.b
        if op == "typeof" and e.argument.type == "Identifier" and self.lookup(e.argument.name) is None:
            self.emit("LOAD_CONST", reg, b.const(e.argument.name), node=e)
            self.emit("INTRINSIC", reg, b.const("typeof_global"), reg, 1, node=e)
            return
        if op == "delete":
            arg = e.argument
            chain = arg.type == "ChainExpression"
            if chain:
                arg = arg.expression
            if arg.type != "MemberExpression":
                self.emit("LOAD_BOOL", reg, 1, node=e)
                return
            if chain:       # delete a?.b is true when the chain short-circuits
                lab = b.label()
                self.emit("LOAD_BOOL", reg, 1, node=e)
                self.emit("BLOCK", lab, node=e)
                self.chain_exits.append(lab)
            pair = b.alloc(2)
            self.expr_to(arg.object, pair)
            self.optional_check(arg, pair)
            self.member_key_to(arg, pair + 1)
            self.emit("INTRINSIC", reg, b.const("delete"), pair, 2, node=e)
            if chain:
                self.chain_exits.pop()
                self.emit("END", node=e)
            return
        if op == "-":
            k = self.constant(e)
            if k is not _NO:
                self.emit("LOAD_CONST", reg, b.const(k), node=e)
                return
        x = self.expr_A(e.argument)
        if op == "-":
            self.emit("UNM", reg, x, node=e)
        elif op == "+":
            self.emit("SUB", reg, x, b.rk(0.0), node=e)
        elif op == "!":
            self.emit("NOT", reg, x, node=e)
        elif op == "~":
            self.emit("BNOT", reg, x, node=e)
        elif op == "typeof":
            self.intrinsic("typeof", reg, [self.to_reg(x, e)], e)
        elif op == "void":
            self.emit("LOAD_NIL", reg, node=e)
        else:
            self.unsupported(e, f"the operator {op}")

    def to_reg(self, a: int, node) -> int:
        if a >= 0:
            return a
        r = self.fs.b.alloc()
        self.load_const_to(r, a, node)
        return r

    def ex_BinaryExpression(self, e, reg):
        op = e.operator
        if op == "in" and e.left.type == "PrivateIdentifier":
            x = self.private_key(e.left)
        else:
            x = self.expr_A(e.left)
        y = self.expr_A(e.right)
        if op in _ARITH:
            self.emit(_ARITH[op], reg, x, y, node=e)
        elif op == "===":
            self.emit("EQ", reg, x, y, node=e)
        elif op == "!==":
            self.emit("EQ", reg, x, y, node=e)
            self.emit("NOT", reg, reg, node=e)
        elif op in ("==", "!="):
            self.intrinsic("loose_eq", reg, [self.to_reg(x, e), self.to_reg(y, e)], e)
            if op == "!=":
                self.emit("NOT", reg, reg, node=e)
        elif op == "<":
            self.emit("LT", reg, x, y, node=e)
        elif op == "<=":
            self.emit("LE", reg, x, y, node=e)
        elif op in (">", ">="):
            if x < 0 or y < 0:      # a constant: no ToPrimitive order to keep
                self.emit("LT" if op == ">" else "LE", reg, y, x, node=e)
            else:
                self.intrinsic("gt" if op == ">" else "ge", reg, [x, y], e)
        elif op in ("instanceof", "in", ">>>"):
            name = {"instanceof": "instanceof", "in": "in", ">>>": "ushr"}[op]
            self.intrinsic(name, reg, [self.to_reg(x, e), self.to_reg(y, e)], e)
        else:
            self.unsupported(e, f"the operator {op}")

    def ex_UpdateExpression(self, e, reg):
        self.update(e, reg)

    def update(self, e, reg):
        """``x++`` / ``--o.p``: ToNumeric, then +-1; *reg* (if any) gets the
        expression's value.  One ``inc``/``dec`` when the old value is not
        needed (a statement ``i++``, or the prefix forms)."""
        b = self.fs.b
        top = b.top
        step = "inc" if e.operator == "++" else "dec"
        target = e.argument
        postfix_value = reg is not None and not e.prefix
        if target.type == "Identifier":
            var = self.lookup(target.name)
            local = var is not None and var.fs is self.fs and not var.boxed and var.initialized \
                and var.kind != "const" and var.end != _ALWAYS_CHECK
            cur = var.reg if local else b.alloc()
            if not local:
                self.expr_to(target, cur)
        elif target.type == "MemberExpression":
            obj = self.expr_reg(target.object)
            key = self.member_key(target)
            cur = b.alloc()
            self.get_member(cur, obj, key, target)
        else:
            self.unsupported(e, "this update target")
        if postfix_value:
            self.intrinsic("to_number", reg, [cur], e)         # the old value, as a number
            new = b.alloc()
            self.emit("ADD" if step == "inc" else "SUB", new, reg, b.rk(1.0), node=e)
        else:
            new = cur if target.type == "Identifier" and local else b.alloc()
            self.intrinsic(step, new, [cur], e)
        if target.type == "Identifier":
            if var is None:
                self.emit("STORE_GLOBAL", b.const(target.name), new, node=e)
            elif not (local and new == cur):
                self.store_var(var, new, e)
        else:
            self.set_member(obj, key, new, target)
        if reg is not None and e.prefix:
            self.emit("MOVE", reg, new, node=e)
        b.free_to(max(top, reg + 1) if reg is not None and reg >= top else top)

    def ex_AssignmentExpression(self, e, reg):
        self.assign(e, reg)

    def assign(self, e, reg):
        b = self.fs.b
        op = e.operator
        target = e.left
        top = b.top
        if op == "=":
            if target.type in ("ObjectPattern", "ArrayPattern"):
                v = self.expr_reg(e.right)
                self.bind_pattern(target, v, "assign")
                if reg is not None:
                    self.emit("MOVE", reg, v, node=e)
                b.free_to(max(top, reg + 1) if reg is not None and reg >= top else top)
                return
            if target.type == "Identifier":
                var = self.lookup(target.name)
                if var is not None and var.fs is self.fs and not var.boxed and var.kind != "const" \
                        and var.initialized and reg is None:
                    self.expr_to(e.right, var.reg, name=target.name)
                    return
                v = self.expr_reg(e.right, name=target.name)
                if var is None:
                    self.emit("STORE_GLOBAL", b.const(target.name), v, node=e)
                else:
                    self.store_var(var, v, e)
            elif target.type == "MemberExpression":
                obj = self.expr_reg(target.object)
                key = self.member_key(target)
                v = self.expr_A(e.right)
                self.set_member(obj, key, v, target)
            else:
                self.unsupported(e, "this assignment target")
            if reg is not None:
                if v >= 0:
                    self.emit("MOVE", reg, v, node=e)
                else:
                    self.load_const_to(reg, v, e)
            b.free_to(max(top, reg + 1) if reg is not None and reg >= top else top)
            return
        # compound: a op= b, and the logical a &&= b, a ||= b, a ??= b
        binop = op[:-1]
        if target.type == "Identifier":
            cur = b.alloc()
            self.ex_Identifier(target, cur)
            obj = key = None
        elif target.type == "MemberExpression":
            obj = self.expr_reg(target.object)
            key = self.member_key(target)
            cur = b.alloc()
            self.get_member(cur, obj, key, target)
        else:
            self.unsupported(e, "this assignment target")
        if binop in ("&&", "||", "??"):
            if binop == "??":
                t = b.alloc()
                self.intrinsic("nullish", t, [cur], e)
                self.emit("IF", t, 0, node=e)
            else:
                self.emit("IF", cur, 0 if binop == "&&" else 1, node=e)
            name = target.name if target.type == "Identifier" else None
            self.expr_to(e.right, cur, name=name)
            self.store_back(target, obj, key, cur, e)
            self.emit("END", node=e)
        else:
            y = self.expr_A(e.right)
            if binop in _ARITH:
                self.emit(_ARITH[binop], cur, cur, y, node=e)
            elif binop == ">>>":
                self.intrinsic("ushr", cur, [cur, self.to_reg(y, e)], e)
            else:
                self.unsupported(e, f"the operator {op}")
            self.store_back(target, obj, key, cur, e)
        if reg is not None:
            self.emit("MOVE", reg, cur, node=e)
        b.free_to(max(top, reg + 1) if reg is not None and reg >= top else top)

    def store_back(self, target, obj, key, value, node):
        if target.type == "Identifier":
            var = self.lookup(target.name)
            if var is None:
                self.emit("STORE_GLOBAL", self.fs.b.const(target.name), value, node=node)
            else:
                self.store_var(var, value, node)
        else:
            self.set_member(obj, key, value, target)

    # -- members and calls ------------------------------------------------------------------
    def member_key(self, m):
        """A member expression's key: ``("field", name)`` or ``("index", A operand)``."""
        if m.property.type == "PrivateIdentifier":
            return ("index", self.private_key(m.property))
        if not m.computed:
            return ("field", m.property.name)
        k = self.constant(m.property)
        if k is not _NO and type(k) is str and k:
            return ("field", k)
        return ("index", self.expr_A(m.property))

    def member_key_to(self, m, reg):
        kind, k = self.member_key(m)
        if kind == "field":
            self.emit("LOAD_CONST", reg, self.fs.b.const(k), node=m.property)
        elif k >= 0:
            self.emit("MOVE", reg, k, node=m.property)
        else:
            self.load_const_to(reg, k, m.property)

    def private_key(self, node) -> int:
        var = self.lookup("#" + node.name)
        if var is None:
            raise CompileError(f"Private field '#{node.name}' must be declared in an enclosing class",
                               self.span(node))
        r = self.fs.b.alloc()
        self.load_var(var, r, node)
        return r

    def get_member(self, reg, obj, key, node):
        kind, k = key
        if kind == "field":
            self.emit("GET_FIELD", reg, obj, self.fs.b.const(k), node=node)
        else:
            self.emit("GET_INDEX", reg, obj, k, node=node)

    def set_member(self, obj, key, v, node):
        kind, k = key
        if kind == "field":
            self.emit("SET_FIELD", obj, self.fs.b.const(k), v, node=node)
        else:
            self.emit("SET_INDEX", obj, k, v, node=node)

    def ex_MemberExpression(self, e, reg):
        if e.object.type == "Super":
            self.super_member(e, reg)
            return
        obj = self.expr_reg(e.object)
        self.optional_check(e, obj)
        self.get_member(reg, obj, self.member_key(e), e)

    def optional_check(self, e, obj):
        """In an optional chain, ``a?.b`` leaves the chain when ``a`` is nullish."""
        if getattr(e, "optional", False):
            chain = self.chain_exits[-1]
            b = self.fs.b
            t = b.alloc()
            self.intrinsic("nullish", t, [obj], e)
            self.emit("IF", t, 0, node=e)
            self.emit("BREAK", chain, node=e)
            self.emit("END", node=e)

    def ex_ChainExpression(self, e, reg):
        b = self.fs.b
        lab = b.label()
        self.emit("LOAD_NIL", reg, node=e)
        self.emit("BLOCK", lab, node=e)
        self.chain_exits.append(lab)
        t = b.alloc()
        self.expr_to(e.expression, t)
        self.emit("MOVE", reg, t, node=e)
        self.chain_exits.pop()
        self.emit("END", node=e)

    def ex_CallExpression(self, e, reg):
        callee = e.callee
        if callee.type == "Super":
            self.super_call(e, reg)
            return
        self.call_with(e, callee, list(e.arguments), reg, optional=getattr(e, "optional", False))

    def call_with(self, e, callee, args, reg, optional=False):
        b = self.fs.b
        top = b.top
        f = b.alloc(2)
        if callee.type == "ChainExpression" and callee.expression.type == "MemberExpression":
            # (a?.b)(): a method call of a chain that may short-circuit to undefined
            m = callee.expression
            lab = b.label()
            self.emit("LOAD_NIL", f, node=callee)
            self.emit("BLOCK", lab, node=callee)
            self.chain_exits.append(lab)
            self.expr_to(m.object, f + 1)
            self.optional_check(m, f + 1)
            self.get_member(f, f + 1, self.member_key(m), m)
            self.chain_exits.pop()
            self.emit("END", node=callee)
        elif callee.type == "MemberExpression" and callee.object.type == "Super":
            self.super_member(callee, f)
            self.ex_ThisExpression(callee, f + 1)
        elif callee.type == "MemberExpression":
            self.expr_to(callee.object, f + 1)
            self.optional_check(callee, f + 1)
            kind, k = self.member_key(callee)
            if kind == "field":
                self.emit("SELF", f, f + 1, b.const(k), node=callee)
            else:
                self.emit("GET_INDEX", f, f + 1, k, node=callee)
        else:
            self.expr_to(callee, f)
            self.emit("LOAD_NIL", f + 1, node=e)
        if optional:
            self.optional_check(e, f)
        b.free_to(f + 2)            # the arguments follow the callee and `this`
        spread = any(type(a) is not int and a.type == "SpreadElement" for a in args)
        if spread:
            arr = b.alloc()
            self.ex_ArrayExpression(_Array(args, e), arr)
            self.intrinsic("apply", reg, [f, f + 1, arr], e)
        else:
            base = b.alloc(len(args))
            for i, a in enumerate(args):
                if type(a) is int:
                    self.emit("MOVE", base + i, a, node=e)
                else:
                    self.expr_to(a, base + i)
            self.emit("CALL", f, len(args) + 1, 1, 0, node=callee)
            if reg != f:
                self.emit("MOVE", reg, f, node=e)
        b.free_to(max(top, reg + 1) if reg >= top else top)

    def ex_NewExpression(self, e, reg):
        b = self.fs.b
        top = b.top
        f = b.alloc()
        self.expr_to(e.callee, f)
        if any(a.type == "SpreadElement" for a in e.arguments):
            arr = b.alloc()
            self.ex_ArrayExpression(_Array(e.arguments, e), arr)
            self.intrinsic("new_apply", reg, [f, arr], e.callee)
        else:
            base = b.alloc(len(e.arguments))
            for i, a in enumerate(e.arguments):
                self.expr_to(a, base + i)
            self.emit("INTRINSIC", reg, b.const("new"), f, len(e.arguments) + 1, node=e.callee)
        b.free_to(max(top, reg + 1) if reg >= top else top)

    def ex_ImportExpression(self, e, reg):
        """``import(spec)``: a promise of the module's namespace."""
        r = self.expr_reg(e.source)
        self.intrinsic("dynamic_import", reg, [r], e)

    def ex_AwaitExpression(self, e, reg):
        r = self.expr_reg(e.argument)
        self.intrinsic("await", reg, [r], e)

    def ex_YieldExpression(self, e, reg):
        b = self.fs.b
        if e.argument is None:
            r = b.alloc()
            self.emit("LOAD_NIL", r, node=e)
        else:
            r = self.expr_reg(e.argument)
        self.intrinsic("yield_star" if e.delegate else "yield", reg, [r], e)

    # -- classes and super --------------------------------------------------------------------------
    def class_(self, node, name: str) -> int:
        """Lower a class; returns the register holding the constructor."""
        b = self.fs.b
        self.open_scope()
        # the methods reach the class through this binding (super, fields):
        # always boxed, since they are made before it is assigned
        cls_var = self.new_binding("%class", "hidden", node, boxed=True)
        inner = self.new_binding(name, "const", node, boxed=True) if node.id is not None else None
        parent = None
        if node.superClass is not None:
            parent = self.expr_reg(node.superClass)
        members = node.body.body
        for m in members:
            if m.key is not None and m.key.type == "PrivateIdentifier":
                pname = "#" + m.key.name
                if pname not in self.fs.scopes[-1]:
                    var = self.new_binding(pname, "hidden", m)
                    t = b.alloc()
                    self.emit("LOAD_CONST", t, b.const(pname), node=m)
                    self.emit("INTRINSIC", t, b.const("private_name"), t, 1, node=m)
                    self.store_var(var, t, m, init=True)
        ctor = next((m for m in members if m.type == "MethodDefinition" and m.kind == "constructor"), None)
        kind = CONSTRUCTOR | CLASS | (DERIVED if parent is not None else 0)
        ctx = (cls_var, "instance")
        if ctor is not None:
            f = self.function(ctor.value, name, kind, class_ctx=ctx)
        else:
            f = self.function(_default_ctor(node, parent is not None), name, kind, class_ctx=ctx)
        self.store_var(cls_var, f, node, init=True)
        if inner is not None:       # the class's own name, seen inside its body
            self.store_var(inner, f, node, init=True)
        args = b.alloc(2)
        self.emit("MOVE", args, f, node=node)
        if parent is not None:
            self.emit("MOVE", args + 1, parent, node=node)
        else:
            self.emit("LOAD_BOOL", args + 1, 0, node=node)
        proto = b.alloc()
        self.emit("INTRINSIC", proto, b.const("make_class"), args, 2, node=node)
        fields = [m for m in members if m.type == "PropertyDefinition" and not m.static]
        if fields:
            fr = self.field_initializer(node, fields, cls_var)
            self.intrinsic("set_fields", b.alloc(), [f, fr], node)
        for m in members:
            top = b.top
            if m.type == "MethodDefinition" and m.kind != "constructor":
                target = f if m.static else proto
                if m.kind in ("get", "set"):
                    self.accessor(target, m, m.kind, True, static=m.static, cls_var=cls_var)
                else:
                    self.method(target, m, True, static=m.static, cls_var=cls_var)
            elif m.type == "StaticBlock":
                self.unsupported(m, "static blocks")
            b.free_to(top)
        statics = [m for m in members if m.type == "PropertyDefinition" and m.static]
        if statics:
            fr = self.field_initializer(node, statics, cls_var, static=True)
            call = b.alloc(2)
            self.emit("MOVE", call, fr, node=node)
            self.emit("MOVE", call + 1, f, node=node)
            self.emit("CALL", call, 1, 0, 0, node=node)
        self.close_scope()
        out = b.alloc()
        self.emit("MOVE", out, f, node=node)
        return out

    def field_initializer(self, node, fields, cls_var, static=False) -> int:
        """A hidden method ``(this) => { this.x = init; ... }`` for the class's fields."""
        body = _FieldsBody(fields, node)
        fn = _Synthetic(node, [], body)
        return self.function(fn, "<fields>", CALLABLE, class_ctx=(cls_var, "static" if static else "instance"))

    def field_statements(self, body):
        b = self.fs.b
        for m in body.fields:
            top = b.top
            this = b.alloc()
            self.ex_ThisExpression(m, this)
            if m.key.type == "PrivateIdentifier":
                key = ("index", self.private_key(m.key))
            elif _computed(m):
                kr = b.alloc()
                self.expr_to(m.key, kr)
                self.intrinsic("to_key", kr, [kr], m.key)
                key = ("index", kr)
            else:
                key = ("field", _prop_name(m.key))
            if m.value is None:
                v = b.alloc()
                self.emit("LOAD_NIL", v, node=m)
            else:
                v = self.expr_A_named(m.value, key[1] if key[0] == "field" else None)
            self.set_member(this, key, v, m)
            b.free_to(top)

    def method(self, target, m, is_class, static=False, cls_var=None, enumerable=False):
        b = self.fs.b
        key = self.prop_key_reg(m)
        name = _prop_name(m.key) if not _computed(m) and m.key.type != "PrivateIdentifier" else ""
        if m.key.type == "PrivateIdentifier":
            name = "#" + m.key.name
        f = self.function(m.value, name, CALLABLE, class_ctx=self.home_ctx(is_class, static, cls_var))
        if _computed(m):
            self.intrinsic("name_function", f, [f, key], m)
        flag = b.alloc()
        self.emit("LOAD_BOOL", flag, 1 if enumerable else 0, node=m)
        self.intrinsic("define_method", b.alloc(), [target, key, f, flag], m)

    def accessor(self, target, m, kind, is_class, static=False, cls_var=None):
        b = self.fs.b
        key = self.prop_key_reg(m)
        name = _prop_name(m.key) if not _computed(m) and m.key.type != "PrivateIdentifier" else ""
        f = self.function(m.value, f"{kind} {name}", CALLABLE, class_ctx=self.home_ctx(is_class, static, cls_var))
        flag = b.alloc()
        self.emit("LOAD_BOOL", flag, 1 if kind == "set" else 0, node=m)
        enum = b.alloc()
        self.emit("LOAD_BOOL", enum, 0 if is_class else 1, node=m)
        self.intrinsic("define_accessor", b.alloc(), [target, key, f, flag, enum], m)

    def home_ctx(self, is_class, static, cls_var):
        if is_class:
            return (cls_var, "static" if static else "instance")
        return (self.lookup("%home"), "object")

    def prop_key_reg(self, m) -> int:
        b = self.fs.b
        r = b.alloc()
        if m.key.type == "PrivateIdentifier":
            self.emit("MOVE", r, self.private_key(m.key), node=m.key)
        elif _computed(m):
            self.expr_to(m.key, r)
            self.intrinsic("to_key", r, [r], m.key)
        else:
            self.emit("LOAD_CONST", r, b.const(_prop_name(m.key)), node=m.key)
        return r

    def home_reg(self, node) -> tuple[int, bool]:
        ctx = self.fs.class_ctx
        if ctx is None or ctx[0] is None:
            raise CompileError("'super' keyword unexpected here", self.span(node))
        r = self.fs.b.alloc()
        self.load_var(ctx[0], r, node)
        return r, ctx[1]

    def super_member(self, e, reg):
        b = self.fs.b
        cls, mode = self.home_reg(e)
        args = b.alloc(4)
        self.emit("MOVE", args, cls, node=e)
        self.emit("LOAD_CONST", args + 1, b.const(mode), node=e)
        self.ex_ThisExpression(e, args + 2)
        self.member_key_to(e, args + 3)
        self.emit("INTRINSIC", reg, b.const("super_get"), args, 4, node=e)

    def super_call(self, e, reg):
        b = self.fs.b
        cls, _ = self.home_reg(e)
        args = list(e.arguments)
        top = b.top
        if any(a.type == "SpreadElement" for a in args):
            arr = b.alloc()
            self.ex_ArrayExpression(_Array(args, e), arr)
            base = b.alloc(3)
            self.emit("MOVE", base, cls, node=e)
            self.load_var(self.lookup("%this"), base + 1, e)
            self.emit("MOVE", base + 2, arr, node=e)
            self.emit("INTRINSIC", reg, b.const("super_apply"), base, 3, node=e)
        else:
            base = b.alloc(2 + len(args))
            self.emit("MOVE", base, cls, node=e)
            self.load_var(self.lookup("%this"), base + 1, e)
            for i, a in enumerate(args):
                self.expr_to(a, base + 2 + i)
            self.emit("INTRINSIC", reg, b.const("super_call"), base, 2 + len(args), node=e)
        self.store_var(self.lookup("this"), reg, e, init=True)      # `this` is now initialised
        b.free_to(max(top, reg + 1) if reg >= top else top)

    def ex_MetaProperty(self, e, reg):
        if e.meta.name != "new" or e.property.name != "target":
            self.unsupported(e, f"{e.meta.name}.{e.property.name}")
        var = self.lookup("new.target")
        if var is None:
            raise CompileError("new.target expression is not allowed here", self.span(e))
        self.load_var(var, reg, e)


_NO = object()


class _Array:
    """An array literal made up by the lowering (the arguments of a spread call)."""

    type = "ArrayExpression"

    def __init__(self, elements, node):
        self.elements = elements
        self.loc = node.loc


class _Synthetic:
    """A function the lowering makes up: a class's field initialiser."""

    type = "FunctionExpression"
    generator = False
    expression = False
    id = None

    def __init__(self, node, params, body):
        self.params = params
        self.body = body
        self.loc = node.loc


class _FieldsBody:
    type = "FieldsBody"

    def __init__(self, fields, node):
        self.fields = fields
        self.body = []
        self.loc = node.loc


def _default_ctor(node, derived: bool):
    import esprima
    src = "(class extends B { constructor(...args) { super(...args); } })" if derived else \
        "(class { constructor() {} })"
    ctor = esprima.parseScript(src, {"loc": True}).body[0].expression.body.body[0].value
    _relocate(ctor, node.loc)
    return ctor


def _relocate(node, loc):
    """Give every node of a synthesized tree the position of *loc*."""
    stack = [node]
    while stack:
        n = stack.pop()
        n.loc = loc
        stack.extend(_children(n))


def _number_literal(raw: str, parsed) -> float:
    """A numeric literal's value from its source text: esprima accumulates
    decimal digits in floating point, which misrounds long literals."""
    text = raw.replace("_", "")
    if text[:2].lower() in ("0x", "0o", "0b"):
        return float(int(text, 0))
    try:
        return float(text)
    except ValueError:
        return float(parsed)


_ALWAYS_CHECK = 1 << 62      # Var.end of a binding every read of which is checked


def _decl_end(node) -> int:
    r = getattr(node, "range", None)
    return r[1] if r else 1


def _prop_name(key) -> str | None:
    """The property key a non-computed key names; None for a number that is not
    a small integer, which is converted like a computed key (ToString at run time)."""
    if key.type == "Identifier":
        return key.name
    if key.type == "Literal":
        v = key.value
        if type(v) in (int, float) and type(v) is not bool:
            x = _number_literal(key.raw, v)
            return str(int(x)) if x.is_integer() and 0 <= x < 1e21 else None
        return utf16_units(str(v))
    return key.name


def _computed(prop) -> bool:
    """Whether a property's key must be evaluated (``[k]``, or an odd number)."""
    return prop.computed or _prop_name(prop.key) is None


class _At:
    """A position standing in for a node (the end of a statement)."""

    def __init__(self, pos):
        self.loc = _Loc(pos)


class _Loc:
    def __init__(self, pos):
        self.start = self.end = pos


def _end(node) -> _At:
    return _At(node.loc.end)


def _describe(node) -> str:
    names = {"ForOfStatement": "for await"}
    return names.get(node.type, f"the {node.type} construct")


#: the hidden binding holding ``export default``'s value (no identifier can collide)
DEFAULT = "*default*"


#: the hidden binding holding the module's own namespace
NAMESPACE = "*namespace*"
#: the "local" of an ``export { a as b } from "m"`` entry (it has none)
REEXPORT = "*reexport*"


def _split_module(body):
    """A module body as (imports, statements, exports).  *imports* are the
    declarations that load a module (``import``, ``export … from``), in order;
    *statements* is the body with ``export`` wrappers taken off their
    declarations; *exports* lists (exported name, local binding, node)."""
    imports, stmts, exports = [], [], []
    for st in body:
        t = st.type
        if t == "ImportDeclaration" or t == "ExportAllDeclaration":
            imports.append(st)
        elif t == "ExportNamedDeclaration":
            if st.declaration is not None:
                d = st.declaration
                stmts.append(d)
                if d.type == "VariableDeclaration":
                    names = [n for decl in d.declarations for n, _ in _pattern_names(decl.id)]
                else:
                    names = [d.id.name]
                exports += [(n, n, d) for n in names]
            elif st.source is not None:
                imports.append(st)
                exports += [(sp.exported.name, REEXPORT, sp) for sp in st.specifiers]
            else:
                exports += [(sp.exported.name, sp.local.name, sp) for sp in st.specifiers]
        elif t == "ExportDefaultDeclaration":
            d = st.declaration
            if d.type in ("FunctionDeclaration", "ClassDeclaration") and d.id is not None:
                stmts.append(d)
                exports.append(("default", d.id.name, st))
            else:
                stmts.append(st)
                exports.append(("default", DEFAULT, st))
        else:
            stmts.append(st)
    return imports, stmts, exports


def _imported_name(sp) -> str:
    if sp.type == "ImportDefaultSpecifier":
        return "default"
    return (sp.imported if sp.type == "ImportSpecifier" else sp.local).name


def _import_names(imports):
    """(binding name, node, export read) of every binding the module's
    ``import`` declarations declare (``import * as ns`` reads no one export)."""
    return [(sp.local.name, sp, None if sp.type == "ImportNamespaceSpecifier" else _imported_name(sp))
            for st in imports if st.type == "ImportDeclaration" for sp in st.specifiers or ()]


def _pattern_names(p):
    """(name, node) of every identifier a pattern declares."""
    t = p.type
    if t == "Identifier":
        return [(p.name, p)]
    if t == "AssignmentPattern":
        return _pattern_names(p.left)
    if t == "RestElement":
        return _pattern_names(p.argument)
    if t == "ArrayPattern":
        return [x for el in p.elements if el is not None for x in _pattern_names(el)]
    if t == "ObjectPattern":
        out = []
        for prop in p.properties:
            out.extend(_pattern_names(prop.argument if prop.type == "RestElement" else prop.value))
        return out
    return []


def _collect_vars(node, out):
    """``var`` names declared in *node*, not looking into nested functions."""
    t = getattr(node, "type", None)
    if t is None or t in _FUNCTIONS or t in ("ClassDeclaration", "ClassExpression"):
        return
    if t == "VariableDeclaration" and node.kind == "var":
        for d in node.declarations:
            out.extend(_pattern_names(d.id))
    for v in _children(node):
        _collect_vars(v, out)


def _children(node):
    for k, v in vars(node).items():
        if k in ("loc", "range", "type") or k.startswith("_"):
            continue
        if isinstance(v, list):
            for x in v:
                if isinstance(getattr(x, "type", None), str):
                    yield x
        elif isinstance(getattr(v, "type", None), str) and not isinstance(v, str):
            yield v


_NAMES_CACHE: dict = {}


def _names_own(node) -> set:
    """Identifier names used anywhere inside *node* (conservative)."""
    key = id(node)
    hit = _NAMES_CACHE.get(key)
    if hit is not None and hit[0] is node:
        return hit[1]
    names: set = set()
    stack = [node.body] + list(getattr(node, "params", []))
    while stack:
        n = stack.pop()
        t = getattr(n, "type", None)
        if t == "Identifier":
            names.add(n.name)
        elif t == "ThisExpression" or t == "Super":
            names.add("this")
        elif t == "PrivateIdentifier":
            names.add("#" + n.name)
        if t is not None:
            stack.extend(_children(n))
    _NAMES_CACHE[key] = (node, names)
    return names


def _names_in_closures(fnode) -> set:
    """Names mentioned by functions (and classes) nested in *fnode*: the
    bindings of *fnode* that may be captured (by name — conservative)."""
    out: set = set()
    stack = list(_children(fnode)) if fnode.type == "Program" else [fnode.body] + list(fnode.params)
    while stack:
        n = stack.pop()
        t = getattr(n, "type", None)
        if t in _FUNCTIONS:
            out |= _names_own(n)
            continue
        if t in ("ClassDeclaration", "ClassExpression"):
            for m in n.body.body:
                if m.type == "MethodDefinition":
                    out |= _names_own(m.value)
                elif m.type == "PropertyDefinition" and m.value is not None:
                    out |= _names_own(_Synthetic(m, [], m.value))
            out.add("this")
        if t is not None:
            stack.extend(_children(n))
    return out


def lower(prog, name: str, source: str) -> Module:
    return Lowerer(name, source).program(prog)
