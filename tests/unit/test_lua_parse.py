"""The Lua 5.4 parser (frontends/lua: grammar.lark, lex.py, parse.py).

Where the expected values come from:

* literal values (numerals, string escapes), syntax error messages with their
  line numbers, and the nesting limit: real Lua 5.4 through lupa, computed here;
* operator precedence: real Lua too -- random expressions are evaluated by Lua as
  written and as fully parenthesised from our tree, and must agree;
* AST shapes and spans: the grammar of the Lua 5.4 manual (section 9), written
  out by hand below.
"""
from __future__ import annotations

import inspect
import random
import sys

import attrs
import pytest
from lupa import lua54

from llmspell.frontends.lua import ast as A
from llmspell.frontends.lua.lex import MAX_DEPTH
from llmspell.frontends.lua.parse import parse
from llmspell.ir.errors import ParseError
from llmspell.vm.values import to_bytes

LUA = lua54.LuaRuntime(encoding=None)       # bytes in, bytes out: exact string contents
_lua_load = LUA.globals()[b"load"]
_lua_eval = LUA.eval(b"""function(src)
    local f, err = load("return " .. src, "=x")
    if not f then return "syntax: " .. err end
    local ok, v = pcall(f)
    if not ok then return "error" end
    return type(v) .. " " .. tostring(math.type(v)) .. " " .. tostring(v)
end""")


def lua_load(src: str) -> str:
    """Real Lua's verdict on *src*: "OK" or "t.lua:LINE: message"."""
    r = _lua_load(src.encode("utf-8", "surrogateescape"), b"=t.lua")
    return r[1].decode("utf-8", "surrogateescape") if isinstance(r, tuple) else "OK"


def ours(src: str) -> str:
    try:
        parse(src, "t.lua")
    except ParseError as e:
        return f"t.lua:{e.span.line}: {e.message}"
    return "OK"


def lua_value(literal: str):
    return LUA.execute(b"return " + literal.encode("utf-8", "surrogateescape"))


def tree(n):
    """A compact nested-tuple view of an AST: Name -> "x", Number -> ("num", v),
    String -> ("str", v), other nodes -> (ClassName, *fields without span/binding/scope)."""
    t = type(n)
    if n is None or t in (str, bool, int, float):
        return n
    if t is list:
        return [tree(x) for x in n]
    if t is tuple:
        return tuple(tree(x) for x in n)
    if t is A.Name:
        return n.name
    if t is A.Number:
        return ("num", n.value)
    if t is A.String:
        return ("str", n.value)
    if t is A.Bool:
        return "true" if n.value else "false"
    if t in (A.Nil, A.Vararg):
        return {A.Nil: "nil", A.Vararg: "..."}[t]
    return (t.__name__,) + tuple(tree(getattr(n, f.name)) for f in attrs.fields(t)
                                 if f.name not in ("span", "binding", "scope"))


def stmts(src: str):
    return tree(parse(src, "t.lua").body.stmts)


def expr(src: str):
    """The tree of one expression."""
    (st,) = parse(f"return {src}", "t.lua").body.stmts
    (e,) = st.exprs
    return tree(e)


def num(v):
    return ("num", v)


def s(v):
    return ("str", v)


def dot(obj, key):
    return ("Index", obj, s(key), True)


def block(*st):
    return ("Block", list(st))


# ------------------------------------------------------------------------- AST shapes
SHAPES = [
    ("local a <const>, b <close>, c = 1, 2",
     [("Local", ["a", "b", "c"], ["const", "close", None], [num(1), num(2)])]),
    ("local x", [("Local", ["x"], [None], [])]),
    ("x, y.z, w[1] = 1, 2",
     [("Assign", ["x", dot("y", "z"), ("Index", "w", num(1), False)], [num(1), num(2)])]),
    ("function a.b.c:m(p, ...) return self end",
     [("FunctionStat", dot(dot(dot("a", "b"), "c"), "m"),
       ("Function", ["self", "p"], True, block(("Return", ["self"])), "a.b.c:m"))]),
    ("function f() end", [("FunctionStat", "f", ("Function", [], False, block(), "f"))]),
    ("function t.f(...) end",
     [("FunctionStat", dot("t", "f"), ("Function", [], True, block(), "t.f"))]),
    ("local function f(a, b) end",
     [("LocalFunction", "f", ("Function", ["a", "b"], False, block(), "f"))]),
    ("local g = function() end",
     [("Local", ["g"], [None], [("Function", [], False, block(), "g")])]),
    ("M.h = function() end",
     [("Assign", [dot("M", "h")], [("Function", [], False, block(), "M.h")])]),
    ("f(function() end)",
     [("CallStat", ("Call", "f", [("Function", [], False, block(), "<anonymous>")]))]),
    ("for i = 1, 10 do break end",
     [("NumFor", "i", num(1), num(10), None, block(("Break",)))]),
    ("for i = 10, 1, -1 do end",
     [("NumFor", "i", num(10), num(1), ("UnOp", "-", num(1)), block())]),
    ("for k, v in pairs(t), 1 do end",
     [("GenFor", ["k", "v"], [("Call", "pairs", ["t"]), num(1)], block())]),
    ("while x do x = nil end", [("While", "x", block(("Assign", ["x"], ["nil"])))]),
    ("repeat local q = 1 until q",
     [("Repeat", block(("Local", ["q"], [None], [num(1)])), "q")]),
    ("if a then f() end", [("If", [("a", block(("CallStat", ("Call", "f", []))))], None)]),
    ("if a then elseif b then elseif c then else return end",
     [("If", [("a", block()), ("b", block()), ("c", block())], block(("Return", [])))]),
    ("do ; end ;;", [("Do", block())]),
    ("goto done ::done::", [("Goto", "done"), ("Label", "done")]),
    ("return", [("Return", [])]),
    ("return;", [("Return", [])]),
    ("return 1, ...;", [("Return", [num(1), "..."])]),
    ("do return end", [("Do", block(("Return", [])))]),
    ('f"str" f[[long]] f{}', [("CallStat", ("Call", "f", [s("str")])),
                               ("CallStat", ("Call", "f", [s("long")])),
                               ("CallStat", ("Call", "f", [("Table", [])]))]),
    ("o:m(1)(2):n{} o:s'x'",
     [("CallStat", ("MethodCall", ("Call", ("MethodCall", "o", "m", [num(1)]), [num(2)]), "n",
                    [("Table", [])])),
      ("CallStat", ("MethodCall", "o", "s", [s("x")]))]),
    ("a.b[c].d = e", [("Assign", [dot(("Index", dot("a", "b"), "c", False), "d")], ["e"])]),
    ("(f)()", [("CallStat", ("Call", ("Paren", "f"), []))]),
    # a line break does not end a statement: Lua reads this as a call
    ("local x = f\n(g)()", [("Local", ["x"], [None], [("Call", ("Call", "f", ["g"]), [])])]),
]


@pytest.mark.parametrize("src, expected", SHAPES)
def test_statement_shapes(src, expected):
    assert stmts(src) == expected


def test_literals_and_constructors():
    assert expr("nil") == "nil"
    assert expr("true") == "true" and expr("false") == "false"
    assert expr("...") == "..."
    assert expr("{}") == ("Table", [])
    assert expr("{1, x = 2; [3] = 4, f(), ...,}") == ("Table", [
        ("TableField", None, num(1)),
        ("TableField", s("x"), num(2)),
        ("TableField", num(3), num(4)),
        ("TableField", None, ("Call", "f", [])),
        ("TableField", None, "..."),
    ])
    assert expr("{{}; {x}}") == ("Table", [("TableField", None, ("Table", [])),
                                           ("TableField", None, ("Table", [("TableField", None, "x")]))])


def test_parentheses_always_make_a_paren_node():
    assert expr("(1)") == ("Paren", num(1))
    assert expr("((f()))") == ("Paren", ("Paren", ("Call", "f", [])))
    assert expr("(a).b") == dot(("Paren", "a"), "b")
    assert expr("(a + b) * c") == ("BinOp", "*", ("Paren", ("BinOp", "+", "a", "b")), "c")


def test_operator_precedence_and_associativity():
    # manual 3.4.8: or < and < comparison < | < ~ < & < shift < .. < +- < */ //% < unary < ^
    assert expr("-x^2") == ("UnOp", "-", ("BinOp", "^", "x", num(2)))
    assert expr("2^-3") == ("BinOp", "^", num(2), ("UnOp", "-", num(3)))
    assert expr("a^b^c") == ("BinOp", "^", "a", ("BinOp", "^", "b", "c"))
    assert expr("a..b..c") == ("BinOp", "..", "a", ("BinOp", "..", "b", "c"))
    assert expr("a-b-c") == ("BinOp", "-", ("BinOp", "-", "a", "b"), "c")
    assert expr("not a == b") == ("BinOp", "==", ("UnOp", "not", "a"), "b")
    assert expr("a or b and c") == ("BinOp", "or", "a", ("BinOp", "and", "b", "c"))
    assert expr("a < b | c") == ("BinOp", "<", "a", ("BinOp", "|", "b", "c"))
    assert expr("a | b ~ c & d << e .. f") == (
        "BinOp", "|", "a", ("BinOp", "~", "b", ("BinOp", "&", "c", ("BinOp", "<<", "d", ("BinOp", "..", "e", "f")))))
    assert expr("1 ~~ 2") == ("BinOp", "~", num(1), ("UnOp", "~", num(2)))
    assert expr("- - #t") == ("UnOp", "-", ("UnOp", "-", ("UnOp", "#", "t")))
    assert expr("a // b % c * d / e") == (
        "BinOp", "/", ("BinOp", "*", ("BinOp", "%", ("BinOp", "//", "a", "b"), "c"), "d"), "e")
    for op in ("==", "~=", "<", "<=", ">", ">="):
        assert expr(f"a {op} b {op} c") == ("BinOp", op, ("BinOp", op, "a", "b"), "c")


def _parenthesize(e) -> str:
    t = type(e)
    if t is A.Number:
        return repr(e.value)
    if t is A.BinOp:
        return f"({_parenthesize(e.left)} {e.op} {_parenthesize(e.right)})"
    if t is A.UnOp:
        return f"({e.op} {_parenthesize(e.operand)})"
    assert t is A.Paren
    return f"({_parenthesize(e.expr)})"


def test_precedence_agrees_with_lua_on_random_expressions():
    rng = random.Random(54)
    binops = ["+", "-", "*", "/", "//", "%", "^", "..", "==", "~=", "<", "<=", ">", ">=",
              "and", "or", "&", "|", "~", "<<", ">>"]
    unops = ["- ", "not ", "~ "]

    def operand(depth):
        prefix = "".join(rng.choice(unops) for _ in range(rng.choice([0, 0, 0, 1, 2])))
        if depth < 2 and rng.random() < 0.2:
            return f"{prefix}({gen(depth + 1)})"
        return prefix + str(rng.randint(1, 9))

    def gen(depth=0):
        parts = [operand(depth)]
        for _ in range(rng.randint(1, 5)):
            parts += [rng.choice(binops), operand(depth)]
        return " ".join(parts)

    compared = 0
    for _ in range(1000):
        src = gen()
        (st,) = parse(f"return {src}", "t.lua").body.stmts
        expected = _lua_eval(src.encode())
        if expected == b"error":
            continue
        assert _lua_eval(_parenthesize(st.exprs[0]).encode()) == expected, src
        compared += 1
    assert compared > 250


# ------------------------------------------------------------------------------- spans
def test_spans():
    src = "local x = foo.bar(1, 'two')\n  return x   -- done\n"
    chunk = parse(src, "s.lua")
    local, ret = chunk.body.stmts
    assert chunk.span.file == "s.lua" and (chunk.span.line, chunk.span.col) == (1, 1)
    assert (local.span.line, local.span.col, local.span.end_line, local.span.end_col) == (1, 1, 1, 28)
    name = local.names[0]
    assert (name.span.line, name.span.col, name.span.end_col) == (1, 7, 8)
    call = local.exprs[0]
    assert (call.span.col, call.span.end_col) == (11, 28)
    index = call.func
    assert (index.span.col, index.span.end_col) == (11, 18)
    assert (index.key.span.col, index.key.span.end_col) == (15, 18)
    one, two = call.args
    assert (one.span.col, two.span.col, two.span.end_col) == (19, 22, 27)
    assert (ret.span.line, ret.span.col, ret.span.end_col) == (2, 3, 11)
    assert (ret.exprs[0].span.line, ret.exprs[0].span.col) == (2, 10)


def test_spans_of_compound_statements():
    src = "function t:m(a)\n  if a then\n    return a + 1\n  end\nend\n"
    (fs,) = parse(src, "s.lua").body.stmts
    assert (fs.span.line, fs.span.col, fs.span.end_line, fs.span.end_col) == (1, 1, 5, 4)
    assert fs.func.span == fs.span
    self_param, a = fs.func.params
    assert self_param.name == "self" and (self_param.span.line, self_param.span.col) == (1, 12)
    assert (a.span.line, a.span.col) == (1, 14)
    (if_st,) = fs.func.body.stmts
    assert (if_st.span.line, if_st.span.col, if_st.span.end_line, if_st.span.end_col) == (2, 3, 4, 6)
    binop = if_st.clauses[0][1].stmts[0].exprs[0]
    assert (binop.span.line, binop.span.col, binop.span.end_col) == (3, 12, 17)


def test_lines_count_every_line_break_like_lua():
    for nl in ("\n", "\r\n", "\n\r", "\r"):
        src = f"x = 1{nl}{nl}y = 'a{nl}z = 3"
        assert ours(src) == lua_load(src), repr(nl)
        chunk = parse(f"x = 1{nl}--[[ a{nl}b ]] y = [[{nl}p{nl}q]]{nl}z = 3", "t.lua")
        x, y, z = chunk.body.stmts
        assert (y.span.line, z.span.line) == (3, 6)
        assert y.exprs[0].value == "p\nq"       # Lua stores every line break as "\n"


def test_first_line_starting_with_hash_is_skipped():
    chunk = parse("#!/usr/bin/env lua\nprint(1)", "t.lua")
    assert stmts("#!/usr/bin/env lua\nprint(1)") == [("CallStat", ("Call", "print", [num(1)]))]
    assert chunk.body.stmts[0].span.line == 2
    assert ours("#!lua\nx = = 1") == lua_load("\nx = = 1")


# ------------------------------------------------------------------------------ numerals
NUMERALS = [
    "0", "3", "345", "9223372036854775807", "9223372036854775808", "18446744073709551616",
    "123456789012345678901234567890", "0xff", "0XA", "0x7fffffffffffffff", "0x8000000000000000",
    "0xffffffffffffffff", "0x1ffffffffffffffff", "0x123456789abcdef0123",
    "3.0", "3.1416", "314.16e-2", "0.31416E1", "34e1", "1e308", "1e309", "5e-324", "1e-400",
    ".5", "5.", "0x0.1E", "0xA23p-4", "0X1.921FB54442D18P+1", "0x.8", "0xA.", "0x1p4",
    "0x1P-1074", "0x1p-1075", "0x1.fffffffffffff8p1023", "0x.1p4", "00012", "1E+2", "0x1e",
]


@pytest.mark.parametrize("literal", NUMERALS)
def test_numerals_match_lua(literal):
    value = expr(literal)[1]
    expected = lua_value(literal)
    assert type(value) is type(expected) and value == expected


def test_random_numerals_match_lua():
    rng = random.Random(7)
    digits = "0123456789"
    hexdigits = "0123456789abcdefABCDEF"
    for _ in range(500):
        if rng.random() < 0.5:
            text = "".join(rng.choice(digits) for _ in range(rng.randint(1, 25)))
            if rng.random() < 0.5:
                text += "." + "".join(rng.choice(digits) for _ in range(rng.randint(0, 20)))
            if rng.random() < 0.4:
                text += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 330))
        else:
            text = "0x" + "".join(rng.choice(hexdigits) for _ in range(rng.randint(1, 20)))
            if rng.random() < 0.5:
                text += "." + "".join(rng.choice(hexdigits) for _ in range(rng.randint(0, 15)))
            if rng.random() < 0.4:
                text += rng.choice("pP") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 1100))
        value = expr(text)[1]
        expected = lua_value(text)
        assert type(value) is type(expected) and value == expected, text


# ------------------------------------------------------------------------------- strings
STRINGS = [
    r'"plain"', r"'single'", r'"\a\b\f\n\r\t\v\\\"\'"', "'a\\\nb'", "'a\\\r\nb'",
    r'"\x41\x7a\xff\x00"', r'"\65\066\0677\0\255"', r'"\u{41}\u{e9}\u{20AC}\u{10FFFF}"',
    r'"\u{D800}\u{110000}\u{7FFFFFFF}\u{0}"', '"x\\z   \n\t  y"', '"\\z"', '"caf\u00e9 \u20ac"',
    "[[long]]", "[[\nfirst newline skipped]]", "[==[with ]] and ]=] inside]==]", "[[\r\nx\ry\n\rz]]",
    "[[]]", "[=[\n]=]", "'\\''",
]


@pytest.mark.parametrize("literal", STRINGS)
def test_strings_match_lua(literal):
    assert to_bytes(expr(literal)[1]) == lua_value(literal)


def test_random_escapes_match_lua():
    rng = random.Random(11)
    pieces = ["a", "é", "\\n", "\\\\", "\\\"", "\\x", "\\u{", "\\z  ", "\\", "\\0", "\\9", "\\25"]
    for _ in range(400):
        body = ""
        for _ in range(rng.randint(1, 8)):
            p = rng.choice(pieces)
            if p == "\\x":
                p += "".join(rng.choice("0123456789abcdefABCDEF") for _ in range(2))
            elif p == "\\u{":
                p += "%x}" % rng.choice([0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF,
                                          0x1FFFFF, 0x3FFFFFF, 0x7FFFFFFF, rng.randrange(0x80000000)])
            elif p == "\\":
                p += rng.choice("abfnrtv")
            elif p in ("\\0", "\\9", "\\25"):
                p += rng.choice(["", "5", "x"])
            body += p
        literal = f'"{body}"'
        assert to_bytes(expr(literal)[1]) == lua_value(literal), literal


# -------------------------------------------------------------------------------- errors
# Broken programs: message and line must be exactly Lua's (we add a column).
BROKEN = [
    "x = = 1", "x = 1 +", "x = #", "x = ~= 1", "x = 1 + + 2", "x = @", "x = é", "return return",
    "local t = {x = }", "f{1;2;,}", "f(", "x = {", "f(a,)", "x = a[]",
    "function f() return 1", "function f()\n return 1\n", "function f() return 1 x",
    "if x then\n y()\n", "if x then else elseif", "while true do until", "repeat\n x()",
    "do\n", "for i=1,2 do", "while x do\n  if y then\n    break\n  end\n  f(",
    "end", "return 1 x = 2", "return;;", "local function f() end end", "elseif", "until x",
    "f(a b)", "f(a\nb)", "x = {1, 2 3}", "x = {1, 2\n3}", "a[1 2] = 3", "x = ( ( 1 )",
    "f(function()\n end", "local t = {\n  a = 1,\n  b = 2", "t = {[1] 2}", "t = {[1 = 2}",
    "t = {f(x) = 1}", "while x y", "if x end", "for i=1 do end", "for i=1,2 3 do end",
    "for x 1", "for a,b do end", "for 1", "for a,1 in x do end",
    "function f(1) end", "function f(a 1) end", "local function f(a,) end",
    "x = function(..., a) end", "function a.b:c.d() end", "function a.1() end", "function () end",
    "local function 1", "local = 1", "local x, = 1", "local x <const", "local x <foo> = 1",
    "local x <const> <close> = 1", "local x <close>, y <close> = 1, 2", "goto 1", "goto", "::a",
    "::1::", "a.b:c = 1", "a:b", "x = a:b.c", "x = a.", "x = function",
    "local a b", "x = y z", "a.b", "(f)", "x.1", "f() = 1", "x, y() = 1, 2", "x, (y) = 1",
    "a, b", "x, f()", "x , = 10", '"x"()', "break 1",
    "x = 3x", "x = 0xg", "x = 1e", "x = 1e+", "x = 0x1p", "x = 1..2", "x = 3.4.5", "x = 0x",
    'x = "abc', "x = 'abc\ndef'", 'x = "abc\\qd"', 'x = "\\300"', 'x = "\\9999"', 'x = "\\xZZ"',
    'x = "\\x4"', 'x = "\\u{110000000}"', 'x = "\\u{12"', 'x = "\\u12"', 'x = "\\u{}"',
    "x = '\\z\n   abc", "x = 'abc\\", "x = [[abc\n\n", "--[[ abc\n", "x = [==[ abc ]=]",
    "x = [=abc", 'x = "abc" "d"', "x = [[a\nb]] 1", "x = 1 0x10",
    'f("a\\0b" 1)', "x = '\\z\n\n  \\q'", "local x = 1 \0 2", "x = 1 --[==[ c\n]==] y",
    "function f() local x = ... end", "local f = function(a) return ... end",
]


@pytest.mark.parametrize("src", BROKEN)
def test_error_message_and_line_match_lua(src):
    expected = lua_load(src)
    assert expected != "OK"
    assert ours(src) == expected


def test_error_spans_point_at_the_token():
    with pytest.raises(ParseError) as e:
        parse("local x = 1\nx = y z", "e.lua")
    assert e.value.message == "syntax error near <eof>"
    assert (e.value.span.line, e.value.span.col) == (2, 8)
    with pytest.raises(ParseError) as e:
        parse("if a then\n  b = 1 +\nend", "e.lua")
    assert (e.value.span.line, e.value.span.col, e.value.message) == (3, 1, "unexpected symbol near 'end'")
    assert str(e.value).startswith("e.lua:3:1: syntax error: unexpected symbol near 'end'")
    with pytest.raises(ParseError) as e:
        parse("local x <oops> = 1", "e.lua")
    assert (e.value.span.col, e.value.message) == (10, "unknown attribute 'oops'")


def test_valid_odd_programs_parse_like_lua():
    for src in ["x = 1 ~~ 2", "return", "local a <const>, b <close> = 1, nil", "::a:: ::b:: goto a",
                "f{...}", "a.b.c:d'e'{f}(g)", "x = - - 2", "do return end x = 1", "return f() ;",
                "x = .5 + 5. + 0x.8p1 + 0xA.", "x = function(a, b, ...) return ... end",
                "local s = [==[\n]]]=]==]", "for i = 1, 2 do goto continue ::continue:: end"]:
        assert lua_load(src) == "OK" and ours(src) == "OK", src


# ------------------------------------------------------------------------------- nesting
NESTING = {
    "parentheses": lambda n: "x = " + "(" * n + "1" + ")" * n,
    "tables": lambda n: "x = " + "{" * n + "}" * n,
    "calls": lambda n: "x = " + "f(" * n + "1" + ")" * n,
    "indexes": lambda n: "x = " + "a[" * n + "1" + "]" * n,
    "functions": lambda n: "x = " + "function() return " * n + "1" + " end" * n,
    "function statements": lambda n: "function f() " * n + " end" * n,
    "do blocks": lambda n: "do " * n + " end" * n,
    "ifs": lambda n: "if x then " * n + " end" * n,
    "unary minus": lambda n: "x = " + "- " * n + "1",
    "concatenation": lambda n: "x = " + " .. ".join(["a"] * (n + 1)),
    "powers": lambda n: "x = " + " ^ ".join(["a"] * (n + 1)),
}


@pytest.mark.parametrize("kind", NESTING)
def test_nesting_limit_like_lua(kind):
    shallow, deep = NESTING[kind](90), NESTING[kind](300)
    assert lua_load(shallow) == "OK" and ours(shallow) == "OK"
    assert "C stack overflow" in lua_load(deep)
    with pytest.raises(ParseError) as e:
        parse(deep, "t.lua")
    assert e.value.message == "chunk has too many syntax levels"


def test_deep_nesting_never_exhausts_the_python_stack():
    for src in ["x = " + "(" * 500 + "1" + ")" * 500,
                "x = " + "function() return " * 500 + "1" + " end" * 500,
                "x = " + "{" * 5000,
                "x = " + "- " * 5000 + "1",
                "x = " + "not " * 5000 + "1",
                "x = " + "a .. " * 5000 + "a"]:
        with pytest.raises(ParseError) as e:
            parse(src, "t.lua")
        assert e.value.message == "chunk has too many syntax levels"
    # long flat chains are not nesting in Lua either
    assert ours("x = " + " + ".join(["a"] * 5000)) == "OK"
    assert ours("x = a" + ".b" * 5000 + "()" * 5000) == "OK"
    assert ours("if a then " + "elseif a then " * 3000 + "end") == "OK"


def test_parser_does_not_recurse_with_the_nesting():
    deep = ["x = " + "(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH,
            "x = " + "function() return " * 98 + "1" + " end" * 98,
            "x = " + " .. ".join(["a"] * MAX_DEPTH), "do " * MAX_DEPTH + "end " * MAX_DEPTH]
    parse(deep[0], "t.lua")                 # build the tables outside the limit
    depth = len(inspect.stack(0))
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + 40)       # far fewer frames than nesting levels
    try:
        for src in deep:
            parse(src, "t.lua")
    finally:
        sys.setrecursionlimit(old)


def test_nesting_limit_is_exactly_luas_for_parentheses():
    src = "x = " + "(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH
    assert lua_load(src) == "OK" and ours(src) == "OK"
    src = "x = " + "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1)
    assert lua_load(src) != "OK" and ours(src) != "OK"


# ---------------------------------------------------------------------------- big input
def generate(n_lines: int) -> str:
    """A Lua program of *n_lines* lines mixing functions, loops, tables and calls."""
    out = []
    i = 0
    while len(out) + 13 <= n_lines:
        i += 1
        out += [
            f"function f{i}(a, b, ...)",
            f"  local t = {{x = {i}, y = 'str{i}', [a] = b, {i}.5, 0x{i:x}, nested = {{1, 2, 3}}}}",
            "  for k = 1, #t, 2 do",
            f"    if t[k] and t.x > {i} or not b then",
            f"      t.x = t.x + a * (b - k) // 2 ^ 3 .. \"s\\n{i}\"",
            f"    elseif k ~= {i} then print(k, t:method(a, b), select('#', ...)) else break end",
            "  end",
            "  for key, v in pairs(t) do t[key] = v end",
            "  while a < b do a = a + 1; b = b - 1 end",
            "  repeat local z = a % 3 until z == 0 or a >= b",
            "  return function(x, ...) return x + a, {...} end",
            "end",
            f"M.f{i} = f{i}(1, 2, 'three', [[long string {i}]])",
        ]
    out += [f"print({k})" for k in range(n_lines - len(out))]
    return "\n".join(out) + "\n"


def test_ten_thousand_lines():
    src = generate(10_000)
    assert src.count("\n") == 10_000
    chunk = parse(src, "big.lua")
    assert len(chunk.body.stmts) == 769 * 2 + 3
    assert chunk.body.stmts[-1].span.line == 10_000
    assert lua_load(src) == "OK"
