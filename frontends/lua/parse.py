"""Lua 5.4 source text -> :class:`~.ast.Chunk`.

``parse(source, name)`` feeds the tokens of :mod:`.lex` to an LALR(1) parser
whose tables Lark builds from ``grammar.lark`` (once per process, on first use;
about 50 ms).  Lark's on-disk cache is deliberately not used: it is a pickle in
the shared temporary directory under a predictable name, and loading a pickle
someone else could have planted is not acceptable for a sandbox.

The shift/reduce loop is the small one in :func:`parse` rather than Lark's own:
it calls the :class:`Builder` methods directly (about 25% faster than going
through Lark's parser frontend) and keeps the parser state at hand for error
messages.  The AST is built *during* parsing, so nothing recurses in proportion
to the input: the parser's stacks are lists, expressions are folded by an
explicit operator stack, and :mod:`.lex` caps the nesting depth the way Lua does.

Errors are :class:`~llmspell.ir.errors.ParseError` worded like Lua's
(``'end' expected (to close 'function' at line 3) near <eof>``) on the line Lua
names.  An LALR table only says "token T is unexpected in state S";
:func:`_diagnose` turns that into Lua's message by finishing the constructs that
are complete (Yacc's "default reductions") until the parser stands where Lua's
recursive descent would stand, then reading what that state expects.
"""
from __future__ import annotations

import gc
from collections import Counter
from pathlib import Path

from lark import Lark
from lark.parsers.lalr_analysis import Shift

from ...ir.errors import ParseError
from ...ir.source import Span
from . import ast as A
from .lex import MAX_DEPTH, TOKEN_TEXT, Source, Tok, tokens, too_deep

# Lua's operator priorities (lparser.c): (left, right); right < left is right-assoc.
_BINARY_PRIORITY = {
    "OR": (1, 1), "AND": (2, 2),
    "LT": (3, 3), "GT": (3, 3), "LE": (3, 3), "GE": (3, 3), "NE": (3, 3), "EQ": (3, 3),
    "PIPE": (4, 4), "TILDE": (5, 5), "AMP": (6, 6), "SHL": (7, 7), "SHR": (7, 7),
    "CONCAT": (9, 8), "PLUS": (10, 10), "MINUS": (10, 10),
    "STAR": (11, 11), "SLASH": (11, 11), "DSLASH": (11, 11), "PERCENT": (11, 11),
    "CARET": (14, 13),
}
_UNARY_PRIORITY = 12
_LEFT = {t: p[0] for t, p in _BINARY_PRIORITY.items()}
_RIGHT = {t: p[1] for t, p in _BINARY_PRIORITY.items()}
_OP_TEXT = {t: TOKEN_TEXT[t] for t in _BINARY_PRIORITY} | {"NOT": "not", "MINUS": "-", "HASH": "#",
                                                           "TILDE": "~"}
_ASSIGNABLE = (A.Name, A.Index)
_CALLS = (A.Call, A.MethodCall)


def _start(x):
    """(line, col) where a token or node starts."""
    if type(x) is Tok:
        return x.line, x.column
    s = x.span
    return s.line, s.col


def _end(x):
    if type(x) is Tok:
        return x.end_line, x.end_column
    s = x.span
    return s.end_line, s.end_col


def _dotted_name(node) -> str | None:
    """``a.b.c`` for a Name or a chain of dotted Index nodes, else None."""
    parts = []
    while type(node) is A.Index and node.dot:
        parts.append(node.key.value)
        node = node.obj
    if type(node) is not A.Name:
        return None
    parts.append(node.name)
    return ".".join(reversed(parts))


def _name_functions(targets, exprs) -> None:
    """Give ``local f = function ...`` / ``M.f = function ...`` their names."""
    for target, e in zip(targets, exprs):
        if type(e) is A.Function and e.name == "<anonymous>":
            name = _dotted_name(target)
            if name is not None:
                e.name = name


class Builder:
    """The parser's reductions: one method per alias in ``grammar.lark``, each
    receiving the list of children (tokens and already built nodes) and
    returning the node."""

    def __init__(self, src: Source):
        self.src = src
        self.file = src.name
        self.lookahead: Tok | None = None     # the token read ahead

    # -- helpers ---------------------------------------------------------------------------
    def span(self, first, last) -> Span:
        line, col = _start(first)
        eline, ecol = _end(last)
        return Span(self.file, line, col, eline, ecol)

    def tspan(self, tok) -> Span:
        return Span(self.file, tok.line, tok.column, tok.end_line, tok.end_column)

    def name(self, tok) -> A.Name:
        return A.Name(Span(self.file, tok.line, tok.column, tok.end_line, tok.end_column), tok.value)

    def syntax_error(self) -> ParseError:
        """Lua's "syntax error near T": a statement that is an expression but not a
        call, or an assignment target that is not a variable.  T is the token
        after it (the parser's lookahead)."""
        la = self.lookahead
        return ParseError("syntax error" + self.src.near(la), self.src.error_span(la))

    # -- lists -----------------------------------------------------------------------------
    def empty_list(self, c):
        return c

    def list_new(self, c):
        return c

    def list_add(self, c):
        lst = c[0]
        lst.append(c[2])
        return lst

    def first(self, c):
        return c[0]

    # -- chunk and blocks --------------------------------------------------------------------
    def chunk(self, c):
        src = self.src
        return A.Chunk(Span(self.file, 1, 1, src.eof_line, src.eof_col), c[0])

    def block(self, c):
        stats = c[0]
        if stats:
            return A.Block(self.span(stats[0], stats[-1]), stats)
        la = self.lookahead               # an empty block sits just before the next token
        return A.Block(Span(self.file, la.line, la.column, la.line, la.column), stats)

    def block_ret(self, c):
        stats = c[0]
        stats.append(c[1])
        return A.Block(self.span(stats[0], stats[-1]), stats)

    def stats_add(self, c):
        stats = c[0]
        stats.append(c[1])
        return stats

    def stats_semi(self, c):
        return c[0]

    def ret(self, c):
        exprs = c[1] if len(c) > 1 and type(c[1]) is list else []
        return A.Return(self.span(c[0], c[-1] if type(c[-1]) is not list else c[-1][-1]), exprs)

    # -- statements --------------------------------------------------------------------------
    def st_call(self, c):
        e = c[0]
        if type(e) not in _CALLS:
            raise self.syntax_error()
        return A.CallStat(e.span, e)

    def varlist_new(self, c):
        if type(c[0]) not in _ASSIGNABLE:
            raise self.syntax_error()
        return c

    def varlist_add(self, c):
        if type(c[2]) not in _ASSIGNABLE:
            raise self.syntax_error()
        lst = c[0]
        lst.append(c[2])
        return lst

    def st_assign(self, c):
        targets, exprs = c[0], c[2]
        _name_functions(targets, exprs)
        return A.Assign(self.span(targets[0], exprs[-1]), targets, exprs)

    def st_label(self, c):
        return A.Label(self.span(c[0], c[2]), c[1].value)

    def st_break(self, c):
        return A.Break(self.tspan(c[0]))

    def st_goto(self, c):
        return A.Goto(self.span(c[0], c[1]), c[1].value)

    def st_do(self, c):
        return A.Do(self.span(c[0], c[2]), c[1])

    def st_while(self, c):
        return A.While(self.span(c[0], c[4]), c[1], c[3])

    def st_repeat(self, c):
        return A.Repeat(self.span(c[0], c[3]), c[1], c[3])

    def st_if(self, c):
        clauses = [(c[1], c[3])] + c[4]
        return A.If(self.span(c[0], c[5]), clauses, None)

    def st_if_else(self, c):
        clauses = [(c[1], c[3])] + c[4]
        return A.If(self.span(c[0], c[7]), clauses, c[6])

    def elseifs_add(self, c):
        lst = c[0]
        lst.append((c[2], c[4]))
        return lst

    def st_numfor(self, c):
        return A.NumFor(self.span(c[0], c[8]), self.name(c[1]), c[3], c[5], None, c[7])

    def st_numfor_step(self, c):
        return A.NumFor(self.span(c[0], c[10]), self.name(c[1]), c[3], c[5], c[7], c[9])

    def st_genfor(self, c):
        return A.GenFor(self.span(c[0], c[6]), c[1], c[3], c[5])

    def names_new(self, c):
        return [self.name(c[0])]

    def names_add(self, c):
        lst = c[0]
        lst.append(self.name(c[2]))
        return lst

    def _function(self, kw, body, name, self_tok=None) -> A.Function:
        params, is_vararg, block, end = body
        if self_tok is not None:        # a method: 'self' is the hidden first parameter
            params = [A.Name(self.tspan(self_tok), "self")] + params
        return A.Function(self.span(kw, end), params, is_vararg, block, name)

    def st_function(self, c):
        target, method_tok = c[1]
        func = self._function(c[0], c[2], _function_name(target, method_tok), method_tok)
        return A.FunctionStat(func.span, target, func)

    def funcname(self, c):
        return c[0], None

    def funcname_method(self, c):
        obj, name = c[0], c[2]
        key = A.String(self.tspan(name), name.value)
        return A.Index(self.span(obj, name), obj, key, True), name

    def st_localfunc(self, c):
        func = self._function(c[1], c[3], c[2].value)
        return A.LocalFunction(self.span(c[0], c[3][3]), self.name(c[2]), func)

    def st_local(self, c):
        names = [n for n, _ in c[1]]
        return A.Local(self.span(c[0], names[-1]), names, [a for _, a in c[1]], [])

    def st_local_init(self, c):
        names = [n for n, _ in c[1]]
        exprs = c[3]
        _name_functions(names, exprs)
        return A.Local(self.span(c[0], exprs[-1]), names, [a for _, a in c[1]], exprs)

    def attname(self, c):
        if len(c) == 1:
            return self.name(c[0]), None
        attrib = c[2].value
        if attrib not in ("const", "close"):
            raise ParseError(f"unknown attribute '{attrib}'", self.tspan(c[2]))
        return self.name(c[0]), attrib

    def attnames_add(self, c):
        lst = c[0]
        lst.append(c[2])
        if c[2][1] == "close" and any(a == "close" for _, a in lst[:-1]):
            raise ParseError("multiple to-be-closed variables in local list", c[2][0].span)
        return lst

    # -- functions -----------------------------------------------------------------------
    def funcbody(self, c):
        """-> (params, is_vararg, body, end token)"""
        if len(c) == 4:
            return [], False, c[2], c[3]
        params, is_vararg = c[1]
        return params, is_vararg, c[3], c[4]

    def params(self, c):
        return c[0], False

    def params_vararg(self, c):
        return c[0], True

    def params_dots(self, c):
        return [], True

    # -- expressions -------------------------------------------------------------------------
    def pre_new(self, c):
        return c

    def pre_add(self, c):
        lst = c[0]
        lst.append(c[1])
        return lst

    def pre_add2(self, c):
        lst = c[0]
        lst.append(c[1])
        lst.append(c[2])
        return lst

    def exp_chain(self, c):
        items = c[0]
        items.append(c[1])
        return self.fold(items)

    def fold(self, items):
        """Apply Lua's priorities to a flat list ``[unop* operand (binop unop* operand)*]``.

        This is lparser.c's ``subexpr`` with its recursion replaced by a stack of
        pending operators: each entry is (operator token, left operand or None for
        a unary operator, the priority that ends it).
        """
        stack = []
        deepest = 0
        left, right = _LEFT, _RIGHT
        file = self.file
        i = 0
        n = len(items)
        while True:
            x = items[i]
            i += 1
            while type(x) is Tok:                 # unary operators before an operand
                stack.append((x, None, _UNARY_PRIORITY))
                x = items[i]
                i += 1
            if len(stack) > deepest:
                deepest = len(stack)
            e = x
            op = items[i] if i < n else None
            prio = left[op.type] if op is not None else 0
            while stack and prio <= stack[-1][2]:
                tok, lhs, _ = stack.pop()
                s = e.span
                if lhs is None:
                    e = A.UnOp(Span(file, tok.line, tok.column, s.end_line, s.end_col),
                               _OP_TEXT[tok.type], e)
                else:
                    ls = lhs.span
                    e = A.BinOp(Span(file, ls.line, ls.col, s.end_line, s.end_col),
                                _OP_TEXT[tok.type], lhs, e)
            if op is None:
                break
            stack.append((op, e, right[op.type]))
            i += 1
        if deepest + self.src.depth > MAX_DEPTH:
            raise too_deep(file, next(x for x in items if type(x) is Tok))
        return e

    def s_nil(self, c):
        return A.Nil(self.tspan(c[0]))

    def s_true(self, c):
        return A.Bool(self.tspan(c[0]), True)

    def s_false(self, c):
        return A.Bool(self.tspan(c[0]), False)

    def s_number(self, c):
        t = c[0]
        return A.Number(Span(self.file, t.line, t.column, t.end_line, t.end_column), t.value)

    def s_string(self, c):
        t = c[0]
        return A.String(Span(self.file, t.line, t.column, t.end_line, t.end_column), t.value)

    def s_vararg(self, c):
        if not self.src.in_vararg_function():
            raise ParseError("cannot use '...' outside a vararg function near '...'", self.tspan(c[0]))
        return A.Vararg(self.tspan(c[0]))

    def s_function(self, c):
        return self._function(c[0], c[1], "<anonymous>")

    def sx_name(self, c):
        t = c[0]
        return A.Name(Span(self.file, t.line, t.column, t.end_line, t.end_column), t.value)

    def sx_paren(self, c):
        return A.Paren(self.span(c[0], c[2]), c[1])

    def sx_dot(self, c):
        obj, t = c[0], c[2]
        s = obj.span
        key = A.String(Span(self.file, t.line, t.column, t.end_line, t.end_column), t.value)
        return A.Index(Span(self.file, s.line, s.col, t.end_line, t.end_column), obj, key, True)

    def sx_index(self, c):
        return A.Index(self.span(c[0], c[3]), c[0], c[2], False)

    def _args(self, c):
        """The arguments of a call whose argument part is c[0:]."""
        first = c[0]
        if type(first) is not Tok:
            return [first]                      # f{...}
        if first.type == "STRING":
            return [A.String(self.tspan(first), first.value)]
        return c[1] if len(c) == 3 else []    # f(...)

    def sx_call(self, c):
        return A.Call(self.span(c[0], c[-1]), c[0], self._args(c[1:]))

    def sx_method(self, c):
        return A.MethodCall(self.span(c[0], c[-1]), c[0], c[2].value, self._args(c[3:]))

    def table(self, c):
        fields = c[1] if len(c) > 2 else []
        return A.Table(self.span(c[0], c[-1]), fields)

    def field_pos(self, c):
        return A.TableField(c[0].span, None, c[0])

    def field_named(self, c):
        return A.TableField(self.span(c[0], c[2]), A.String(self.tspan(c[0]), c[0].value), c[2])

    def field_keyed(self, c):
        return A.TableField(self.span(c[0], c[4]), c[1], c[4])


def _function_name(target, method_tok) -> str:
    name = _dotted_name(target.obj if method_tok is not None else target)
    return f"{name}:{method_tok.value}" if method_tok is not None else name


# ------------------------------------------------------------------------ error messages
_BLOCK_FOLLOW = {"ELSE", "ELSEIF", "END", "UNTIL", "$END"}
_OPENER_OF = {"END": ("FUNCTION", "WHILE", "FOR", "IF", "DO"), "UNTIL": ("REPEAT",),
              "RPAR": ("LPAR",), "RBRACE": ("LBRACE",)}


def _expected_text(term: str) -> str:
    return "<eof>" if term == "$END" else f"'{TOKEN_TEXT[term]}'"


def _diagnose(tok: Tok, stack: list, values: list, src: Source, builder: Builder) -> ParseError:
    """Lua's message for token *tok* arriving in the parser state on top of
    *stack*, where the table has no action for it."""
    rows, _, end_state = _tables()
    ttype = tok.type
    stack = list(stack)
    values = list(values)
    near = src.near(tok)
    where = src.error_span(tok)

    def error(msg):
        return ParseError(msg + near, where)

    while True:
        s = stack[-1]
        # a row holds the actions on terminals (upper case) and the gotos of rules
        actions = {k: a for k, a in rows[s].items() if k.isupper()} if s != end_state else {"$END": 0}
        expected = set(actions)
        reductions = [a for a in actions.values() if type(a) is tuple]
        starts = actions.get("WHILE")
        if starts is not None and (type(starts) is int or starts[2] == "stats"):
            # between two statements (or at the start of a block)
            closers = expected & {"$END", "UNTIL", "END"}
            if ttype in _BLOCK_FOLLOW and closers:
                term = "$END" if "$END" in closers else "UNTIL" if "UNTIL" in closers else "END"
                return _expected(term, src, tok, error)
            return error("unexpected symbol")
        if expected == {"ASSIGN", "COMMA", "IN"}:
            return error("'=' or 'in' expected")
        if expected == {"LPAR", "STRING", "LBRACE"}:
            return error("function arguments expected")
        if type(actions.get("NUMBER")) is int and (ttype not in _BLOCK_FOLLOW or not reductions):
            return error("unexpected symbol")           # an expression was due
        act = actions.get(ttype)        # LALR merges lookaheads: T may still reduce here
        if act is None and reductions:
            # finish the construct that is complete, as Lua's recursive descent would
            act = Counter(reductions).most_common(1)[0][0]
        if type(act) is not tuple:
            break
        size, fn, origin = act
        children = values[len(values) - size:]
        del values[len(values) - size:]
        del stack[len(stack) - size:]
        try:
            values.append(fn(builder, children))
        except ParseError as e:
            return e
        stack.append(rows[stack[-1]][origin])

    if "NAME" in expected and "LPAR" in expected:
        return error("unexpected symbol")               # a variable was due
    if "NAME" in expected:
        return error("<name> or '...' expected" if "DOTS" in expected else "<name> expected")
    wanted = expected - {"COMMA", "SEMI"} or expected
    if wanted == {"ELSEIF", "ELSE", "END"}:
        wanted = {"END"}                                # Lua's 'if' insists on its 'end'
    if len(wanted) == 1:
        return _expected(wanted.pop(), src, tok, error)
    return error("unexpected symbol")


def _expected(term: str, src: Source, tok, error) -> ParseError:
    """"'x' expected", naming the opener it closes when that is on another line."""
    msg = f"{_expected_text(term)} expected"
    openers = src.openers
    if term in _OPENER_OF and openers:
        op = openers[-1]
        line = src.error_span(tok).line
        if op.type in _OPENER_OF[term] and not op.closes_quietly and op.line != line:
            msg += f" (to close '{TOKEN_TEXT[op.type]}' at line {op.line})"
    return error(msg)


# ---------------------------------------------------------------------------- the parser
_TABLES = None


def _tables():
    """(rows, start state, end state) of the LALR table, built once per process.

    Lark compiles ``grammar.lark``; each row maps a terminal to the next state
    (shift, an ``int``) or to a reduction ``(size, Builder method, rule name)``,
    and a rule name to the next state (goto).
    """
    global _TABLES
    if _TABLES is None:
        grammar = Path(__file__).with_name("grammar.lark").read_text()
        table = Lark(grammar, parser="lalr", lexer="basic").parser.parser._parse_table
        rows = [None] * len(table.states)
        for state, actions in table.states.items():
            row = rows[state] = {}
            for symbol, (action, arg) in actions.items():
                # rule names can be Lark Tokens, whose __eq__ would slow every lookup
                row[str(symbol)] = arg if action is Shift else (
                    len(arg.expansion), getattr(Builder, arg.alias), str(arg.origin.name))
        _TABLES = rows, table.start_states["start"], table.end_states["start"]
    return _TABLES


def parse(source: str, name: str) -> A.Chunk:
    """Parse Lua 5.4 *source*; *name* is the file name used in spans and messages."""
    rows, state, end_state = _tables()
    src = Source(source, name)
    builder = Builder(src)
    stack = [state]
    values = []
    gc_was_enabled = gc.isenabled()
    gc.disable()        # the tree has no cycles; collecting while it grows costs a third
    try:
        for tok in tokens(src):
            builder.lookahead = tok
            ttype = tok.type
            while True:
                act = rows[stack[-1]].get(ttype)
                if type(act) is int:                    # shift
                    stack.append(act)
                    values.append(tok)
                    break
                if act is None:
                    if stack[-1] == end_state:          # the chunk is complete
                        return values[-1]
                    raise _diagnose(tok, stack, values, src, builder)
                size, fn, origin = act                  # reduce
                if size:
                    children = values[-size:]
                    del values[-size:]
                    del stack[-size:]
                else:
                    children = []
                values.append(fn(builder, children))
                stack.append(rows[stack[-1]][origin])
    finally:
        if gc_was_enabled:
            gc.enable()
