"""Lowering a Tengo parse tree to IR, with Tengo's scoping.

Input: the Lark tree of :mod:`.parse`.  Output: an IR module with language
``"tengo"``.  Tengo's rules, as its compiler applies them:

* ``x := v`` declares ``x`` in the innermost block (declaring it twice in one
  block is an error); ``x = v`` assigns an existing variable (an unknown name
  is an error: ``unresolved reference 'x'``).  Names that are no variable are
  the builtins (``len``, ``append`` ...), read as globals.
* Variables are registers; one a nested function mentions is boxed when it is
  declared, and closures share it — a loop's variables are declared once per
  loop, so closures made in different iterations see the same variable, as in
  tengo.
* Functions take exactly their parameters (``func(a, ...rest)`` collects the
  others); every function returns one value (``undefined`` by default).
* ``for k, v in x`` iterates with the runtime's iterator (``FOR_IN`` with two
  variables); ``if``/``for`` take an init statement in their own scope.
"""
from __future__ import annotations

import difflib

from lark import Token, Tree

from ...ir.builder import FunctionBuilder
from ...ir.errors import CompileError
from ...ir.ints import MAXI, wrap
from ...ir.model import Module
from ...ir.source import Span
from ...ir.tengo import BUILTINS, MODULES, import_problem
from .. import lookup, upval

_BINARY = {"+": "ADD", "-": "SUB", "*": "MUL", "/": "DIV", "%": "MOD", "&": "BAND", "|": "BOR", "^": "BXOR",
           "<<": "SHL", ">>": "SHR"}
_PUNCT = {"SEMICOLON", "LPAR", "RPAR", "LSQB", "RSQB", "LBRACE", "LMAP", "RBRACE", "COMMA", "COLON", "PERIOD",
          "QUESTION", "FUNC", "IMPORT", "ERROR", "IMMUTABLE", "IF", "ELSE", "FOR", "IN", "DEFINE", "ASSIGN",
          "RETURN", "EXPORT", "INC", "DEC"}


def _kids(tree: Tree) -> list:
    """The children that carry meaning (keywords and punctuation left out)."""
    return [c for c in tree.children if not (isinstance(c, Token) and c.type in _PUNCT)]


class Var:
    __slots__ = ("name", "reg", "boxed", "fs", "lv")

    def __init__(self, name, reg, boxed, fs):
        self.name = name
        self.reg = reg
        self.boxed = boxed
        self.fs = fs


class FuncState:
    def __init__(self, parent, name, span, captured):
        self.parent = parent
        self.b = FunctionBuilder(name, span)
        self.scopes: list[dict] = []
        self.loops: list[tuple[int, int]] = []     # (break label, continue label)
        self.captured = captured
        self.active_top = 0          # registers below this hold live variables
        self.saved_tops: list[int] = []
        self.shared: dict[str, int] = {}    # captured loop-body variables: name -> their one box


class Lowerer:
    def __init__(self, name: str, source: str, host_globals, is_module: bool = False):
        self.name = name
        self.is_module = is_module
        self.module = Module(lang="tengo", name=name, source=source)
        self.fs: FuncState | None = None
        self.globals = frozenset(BUILTINS) | frozenset(host_globals)

    # -- positions and errors ---------------------------------------------------------------
    def span(self, node) -> Span:
        if isinstance(node, Token):
            return Span(self.name, node.line, node.column, node.end_line or node.line,
                        node.end_column or node.column)
        m = node.meta
        if getattr(m, "empty", True):
            return Span(self.name, 1, 1)
        return Span(self.name, m.line, m.column, m.end_line, m.end_column)

    def error(self, node, message: str, hint=None):
        raise CompileError(message, self.span(node), hint=hint)

    def unresolved(self, tok):
        """tengo's compile error for a free name, with what the name was probably meant to be."""
        name = str(tok)
        if name in MODULES:
            hint = f'import the module first: {name} := import("{name}")'
        else:
            close = difflib.get_close_matches(name, sorted(self.globals), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "declare it first with :="
        self.error(tok, f"unresolved reference '{name}'", hint)

    def emit(self, op, *args, node):
        return self.fs.b.emit(op, *args, span=self.span(node))

    # -- functions -----------------------------------------------------------------------
    def program(self, tree) -> Module:
        self.module.functions.append(None)
        fs = FuncState(None, "main", self.span(tree), _names_in_closures(tree))
        self.fs = fs
        self.open_scope()
        self.statements(tree.children[0])
        self.close_scope()
        self.emit("RETURN", fs.b.top, 0, 0, node=tree)
        self.module.functions[0] = fs.b.finish()
        return self.module

    def function(self, node, name: str) -> int:
        params_tree, body = _kids(node)
        names: list = []
        variadic = False
        if params_tree is not None:
            for c in params_tree.children:
                if isinstance(c, Token) and c.type == "IDENT":
                    names.append(c)
                elif isinstance(c, Token) and c.type == "ELLIPSIS":
                    variadic = True
        parent = self.fs
        fs = FuncState(parent, name, self.span(node), _names_in_closures(body))
        self.fs = fs
        b = fs.b
        fixed = names[:-1] if variadic else names
        b.fn.nparams = len(fixed)
        b.fn.is_vararg = variadic
        self.open_scope()
        for p in fixed:
            self.declare(p, b.alloc())
        if variadic:
            r = b.alloc()
            self.emit("VARARG", r, -1, node=node)
            self.declare(names[-1], r)
        for var in fs.scopes[-1].values():
            if var.boxed:
                self.emit("BOX", var.reg, var.reg, node=node)
        self.statements(_kids(body)[0])
        self.close_scope()
        self.emit("RETURN", b.top, 0, 0, node=node)
        fn = b.finish()
        self.fs = parent
        index = len(self.module.functions)
        self.module.functions.append(fn)
        parent.b.fn.children.append(index)
        reg = parent.b.alloc()
        self.emit("CLOSURE", reg, len(parent.b.fn.children) - 1, node=node)
        return reg

    # -- scopes ---------------------------------------------------------------------------
    def open_scope(self):
        fs = self.fs
        fs.scopes.append({})
        fs.saved_tops.append(fs.active_top)

    def close_scope(self):
        fs = self.fs
        for var in fs.scopes.pop().values():
            var.lv.end = fs.b.pc          # the debug name's range ends with its block
        fs.active_top = fs.saved_tops.pop()
        fs.b.free_to(max(fs.active_top, min(fs.b.top, fs.active_top)))

    def declare(self, tok: Token, reg: int) -> Var:
        """Declare *tok*'s name in the innermost block, in register *reg*."""
        name = str(tok)
        scope = self.fs.scopes[-1]
        # tengo's builtins are declared in the spell's outermost block: only
        # inner blocks may shadow them (the host's globals — llm, args … — may
        # be shadowed anywhere, so every tengo program stays a valid spell)
        if name in scope or (name in BUILTINS and self.fs.parent is None and len(self.fs.scopes) == 1):
            self.error(tok, f"'{name}' redeclared in this block")
        var = Var(name, reg, name in self.fs.captured, self.fs)
        if var.boxed and name in self.fs.shared:
            var.reg = reg = self.fs.shared[name]      # the loop's one variable (see share_loop_variables)
        scope[name] = var
        self.fs.active_top = max(self.fs.active_top, reg + 1)
        if self.fs.b.top < reg + 1:
            self.fs.b.alloc(reg + 1 - self.fs.b.top)
        var.lv = self.fs.b.local(name, reg, boxed=var.boxed)
        return var

    def lookup(self, name: str):
        return lookup(self.fs, name)

    def load_var(self, var: Var, reg: int, node):
        if var.fs is self.fs:
            if var.boxed:
                self.emit("LOAD_BOX", reg, var.reg, node=node)
            elif reg != var.reg:
                self.emit("MOVE", reg, var.reg, node=node)
        else:
            self.emit("LOAD_UPVAL", reg, upval(self.fs, var), node=node)

    def store_var(self, var: Var, src: int, node):
        if var.fs is self.fs:
            if var.boxed:
                self.emit("STORE_BOX", var.reg, src, node=node)
            elif src != var.reg:
                if src >= 0:
                    self.emit("MOVE", var.reg, src, node=node)
                else:
                    self.emit("LOAD_CONST", var.reg, -1 - src, node=node)
        else:
            self.emit("STORE_UPVAL", upval(self.fs, var), src, node=node)

    # -- statements ------------------------------------------------------------------------
    def statements(self, stmt_list):
        for st in stmt_list.children:
            if st is None or isinstance(st, Token):
                continue
            top = self.fs.b.top
            self.stmt(st)
            self.fs.b.free_to(max(top, self.fs.active_top))

    def stmt(self, st):
        m = getattr(self, "st_" + st.data, None)
        if m is None:
            self.error(st, f"unsupported statement {st.data}")
        m(st)

    def st_expr_stmt(self, st):
        self.expr_reg(st.children[0])

    def st_define(self, st):
        target, value = _kids(st)
        if target.data != "name":
            self.error(target, "left side of ':=' must be an identifier")
        tok = target.children[0]
        b = self.fs.b
        if str(tok) in self.fs.scopes[-1]:
            self.error(tok, f"'{tok}' redeclared in this block")
        if value.data == "func_lit":
            # a function can call itself by the name it is being defined as
            reg = b.alloc()
            var = self.declare(tok, reg)
            if var.reg == reg:
                self.emit("LOAD_NIL", reg, node=st)
                if var.boxed:
                    self.emit("BOX", reg, reg, node=st)
            f = self.expr_reg(value, name=str(tok))
            self.store_var(var, f, st)
            b.free_to(max(reg + 1, self.fs.active_top))
            return
        reg = b.alloc()
        self.expr_to(value, reg, name=str(tok))
        b.free_to(reg + 1)
        self.init_var(self.declare(tok, reg), reg, st)

    def init_var(self, var: Var, value_reg: int, node):
        """Give a just-declared variable its first value (from *value_reg*)."""
        if var.reg != value_reg:
            if var.boxed:
                self.emit("STORE_BOX", var.reg, value_reg, node=node)     # a shared loop variable
            else:
                self.emit("MOVE", var.reg, value_reg, node=node)
        elif var.boxed:
            self.emit("BOX", var.reg, var.reg, node=node)

    def share_loop_variables(self, body, node, names=()):
        """Tengo gives a loop's variables one slot for the whole loop, so closures
        made in different iterations share them: the captured ones get their box
        here, before the loop, and each iteration's ``:=`` stores into it."""
        fs = self.fs
        b = fs.b
        declared = set(names) | _defined_names(body)
        for name in sorted(declared & fs.captured):
            reg = b.alloc()
            fs.active_top = max(fs.active_top, reg + 1)
            self.emit("LOAD_NIL", reg, node=node)
            self.emit("BOX", reg, reg, node=node)
            fs.shared[name] = reg

    def st_assign(self, st):
        target, value = _kids(st)
        if not self.append_in_place(target, value, st):
            self.assign_to(target, lambda: self.expr_A(value), st)

    def append_in_place(self, target, value, st) -> bool:
        """``x = append(x, items...)``, Tengo's idiom for growing an array, as the
        ``append_to`` intrinsic with *x* moved out of its variable first: the
        runtime then sees when nobody else holds the array and grows it in
        place (amortised O(1), as Go's append) instead of copying it each time.
        Only for a local no closure captures: then nothing can tell that the
        items were evaluated before *x* was read, nor see *x* empty while
        ``append`` runs (an error ends the frame that holds it).  Returns
        whether it lowered *st*."""
        if target.data != "name" or value.data != "call":
            return False
        callee, args_tree = _kids(value)
        if callee.data != "name" or str(callee.children[0]) != "append" or self.lookup("append") is not None:
            return False
        if args_tree is None or any(isinstance(c, Token) and c.type == "ELLIPSIS" for c in args_tree.children):
            return False
        args = [c for c in args_tree.children if isinstance(c, Tree)]
        name = str(target.children[0])
        var = self.lookup(name)
        if (var is None or var.fs is not self.fs or var.boxed or len(args) < 2 or args[0].data != "name"
                or str(args[0].children[0]) != name):
            return False
        b = self.fs.b
        top = b.top
        base = b.alloc(len(args))
        for i, a in enumerate(args[1:], 1):
            self.expr_to(a, base + i)
        self.load_var(var, base, args[0])
        moved = b.alloc()
        self.emit("LOAD_NIL", moved, node=args[0])
        self.store_var(var, moved, args[0])
        self.emit("INTRINSIC", base, b.const("append_to"), base, len(args), node=value)
        self.store_var(var, base, st)
        b.free_to(top)
        return True

    def assign_to(self, target, value_fn, node):
        """Store into an identifier, ``a[k]`` or ``a.b``; *value_fn* evaluates the value
        (after the target's object and key, as tengo orders them)."""
        b = self.fs.b
        if target.data == "name":
            tok = target.children[0]
            var = self.lookup(str(tok))
            if var is None:
                self.unresolved(tok)
            self.store_var(var, value_fn(), node)
        elif target.data in ("index", "selector"):
            obj_node, key_node = _kids(target)
            obj = self.expr_reg(obj_node)
            key = b.rk(str(key_node)) if target.data == "selector" else self.expr_A(key_node)
            v = value_fn()
            self.emit("SET_INDEX", obj, key, v, node=target)
        else:
            self.error(target, "cannot assign to this expression")

    def st_op_assign(self, st):
        target, op, value = _kids(st)
        sym = str(op.children[0])[:-1]
        b = self.fs.b
        local = self.local_var(target)
        if local is not None:
            self.binary(sym, local.reg, local.reg, self.expr_A(value), st)
        elif target.data == "name":
            tok = target.children[0]
            var = self.lookup(str(tok))
            if var is None:
                self.unresolved(tok)
            cur = b.alloc()
            self.load_var(var, cur, target)
            self.binary(sym, cur, cur, self.expr_A(value), st)
            self.store_var(var, cur, st)
        elif target.data in ("index", "selector"):
            obj_node, key_node = _kids(target)
            obj = self.expr_reg(obj_node)
            key = b.rk(str(key_node)) if target.data == "selector" else self.expr_A(key_node)
            cur = b.alloc()
            self.emit("GET_INDEX", cur, obj, key, node=target)
            self.binary(sym, cur, cur, self.expr_A(value), st)
            self.emit("SET_INDEX", obj, key, cur, node=target)
        else:
            self.error(target, "cannot assign to this expression")

    def st_inc(self, st, delta=1):
        target = _kids(st)[0]
        b = self.fs.b
        one = b.rk(delta)
        local = self.local_var(target)
        if local is not None:
            self.emit("ADD", local.reg, local.reg, one, node=st)
            return

        def value():
            cur = b.alloc()
            self.expr_to(target, cur)
            self.emit("ADD", cur, cur, one, node=st)
            return cur
        self.assign_to(target, value, st)

    def local_var(self, target):
        """The variable *target* names if it lives in a register of this function."""
        if target.data == "name":
            var = self.lookup(str(target.children[0]))
            if var is not None and var.fs is self.fs and not var.boxed:
                return var
        return None

    def st_dec(self, st):
        self.st_inc(st, -1)

    def st_block(self, st):
        self.open_scope()
        self.statements(_kids(st)[0])
        self.close_scope()

    def st_return_stmt(self, st):
        k = _kids(st)
        if not k or k[0] is None:
            self.emit("RETURN", self.fs.b.top, 0, 0, node=st)
        else:
            r = self.expr_reg(k[0])
            self.emit("RETURN", r, 1, 0, node=st)

    def st_export_stmt(self, st):
        """``export`` makes a module's value (immutable) and ends the module;
        in the spell itself (the main module) tengo ignores it without
        evaluating its expression."""
        if self.fs.parent is not None:
            self.error(st, "export not allowed inside function")
        if self.is_module:
            r = self.expr_reg(_kids(st)[0])
            self.emit("INTRINSIC", r, self.fs.b.const("immutable"), r, 1, node=st)
            self.emit("RETURN", r, 1, 0, node=st)

    def st_break_stmt(self, st):
        if not self.fs.loops:
            self.error(st, "break not allowed outside loop")
        self.emit("BREAK", self.fs.loops[-1][0], node=st)

    def st_continue_stmt(self, st):
        if not self.fs.loops:
            self.error(st, "continue not allowed outside loop")
        self.emit("BREAK", self.fs.loops[-1][1], node=st)

    def st_if_stmt(self, st):
        trees = [c for c in st.children if isinstance(c, Tree)]
        has_init = any(isinstance(c, Token) and c.type == "SEMICOLON" for c in st.children)
        init = trees.pop(0) if has_init else None
        cond, body = trees[0], trees[1]
        alt = trees[2] if len(trees) > 2 else None
        self.open_scope()
        b = self.fs.b
        top = b.top
        if init is not None:
            self.stmt(init)
        c = self.expr_reg(cond)
        self.emit("IF", c, 0, node=cond)
        b.free_to(max(top, b.top if init is not None else top))
        self.st_block(body)
        if alt is not None:
            self.emit("ELSE", node=alt)
            self.stmt(alt)
        self.emit("END", node=st)
        self.close_scope()

    def loop(self, st, body, cond=None, post=None):
        b = self.fs.b
        self.open_scope()
        saved = dict(self.fs.shared)
        self.share_loop_variables(body, st)
        brk, cont = b.label(), b.label()
        self.emit("LOOP", brk, node=st)
        if cond is not None:
            top = b.top
            c = self.expr_reg(cond)
            self.emit("IF", c, 1, node=cond)
            self.emit("BREAK", brk, node=cond)
            self.emit("END", node=cond)
            b.free_to(top)
        self.emit("BLOCK", cont, node=st)
        self.fs.loops.append((brk, cont))
        self.st_block(body)
        self.fs.loops.pop()
        self.emit("END", node=st)
        if post is not None:
            top = b.top
            self.stmt(post)
            b.free_to(top)
        self.emit("END", node=st)
        self.fs.shared = saved
        self.close_scope()

    def st_for_ever(self, st):
        self.loop(st, _kids(st)[0])

    def st_for_cond(self, st):
        cond, body = _kids(st)
        self.loop(st, body, cond=cond)

    def st_for_three(self, st):
        init, cond, post, body = _kids(st)
        self.open_scope()
        if init is not None:
            self.stmt(init)
        self.loop(st, body, cond=cond, post=post)
        self.close_scope()

    def st_for_in(self, st):
        idents = [c for c in st.children if isinstance(c, Token) and c.type == "IDENT"]
        src, body = [c for c in st.children if isinstance(c, Tree)]
        key_tok, val_tok = (idents + [None])[:2]
        if val_tok is None:
            # `for v in x`: one variable gets the values (for maps too, per tengo)
            key_tok, val_tok = None, key_tok
        b = self.fs.b
        self.open_scope()
        saved = dict(self.fs.shared)
        self.share_loop_variables(body, st, [str(t) for t in (key_tok, val_tok) if t is not None])
        base = b.alloc(5)
        self.expr_to(src, base)
        brk, cont = b.label(), b.label()
        self.emit("FOR_IN", brk, base, 2, node=st)
        self.open_scope()
        for tok, reg in ((key_tok, base + 3), (val_tok, base + 4)):
            if tok is not None and str(tok) != "_":
                self.init_var(self.declare(tok, b.alloc()), reg, st)
        self.emit("BLOCK", cont, node=st)
        self.fs.loops.append((brk, cont))
        self.st_block(body)
        self.fs.loops.pop()
        self.emit("END", node=st)
        self.close_scope()
        self.emit("END", node=st)
        self.fs.shared = saved
        self.close_scope()

    # -- expressions -------------------------------------------------------------------------
    def expr_reg(self, e, name=None) -> int:
        if e.data == "name":
            var = self.lookup(str(e.children[0]))
            if var is not None and var.fs is self.fs and not var.boxed:
                return var.reg
        r = self.fs.b.alloc()
        self.expr_to(e, r, name)
        return r

    def expr_A(self, e) -> int:
        k = _constant(e)
        if k is not None:
            return self.fs.b.rk(k)
        return self.expr_reg(e)

    def expr_to(self, e, reg: int, name=None):
        m = getattr(self, "ex_" + e.data, None)
        if m is None:
            self.error(e, f"unsupported expression {e.data}")
        top = self.fs.b.top
        if e.data == "func_lit":
            m(e, reg, name)
        else:
            m(e, reg)
        self.fs.b.free_to(max(top, reg + 1) if reg >= top else top)

    def load_const(self, reg, value, node):
        if type(value) is bool:
            self.emit("LOAD_BOOL", reg, int(value), node=node)
        else:
            self.emit("LOAD_CONST", reg, self.fs.b.const(value), node=node)

    def ex_int_lit(self, e, reg):
        self.load_const(reg, _int_value(self, e.children[0]), e)

    def ex_float_lit(self, e, reg):
        self.load_const(reg, float(str(e.children[0]).replace("_", "")), e)

    def ex_char_lit(self, e, reg):
        b = self.fs.b
        self.emit("LOAD_CONST", reg, b.const(ord(str(e.children[0]))), node=e)
        self.emit("INTRINSIC", reg, b.const("char"), reg, 1, node=e)

    def ex_string_lit(self, e, reg):
        self.load_const(reg, str(e.children[0]), e)

    def ex_true_lit(self, e, reg):
        self.load_const(reg, True, e)

    def ex_false_lit(self, e, reg):
        self.load_const(reg, False, e)

    def ex_undefined_lit(self, e, reg):
        self.emit("LOAD_NIL", reg, node=e)

    def ex_paren(self, e, reg):
        self.expr_to(_kids(e)[0], reg)

    def ex_name(self, e, reg):
        tok = e.children[0]
        var = self.lookup(str(tok))
        if var is not None:
            self.load_var(var, reg, e)
        elif str(tok) in self.globals:
            self.emit("LOAD_GLOBAL", reg, self.fs.b.const(str(tok)), node=e)
        else:
            self.unresolved(tok)

    def ex_func_lit(self, e, reg, name=None):
        f = self.function(e, name or "")
        self.emit("MOVE", reg, f, node=e)

    def ex_array_lit(self, e, reg):
        items = [c for c in _kids(e) if c is not None]
        b = self.fs.b
        base = b.alloc(len(items))
        for i, x in enumerate(items):
            self.expr_to(x, base + i)
        self.emit("INTRINSIC", reg, b.const("array"), base, len(items), node=e)

    def ex_map_lit(self, e, reg):
        elems = [c for c in _kids(e) if c is not None]
        b = self.fs.b
        base = b.alloc(2 * len(elems))
        for i, el in enumerate(elems):
            key, value = _kids(el)
            self.emit("LOAD_CONST", base + 2 * i, b.const(str(key)), node=el)
            self.expr_to(value, base + 2 * i + 1)
        self.emit("INTRINSIC", reg, b.const("map"), base, 2 * len(elems), node=e)

    def ex_import_expr(self, e, reg):
        b = self.fs.b
        name = str(_kids(e)[0])
        problem = import_problem(name)
        if problem is not None:
            self.error(e, problem)
        self.emit("LOAD_CONST", reg, b.const(name), node=e)
        self.emit("INTRINSIC", reg, b.const("import"), reg, 1, node=e)

    def ex_error_expr(self, e, reg):
        self.expr_to(_kids(e)[0], reg)
        self.emit("INTRINSIC", reg, self.fs.b.const("error"), reg, 1, node=e)

    def ex_immutable_expr(self, e, reg):
        self.expr_to(_kids(e)[0], reg)
        self.emit("INTRINSIC", reg, self.fs.b.const("immutable"), reg, 1, node=e)

    def ex_ternary(self, e, reg):
        cond, yes, no = _kids(e)
        c = self.expr_reg(cond)
        self.emit("IF", c, 0, node=cond)
        self.expr_to(yes, reg)
        self.emit("ELSE", node=no)
        self.expr_to(no, reg)
        self.emit("END", node=e)

    def ex_unop(self, e, reg):
        op, x = _kids(e)
        sym = str(op)
        k = _constant(e)
        if k is not None:
            self.load_const(reg, k, e)
            return
        a = self.expr_A(x)
        if sym == "-":
            self.emit("UNM", reg, a, node=e)
        elif sym == "!":
            self.emit("NOT", reg, a, node=e)
        elif sym == "^":
            self.emit("BNOT", reg, a, node=e)
        else:                       # unary + checks that its operand is a number
            self.emit("INTRINSIC", reg, self.fs.b.const("plus"), self.to_reg(a, e), 1, node=e)

    def to_reg(self, a: int, node) -> int:
        if a >= 0:
            return a
        r = self.fs.b.alloc()
        self.load_const(r, self.fs.b.fn.consts[-1 - a], node)
        return r

    def ex_binop(self, e, reg):
        left, op, right = _kids(e)
        sym = str(op)
        if sym in ("&&", "||"):
            self.expr_to(left, reg)
            self.emit("IF", reg, 1 if sym == "&&" else 0, node=e)
            self.emit("ELSE", node=e)
            self.expr_to(right, reg)
            self.emit("END", node=e)
            return
        x = self.expr_A(left)
        y = self.expr_A(right)
        self.binary(sym, reg, x, y, e)

    def binary(self, sym, reg, x, y, node):
        if sym in _BINARY:
            self.emit(_BINARY[sym], reg, x, y, node=node)
        elif sym == "&^":
            self.intrinsic("andnot", reg, [x, y], node)
        elif sym == "==":
            self.emit("EQ", reg, x, y, node=node)
        elif sym == "!=":
            self.emit("EQ", reg, x, y, node=node)
            self.emit("NOT", reg, reg, node=node)
        elif sym == "<":
            self.emit("LT", reg, x, y, node=node)
        elif sym == "<=":
            self.emit("LE", reg, x, y, node=node)
        elif sym == ">":
            self.emit("LT", reg, y, x, node=node)
        elif sym == ">=":
            self.emit("LE", reg, y, x, node=node)
        else:
            self.error(node, f"unsupported operator {sym}")

    def intrinsic(self, name, dest, operands, node):
        b = self.fs.b
        base = b.alloc(len(operands))
        for i, a in enumerate(operands):
            if a >= 0:
                self.emit("MOVE", base + i, a, node=node)
            else:
                self.load_const(base + i, b.fn.consts[-1 - a], node)
        self.emit("INTRINSIC", dest, b.const(name), base, len(operands), node=node)

    def ex_selector(self, e, reg):
        obj, key = _kids(e)
        o = self.expr_reg(obj)
        self.emit("GET_INDEX", reg, o, self.fs.b.rk(str(key)), node=e)

    def ex_index(self, e, reg):
        obj, key = _kids(e)
        o = self.expr_reg(obj)
        self.emit("GET_INDEX", reg, o, self.expr_A(key), node=e)

    def ex_slice(self, e, reg):
        obj, lo, hi = _kids(e)
        b = self.fs.b
        base = b.alloc(3)
        self.expr_to(obj, base)
        for i, bound in ((1, lo), (2, hi)):
            if bound is None:
                self.emit("LOAD_NIL", base + i, node=e)
            else:
                self.expr_to(bound, base + i)
        self.emit("INTRINSIC", reg, b.const("slice"), base, 3, node=e)

    def ex_call(self, e, reg):
        callee, args_tree = _kids(e)
        b = self.fs.b
        top = b.top
        f = b.alloc()
        self.expr_to(callee, f)
        args = [c for c in args_tree.children if isinstance(c, Tree)] if args_tree is not None else []
        spread = args_tree is not None and any(isinstance(c, Token) and c.type == "ELLIPSIS"
                                               for c in args_tree.children)
        base = b.alloc(len(args))
        for i, a in enumerate(args):
            self.expr_to(a, base + i)
        if spread:
            # f(a, rest...): the last argument's elements are spread
            self.emit("INTRINSIC", f, b.const("spread_call"), f, len(args) + 1, node=e)
            if reg != f:
                self.emit("MOVE", reg, f, node=e)
        else:
            self.emit("CALL", f, len(args), 1, 0, node=callee)
            if reg != f:
                self.emit("MOVE", reg, f, node=e)
        b.free_to(max(top, reg + 1) if reg >= top else top)


def _int_value(lw, tok) -> int:
    text = str(tok).replace("_", "")
    base = 10
    if text[:2].lower() in ("0x", "0b", "0o"):
        base = {"x": 16, "b": 2, "o": 8}[text[1].lower()]
        text = text[2:]
    elif len(text) > 1 and text[0] == "0":
        base = 8             # Go's legacy octal, as tengo's scanner reads it
    try:
        v = int(text, base)
    except ValueError:
        lw.error(tok, f"invalid integer literal {tok}")
    if v > MAXI:
        lw.error(tok, f"integer literal {tok} overflows int")
    return wrap(v)


def _constant(e):
    """The value of a literal (and of ``-literal``), else None."""
    if not isinstance(e, Tree):
        return None
    if e.data == "int_lit":
        text = str(e.children[0]).replace("_", "")
        try:
            v = int(text, 0) if not (len(text) > 1 and text[0] == "0" and text[1].isdigit()) else int(text, 8)
        except ValueError:
            return None
        return v if v <= MAXI else None
    if e.data == "float_lit":
        return float(str(e.children[0]).replace("_", ""))
    if e.data == "string_lit":
        return str(e.children[0])
    if e.data == "true_lit":
        return True
    if e.data == "false_lit":
        return False
    if e.data == "unop" and str(e.children[0]) == "-":
        v = _constant(e.children[1])
        if type(v) is int:
            return wrap(-v)
        if type(v) is float:
            return -v
    return None


def _defined_names(tree) -> set:
    """Names ``:=`` declares in *tree*, not looking into function literals."""
    out: set = set()
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, Tree) and n.data != "func_lit":
            if n.data == "define" and n.children[0].data == "name":
                out.add(str(n.children[0].children[0]))
            stack.extend(n.children)
    return out


def _names(tree) -> set:
    out: set = set()
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, Token):
            if n.type == "IDENT":
                out.add(str(n))
        elif isinstance(n, Tree):
            stack.extend(n.children)
    return out


def _names_in_closures(tree) -> set:
    """Names mentioned inside function literals nested in *tree*: the
    variables that may be captured (by name — conservative)."""
    out: set = set()
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, Tree):
            if n.data == "func_lit":
                out |= _names(n)
            else:
                stack.extend(n.children)
    return out


def lower(tree, name: str, source: str, host_globals=(), is_module: bool = False) -> Module:
    """*host_globals*: the names the host adds to the builtins (bridge
    namespaces, ``args``); any other free name is a compile error.
    *is_module*: the file is imported, so ``export`` gives its value."""
    return Lowerer(name, source, host_globals, is_module).program(tree)
