"""Fuzzing whole programs (issue #7): whatever a spell's text is, llmspell ends
in its own error or a result, never in a Python traceback.

Two sources of programs per language:

* a grammar — recursive hypothesis strategies for statements and expressions
  over a small pool of names, so that generated programs mostly parse and then
  exercise the compiler, the VM and the libraries (closures, loops cut short by
  the fuel limit, tables/objects/maps, library methods, pcall/try/error values);
* mutations of the golden corpus — tokens and characters deleted, duplicated,
  swapped or inserted — so that mostly-invalid programs exercise the parsers'
  error paths with realistic text.

The only assertion is the contract: the run returns, or raises an
``LlmspellError`` (never an internal or verifier error) whose ``render()``
works and shows no Python traceback.  Programs run without grants, so no
generated spell can reach the network, a file or a model.
"""
from __future__ import annotations

import json
import pathlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from llmspell.sandbox.policy import Limits, Policy
from llmspell.vm.execute import InternalError

import llmspell
from llmspell.errors import VerifyError

POLICY = Policy(limits=Limits(max_instructions=20_000, max_memory=2_000_000, max_depth=100), grants=())
EXT = {"lua": "lua", "javascript": "js", "tengo": "tengo"}
#: every name a generated program reads or writes: few, so that uses meet definitions
NAMES = ("a", "b", "c", "t", "f")
#: defines every name with a value of a different kind before the generated statements
PRELUDE = {
    "lua": 'local a, b, c, t, f = 1, "s", {1, 2}, {x = 1}, function(x) return x end\n',
    "javascript": 'var a = 1, b = "s", c = [1, 2], t = {x: 1}, f = function (x) { return x; };\n',
    "tengo": ('fmt := import("fmt"); text := import("text"); math := import("math"); json := import("json")\n'
              'a := 1; b := "s"; c := [1, 2]; t := {x: 1}; f := func(x) { return x }\n'),
}


def run_clean(src: str, lang: str) -> None:
    """The contract under test (the traceback of a broken promise is the bug report):
    checking and running end in findings or clean errors, never a Python exception."""
    report = llmspell.check(src, lang, f"fuzz.{EXT[lang]}", POLICY)
    for finding in report.findings:
        assert not isinstance(finding, (InternalError, VerifyError)), finding.render()
        assert "Traceback" not in finding.render()
    try:
        llmspell.compile(src, lang, name=f"fuzz.{EXT[lang]}", cache=False).run(POLICY)
    except (InternalError, VerifyError) as e:
        raise AssertionError(f"{lang} program ended in {type(e).__name__}:\n{src}") from e
    except llmspell.LlmspellError as e:
        text = e.render()
        assert isinstance(text, str) and "Traceback" not in text, text


# -- helpers shared by the grammars ----------------------------------------------------------

def fmt(template: str, *parts):
    """A strategy for *template* filled with one draw of each part."""
    return st.tuples(*parts).map(lambda xs: template.format(*xs))


def joined(part, sep=", ", max_size=3, min_size=0):
    """A short list of *part* joined by *sep* (an argument list, a block of statements)."""
    return st.lists(part, min_size=min_size, max_size=max_size).map(sep.join)


def names():
    return st.sampled_from(NAMES)


#: numbers that sit on the edges of every language's number model
EDGE_NUMBERS = ("0", "1", "2", "3", "-1", "0.5", "1e308", "1e-320", "9007199254740993", "4294967296",
                "9223372036854775807", "9223372036854775808", "0x7fffffffffffffff", "0xff", "1e21", "3.0")


def numbers():
    return st.one_of(st.sampled_from(EDGE_NUMBERS), st.integers(-2 ** 65, 2 ** 65).map(str),
                     st.floats(allow_nan=False, allow_infinity=False).map(repr))


def texts():
    return st.text(max_size=6)


def patterns():
    """Regular-expression / Lua-pattern / format text: the metacharacters of every dialect."""
    return st.text(alphabet="()[]{}*+?.|^$\\-,:=!<>%0123abdswSDbBfgxqc ", max_size=8)


# -- Lua -------------------------------------------------------------------------------------

def lua_string(s: str) -> str:
    return '"' + "".join(c if c.isalnum() or c in " _%" else f"\\u{{{ord(c):X}}}" for c in s) + '"'


LUA_BINOPS = ("+", "-", "*", "/", "//", "%", "^", "..", "==", "~=", "<", "<=", ">", ">=", "and", "or",
              "&", "|", "~", "<<", ">>")
LUA_UNOPS = ("-", "not", "#", "~")
LUA_LIBCALLS = ("tostring", "tonumber", "type", "print", "pcall", "error", "select", "ipairs", "pairs", "next",
                "rawget", "rawlen", "rawequal", "setmetatable", "getmetatable", "assert", "table.concat",
                "table.insert", "table.remove", "table.sort", "table.unpack", "table.pack", "string.format",
                "string.char", "string.byte", "string.sub", "string.find", "string.gsub", "string.match",
                "string.gmatch", "string.rep", "string.reverse", "math.floor", "math.max", "math.min",
                "math.type", "math.tointeger", "math.abs", "math.fmod", "utf8.char", "utf8.len",
                "utf8.codepoint", "coroutine.wrap", "coroutine.create", "coroutine.resume", "coroutine.yield",
                "load", "os.time", "os.clock")
LUA_METHODS = ("upper", "lower", "len", "sub", "rep", "byte", "format", "find", "gsub", "match", "reverse")


def lua_grammar():
    n = names()
    expr = st.deferred(lambda: st.one_of(atom, compound))
    args = joined(expr)
    atom = st.one_of(
        n, numbers(), texts().map(lua_string),
        st.sampled_from(("nil", "true", "false", "...", "0/0", "-0.0", "math.huge", "math.maxinteger",
                         "math.mininteger", "[[long]]", "'%d %s %q'", "'(%a+)'", "'[%z]*'", "{}", "_ENV")))
    field = st.sampled_from(("x", "y", "n", "__index", "__add", "__call", "__tostring", "__eq", "__len"))
    table_item = st.one_of(expr, fmt("{} = {}", field, expr), fmt("[{}] = {}", expr, expr))
    block = st.deferred(lambda: lua_block(stmt, expr))
    compound = st.one_of(
        fmt("({} {} {})", expr, st.sampled_from(LUA_BINOPS), expr),
        fmt("({} {})", st.sampled_from(LUA_UNOPS), expr),
        fmt("{{{}}}", joined(table_item)),
        fmt("({})[{}]", expr, expr),
        fmt("({}).{}", expr, field),
        fmt("{}({})", st.one_of(n, st.sampled_from(LUA_LIBCALLS)), args),
        fmt("({})({})", expr, args),
        fmt("({}):{}({})", expr, st.sampled_from(LUA_METHODS), args),
        fmt("function({}) {} end", st.sampled_from(("", "x", "x, y", "...", "x, ...")), block),
        fmt("setmetatable({{}}, {{{} = {}}})", field, expr),
        fmt("string.{}({}, {}, {})", st.sampled_from(("find", "match", "gsub", "gmatch", "format", "rep", "pack",
                                                      "unpack", "sub", "byte")),
            st.one_of(expr, patterns().map(lua_string)), patterns().map(lua_string), expr),
        fmt("({}):{}({})", patterns().map(lua_string), st.sampled_from(("format", "rep", "gsub", "find")), args),
    )
    target = st.one_of(n, fmt("{}[{}]", n, expr), fmt("{}.{}", n, field))
    stmt = st.deferred(lambda: st.one_of(
        fmt("local {} = {}", n, expr),
        fmt("{} = {}", target, expr),
        fmt("{}, {} = {}", target, target, joined(expr, min_size=1)),
        fmt("{}({})", st.one_of(n, st.sampled_from(LUA_LIBCALLS)), args),
        fmt("print({})", args),
        fmt("if {} then {} elseif {} then {} else {} end", expr, block, expr, block, block),
        fmt("while {} do {} end", expr, block),
        fmt("repeat {} until {}", block, expr),
        fmt("for i = {}, {}, {} do {} end", expr, expr, expr, block),
        fmt("for k, v in pairs({}) do {} end", expr, block),
        fmt("for i, v in ipairs({}) do {} end", expr, block),
        fmt("local function {}({}) {} end", n, st.sampled_from(("", "x", "x, y", "...")), block),
        fmt("do {} end", block),
        fmt("local ok, e = pcall(function() {} end)", block),
        fmt("do local i = 0; ::top:: i = i + 1; {}; if i < {} then goto top end end", stmt, expr),
        fmt("error(setmetatable({{}}, {{{} = {}}}), {})", field, expr, expr),
        st.just("break"),
    ))
    return lua_block(stmt, expr, max_size=6)


def lua_block(stmt, expr, max_size=3):
    ending = st.one_of(st.just(""), fmt(" return {}", joined(expr)))
    return fmt("{}{}", joined(stmt, sep="; ", max_size=max_size), ending)


# -- JavaScript ------------------------------------------------------------------------------

JS_BINOPS = ("+", "-", "*", "/", "%", "**", "==", "!=", "===", "!==", "<", "<=", ">", ">=", "&&", "||", "??",
             "&", "|", "^", "<<", ">>", ">>>", "in", "instanceof", ",")
JS_UNOPS = ("-", "+", "!", "~", "typeof", "void", "delete")
JS_ASSIGN = ("=", "+=", "-=", "*=", "/=", "%=", "**=", "&&=", "||=", "??=", "<<=", ">>>=", "|=")
JS_METHODS = ("push", "pop", "shift", "map", "filter", "reduce", "slice", "splice", "join", "indexOf", "concat",
              "sort", "reverse", "flat", "at", "includes", "keys", "entries", "find", "some", "fill", "split",
              "toUpperCase", "replace", "replaceAll", "charCodeAt", "padStart", "repeat", "trim", "toString",
              "toFixed", "then", "catch", "get", "set", "has", "add", "delete", "valueOf", "match", "test")
JS_GLOBALS = ("Math.max", "Math.floor", "Math.pow", "JSON.stringify", "JSON.parse", "Object.keys",
              "Object.entries", "Object.assign", "Object.freeze", "Object.create", "Object.getPrototypeOf",
              "Object.defineProperty", "Array.from", "Array.isArray", "Array.of", "String", "Number",
              "Boolean", "parseInt", "parseFloat", "isNaN", "Symbol", "String.fromCharCode", "Promise.resolve",
              "Promise.all", "Reflect.ownKeys", "encodeURIComponent", "Number.isInteger", "console.log")
JS_CLASSES = ("Map", "Set", "Array", "Error", "TypeError", "Object", "RegExp", "Promise", "WeakMap", "f", "t")


def js_grammar():
    n = names()
    expr = st.deferred(lambda: st.one_of(atom, compound))
    args = joined(st.one_of(expr, fmt("...{}", expr)))
    atom = st.one_of(
        n, numbers(), texts().map(json.dumps),
        st.sampled_from(("undefined", "null", "true", "false", "NaN", "Infinity", "-0", "this", "arguments",
                         "/a+b*/g", "/(x|y)\\1/", "`tpl`", "10n", "Symbol.iterator", "globalThis", "[]", "({})")))
    key = st.sampled_from(("x", "y", "length", "__proto__", "constructor", "toString", "0", "prototype"))
    body = st.deferred(lambda: js_block(stmt))
    prop = st.one_of(fmt("{}: {}", key, expr), fmt("[{}]: {}", expr, expr), fmt("...{}", expr), n,
                     fmt("{}() {{ {} }}", key, body), fmt("get {}() {{ {} }}", key, body))
    params = st.sampled_from(("", "x", "x, y", "...r", "x = 1", "{x}", "[x, y]"))
    compound = st.one_of(
        fmt("({} {} {})", expr, st.sampled_from(JS_BINOPS), expr),
        fmt("({} {})", st.sampled_from(JS_UNOPS), expr),
        fmt("({} {} {})", n, st.sampled_from(JS_ASSIGN), expr),
        fmt("{}{}", n, st.sampled_from(("++", "--"))),
        fmt("({} ? {} : {})", expr, expr, expr),
        fmt("[{}]", joined(st.one_of(expr, fmt("...{}", expr), st.just("")))),
        fmt("({{{}}})", joined(prop)),
        fmt("(({}) => {})", params, expr),
        fmt("(({}) => {{ {} }})", params, body),
        fmt("(function {}({}) {{ {} }})", st.sampled_from(("", "g")), params, body),
        fmt("(function* ({}) {{ {}; yield {}; }})", params, body, expr),
        fmt("(async ({}) => {{ {}; await {}; }})", params, body, expr),
        fmt("{}({})", st.one_of(n, st.sampled_from(JS_GLOBALS)), args),
        fmt("({})({})", expr, args),
        fmt("({}).{}({})", expr, st.sampled_from(JS_METHODS), args),
        fmt("({})?.{}", expr, key),
        fmt("({})?.[{}]", expr, expr),
        fmt("({})[{}]", expr, expr),
        fmt("new {}({})", st.sampled_from(JS_CLASSES), args),
        fmt("`a${{{}}}b${{{}}}`", expr, expr),
        fmt("new RegExp({}, {}).{}({})", patterns().map(json.dumps), st.sampled_from(('""', '"g"', '"y"', '"iu"')),
            st.sampled_from(("exec", "test", "toString")), expr),
        fmt("({}).{}({}, {})", expr, st.sampled_from(("replace", "split", "match", "matchAll", "search")),
            patterns().map(lambda p: f"/x{p}/g"), expr),
        fmt("({}).{}({})", numbers(), st.sampled_from(("toString", "toFixed", "toPrecision", "toExponential")),
            numbers()),
        fmt("(class extends {} {{ constructor(x) {{ super(x); {} }} m() {{ return {}; }} }})",
            st.sampled_from(JS_CLASSES), body, expr),
    )
    target = st.one_of(n, fmt("{}[{}]", n, expr), fmt("{}.{}", n, key))
    stmt = st.deferred(lambda: st.one_of(
        fmt("var {} = {};", n, expr),
        fmt("{{ let {} = {}; {} }}", n, expr, body),
        fmt("{{ const {} = {}; {} }}", n, expr, body),
        fmt("{} {} {};", target, st.sampled_from(JS_ASSIGN), expr),
        fmt("{};", expr),
        fmt("console.log({});", args),
        fmt("if ({}) {{ {} }} else {{ {} }}", expr, body, body),
        fmt("while ({}) {{ {} }}", expr, body),
        fmt("do {{ {} }} while ({});", body, expr),
        fmt("for (let i = 0; i < {}; i++) {{ {} }}", expr, body),
        fmt("for (const x of {}) {{ {} }}", expr, body),
        fmt("for (const k in {}) {{ {} }}", expr, body),
        fmt("function {}({}) {{ {} }}", n, params, body),
        fmt("return {};", expr),
        st.sampled_from(("break;", "continue;", "debugger;", ";")),
        fmt("try {{ {} }} catch (e) {{ {} }} finally {{ {} }}", body, body, body),
        fmt("try {{ {} }} catch {{ {} }}", body, body),
        fmt("throw {};", expr),
        fmt("throw {{{}}};", joined(prop)),
        fmt("switch ({}) {{ case {}: {} default: {} }}", expr, expr, body, body),
        fmt("lbl: for (;;) {{ {} break lbl; }}", body),
        fmt("class {} {{ static s = {}; #p = 1; m() {{ {} }} }}", n, expr, body),
    ))
    return js_block(stmt, max_size=6)


def js_block(stmt, max_size=3):
    return joined(stmt, sep=" ", max_size=max_size)


# -- Tengo -----------------------------------------------------------------------------------

TENGO_BINOPS = ("+", "-", "*", "/", "%", "&", "|", "^", "&^", "<<", ">>", "==", "!=", "<", "<=", ">", ">=",
                "&&", "||")
TENGO_UNOPS = ("-", "!", "^", "+")
TENGO_ASSIGN = ("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "&^=", "<<=", ">>=")
TENGO_CALLS = ("len", "copy", "append", "splice", "string", "int", "bool", "float", "char", "bytes", "error",
               "is_error", "is_undefined", "is_int", "is_string", "is_array", "type_name", "format", "range",
               "immutable", "is_function", "fmt.println", "fmt.sprintf", "text.split", "text.join",
               "text.repeat", "text.contains", "text.re_match", "text.format_int", "math.abs", "math.pow",
               "json.encode", "json.decode", "f")


def tengo_grammar():
    n = names()
    expr = st.deferred(lambda: st.one_of(atom, compound))
    args = joined(expr)
    atom = st.one_of(
        n, numbers(), texts().map(json.dumps),
        st.sampled_from(("undefined", "true", "false", "'a'", "'\\n'", "`raw`", "[]", "{}", "1.5e3", "0.0",
                         "0x10", "0o17", "0b101", "1_000")))
    key = st.sampled_from(("x", "y", "value", "length", "\"k\""))
    body = st.deferred(lambda: tengo_block(stmt))
    compound = st.one_of(
        fmt("({} {} {})", expr, st.sampled_from(TENGO_BINOPS), expr),
        fmt("({} {})", st.sampled_from(TENGO_UNOPS), expr),
        fmt("({} ? {} : {})", expr, expr, expr),
        fmt("[{}]", args),
        fmt("{{{}}}", joined(fmt("{}: {}", key, expr))),
        fmt("({})[{}]", expr, expr),
        fmt("({})[{}:{}]", expr, st.one_of(st.just(""), expr), st.one_of(st.just(""), expr)),
        fmt("({}).{}", expr, st.sampled_from(("x", "y", "value"))),
        fmt("{}({})", st.sampled_from(TENGO_CALLS), args),
        fmt("{}({}...)", st.sampled_from(TENGO_CALLS), expr),
        fmt("({})({})", expr, args),
        fmt("func({}) {{ {} }}", st.sampled_from(("", "x", "x, y", "...r", "x, ...r")), body),
        fmt("error({})", expr),
        fmt("immutable({})", expr),
        fmt("text.{}({}, {})", st.sampled_from(("re_match", "re_find", "re_replace", "re_split", "re_compile")),
            patterns().map(json.dumps), expr),
        fmt("format({}, {})", patterns().map(lambda p: json.dumps("%" + p)), joined(expr, min_size=1)),
    )
    target = st.one_of(n, fmt("{}[{}]", n, expr), fmt("{}.{}", n, st.sampled_from(("x", "y"))))
    stmt = st.deferred(lambda: st.one_of(
        fmt("{} {} {}", target, st.sampled_from(TENGO_ASSIGN), expr),
        fmt("{}{}", target, st.sampled_from(("++", "--"))),
        expr,
        fmt("fmt.println({})", args),
        fmt("if {} {{ {} }} else if {} {{ {} }} else {{ {} }}", expr, body, expr, body, body),
        fmt("if x := {}; x {{ {} }}", expr, body),
        fmt("for {} {{ {} }}", expr, body),
        fmt("for i := 0; i < {}; i++ {{ {} }}", expr, body),
        fmt("for k, v in {} {{ {} }}", expr, body),
        fmt("for v in {} {{ {} }}", expr, body),
        fmt("func() {{ {} := {}; {} }}()", n, expr, body),
        fmt("return {}", st.one_of(st.just(""), expr)),
        st.sampled_from(("break", "continue")),
        fmt("delete({}, {})", expr, expr),
        fmt("if e := {}; is_error(e) {{ {} }}", expr, body),
    ))
    return tengo_block(stmt, max_size=6)


def tengo_block(stmt, max_size=3):
    return joined(stmt, sep="; ", max_size=max_size)


GRAMMARS = {"lua": lua_grammar(), "javascript": js_grammar(), "tengo": tengo_grammar()}


# -- mutations of the golden corpus ----------------------------------------------------------

GOLDEN = pathlib.Path(__file__).resolve().parents[1] / "golden"
TOKEN = re.compile(r"\w+|\s+|.", re.DOTALL)
#: characters whose insertion breaks programs in interesting ways
NOISE = list("{}()[];,.:'\"`\\\n$#-=<>!?*/+%&|^~@") + ["\x00", "\udcff", "é", "𝔸", "\u2028", "0x", "..."]


def golden_sources(lang):
    return [p.read_text() for p in sorted((GOLDEN / EXT[lang]).glob(f"*.{EXT[lang]}"))]


@st.composite
def mutated(draw, sources):
    """A golden program with a few characters or tokens deleted, duplicated, swapped or inserted."""
    src = draw(st.sampled_from(sources))
    parts = TOKEN.findall(src) if draw(st.booleans()) else list(src)
    for _ in range(draw(st.integers(1, 4))):
        if not parts:
            break
        i = draw(st.integers(0, len(parts) - 1))
        op = draw(st.sampled_from(("delete", "duplicate", "swap", "insert", "transplant")))
        if op == "delete":
            del parts[i:i + draw(st.integers(1, 3))]
        elif op == "duplicate":
            parts.insert(i, parts[i])
        elif op == "swap":
            j = draw(st.integers(0, len(parts) - 1))
            parts[i], parts[j] = parts[j], parts[i]
        elif op == "insert":
            parts.insert(i, draw(st.sampled_from(NOISE)))
        else:
            parts.insert(i, draw(st.sampled_from(parts)))
    return "".join(parts)


MUTANTS = {lang: mutated(golden_sources(lang)) for lang in EXT}

# -- the tests -------------------------------------------------------------------------------

FUZZ = settings(derandomize=True, deadline=None, max_examples=300,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("lang", sorted(EXT))
@FUZZ
@given(data=st.data())
def test_generated_programs(lang, data):
    run_clean(PRELUDE[lang] + data.draw(GRAMMARS[lang], label="program"), lang)


@pytest.mark.parametrize("lang", sorted(EXT))
@FUZZ
@given(data=st.data())
def test_mutated_golden_programs(lang, data):
    run_clean(data.draw(MUTANTS[lang], label="program"), lang)


#: programs the fuzzing found ending in a Python traceback, now clean errors
FOUND = [
    ("lua", "error(setmetatable({}, {__tostring = 1}))"),
    ("lua", "error(setmetatable({}, {__tostring = function() return {} end}))"),
    ("lua", "error(setmetatable({}, {__tostring = error}))"),
    ("javascript", "const s = `${}`;"),
    ("tengo", "x := 08"),
    ("tengo", "x := 0x_"),
    ("tengo", 'x := len("\\ud800\\udc00")'),
    ("tengo", "a := 1 \u00e9"),
]


@pytest.mark.parametrize("lang, src", FOUND)
def test_programs_the_fuzzing_found(lang, src):
    """Each ends in a user-facing llmspell error (a raw Python exception would
    escape pytest.raises and fail the test)."""
    with pytest.raises(llmspell.LlmspellError) as info:
        llmspell.compile(src, lang, name=f"fuzz.{EXT[lang]}", cache=False).run(POLICY)
    assert not isinstance(info.value, (InternalError, VerifyError))
    assert "Traceback" not in info.value.render()
