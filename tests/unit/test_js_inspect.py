"""Differential tests of vm/js/inspect.py (console.log's formatting) against node.

Each case is a list of console.log arguments written in a small Python
description language (the node classes below).  One description yields both
the JavaScript statements that build the value in node and the same value built
in Python through the runtime; node prints every case in one process, and
``format_log`` must print exactly the same text.  A second set runs real
JavaScript through the front end, when it is available, against the same node.
"""
from __future__ import annotations

import json
import math
import shutil
import subprocess

import pytest
from llmspell.sandbox.policy import Policy
from llmspell.vm.js.inspect import format_log
from llmspell.vm.js.runtime import JsRuntime
from llmspell.vm.js.values import (
    ARROW,
    ASYNC,
    CALLABLE,
    CLASS,
    CONSTRUCTOR,
    DERIVED,
    GENERATOR,
    JS_NULL,
    JsFunction,
    JsSymbol,
    to_host_str,
)

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is the reference")
SEP = "-----8<-----"


# -- the description language -------------------------------------------------------------------

class Node:
    """A value to build in both worlds; the same instance is the same object."""


class Sym(Node):
    def __init__(self, desc=None):
        self.desc = desc


class Acc(Node):
    """An accessor property (as a value in Obj items)."""

    def __init__(self, get=True, set=False):
        self.get, self.set = get, set


class Obj(Node):
    def __init__(self, items=(), proto=None):
        self.items = list(items.items()) if isinstance(items, dict) else list(items)
        self.proto = proto          # None: Object.prototype; "null"; or a Cls


class Arr(Node):
    def __init__(self, items=(), extra=()):
        self.items, self.extra = list(items), list(extra)


class Cls(Node):
    def __init__(self, name="", parent=None, static=()):
        self.name, self.parent, self.static = name, parent, list(static)


class Fn(Node):
    def __init__(self, name="", kind="function", props=()):
        self.name, self.kind, self.props = name, kind, list(props)


class MapV(Node):
    def __init__(self, entries=(), extra=()):
        self.entries, self.extra = list(entries), list(extra)


class SetV(Node):
    def __init__(self, items=()):
        self.items = list(items)


class DateV(Node):
    def __init__(self, ms):
        self.ms = ms


class Re(Node):
    def __init__(self, source, flags=""):
        self.source, self.flags = source, flags


class Err(Node):
    def __init__(self, kind="Error", msg="boom", stack=None, props=(), cause=None, cls=None):
        self.kind, self.msg, self.props, self.cause, self.cls = kind, msg, list(props), cause, cls
        self.stack = stack if stack is not None else f"{kind}: {msg}\n    at t.js:1:2"


class Box(Node):
    def __init__(self, value, extra=()):
        self.value, self.extra = value, list(extra)


class Prom(Node):
    def __init__(self, state, value=None):
        self.state, self.value = state, value


class Iter(Node):
    def __init__(self, of, method="values"):
        self.of, self.method = of, method


class Native(Node):
    """A function given as JavaScript source and as the equivalent Python ``fn(rt, this, *args)``."""

    def __init__(self, js, py, nparams=0):
        self.js, self.py, self.nparams = js, py, nparams


def norm(v):
    if isinstance(v, list):
        return Arr(v)
    if isinstance(v, dict):
        return Obj(v)
    return v


# -- JavaScript source ----------------------------------------------------------------------------

def js_lit(v) -> str:
    if v is None:
        return "undefined"
    if v is JS_NULL:
        return "null"
    if type(v) is bool:
        return "true" if v else "false"
    if type(v) is float:
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        if v == 0 and math.copysign(1, v) < 0:
            return "-0"
        return repr(v)
    if type(v) is str:
        return json.dumps(v)
    raise TypeError(v)


class JsGen:
    """Statements that build described values in node."""

    def __init__(self):
        self.lines: list[str] = []
        self.names: dict[int, str] = {}
        self.keep: list = []

    def new(self, node, init: str) -> str:
        name = f"v{len(self.names)}"
        self.names[id(node)] = name
        self.keep.append(node)
        self.lines.append(f"const {name} = {init};")
        return name

    def key(self, k) -> str:
        return self.expr(k) if isinstance(k, Sym) else json.dumps(k)

    def define(self, target: str, k, v):
        if isinstance(v, Acc):
            parts = ["get() { return 1; }"] if v.get else []
            parts += ["set(x) {}"] if v.set else []
            desc = ", ".join(parts + ["enumerable: true", "configurable: true"])
        else:
            desc = f"value: {self.expr(v)}, writable: true, enumerable: true, configurable: true"
        self.lines.append(f"Object.defineProperty({target}, {self.key(k)}, {{{desc}}});")

    def expr(self, v) -> str:
        v = norm(v)
        if not isinstance(v, Node):
            return js_lit(v)
        if id(v) in self.names:
            return self.names[id(v)]
        t = type(v)
        if t is Sym:
            return self.new(v, f"Symbol({'' if v.desc is None else json.dumps(v.desc)})")
        if t is Obj:
            init = "{}" if v.proto is None else "Object.create(null)" if v.proto == "null" else \
                f"Object.create({self.expr(v.proto)}.prototype)"
            name = self.new(v, init)
            for k, x in v.items:
                self.define(name, k, x)
            return name
        if t is Arr:
            name = self.new(v, "[]")
            for x in v.items:
                self.lines.append(f"{name}.push({self.expr(x)});")
            for k, x in v.extra:
                self.define(name, k, x)
            return name
        if t is Cls:
            ext = f" extends {self.expr(v.parent)}" if v.parent is not None else ""
            body = f"class {v.name}{ext} {{}}"
            name = self.new(v, f"[{body}][0]")
            for k, x in v.static:
                self.define(name, k, x)
            return name
        if t is Fn:
            prefix = {"function": "function", "generator": "function*", "async": "async function"}.get(v.kind)
            src = "() => {}" if v.kind == "arrow" else f"{prefix} {v.name}() {{}}"
            name = self.new(v, f"[{src}][0]")
            for k, x in v.props:
                self.define(name, k, x)
            return name
        if t is MapV:
            name = self.new(v, "new Map()")
            for k, x in v.entries:
                self.lines.append(f"{name}.set({self.expr(k)}, {self.expr(x)});")
            for k, x in v.extra:
                self.define(name, k, x)
            return name
        if t is SetV:
            name = self.new(v, "new Set()")
            for x in v.items:
                self.lines.append(f"{name}.add({self.expr(x)});")
            return name
        if t is DateV:
            return self.new(v, f"new Date({js_lit(v.ms)})")
        if t is Re:
            return self.new(v, f"new RegExp({json.dumps(v.source)}, {json.dumps(v.flags)})")
        if t is Err:
            opts = f", {{cause: {self.expr(v.cause)}}}" if v.cause is not None else ""
            ctor = self.expr(v.cls) if v.cls is not None else v.kind
            name = self.new(v, f"new {ctor}({json.dumps(v.msg)}{opts})")
            self.lines.append(f"Object.defineProperty({name}, 'stack', {{value: {json.dumps(v.stack)}, "
                              "writable: true, configurable: true, enumerable: false});")
            for k, x in v.props:
                self.define(name, k, x)
            return name
        if t is Box:
            ctor = {float: "Number", str: "String", bool: "Boolean"}[type(v.value)]
            name = self.new(v, f"new {ctor}({js_lit(v.value)})")
            for k, x in v.extra:
                self.define(name, k, x)
            return name
        if t is Prom:
            if v.state == "pending":
                return self.new(v, "new Promise(() => {})")
            if v.state == "fulfilled":
                return self.new(v, f"Promise.resolve({self.expr(v.value)})")
            name = self.new(v, f"Promise.reject({self.expr(v.value)})")
            self.lines.append(f"{name}.catch(() => {{}});")
            return name
        if t is Iter:
            return self.new(v, f"{self.expr(v.of)}.{v.method}()")
        if t is Native:
            return self.new(v, f"({v.js})")
        raise TypeError(v)


# -- the same values in our runtime ------------------------------------------------------------------

class Builder:
    def __init__(self, rt):
        self.rt = rt
        self.memo: dict[int, object] = {}
        self.keep: list = []

    def reg(self, node, value):
        self.memo[id(node)] = value
        self.keep.append(node)
        return value

    def key(self, k):
        return self.value(k) if isinstance(k, Sym) else k

    def define(self, obj, k, x):
        rt = self.rt
        key = self.key(k)
        if isinstance(x, Acc):
            from llmspell.vm.js.values import Accessor
            one = rt.native("get", lambda this, *a: 1.0)
            obj.props[key] = Accessor(one if x.get else None, rt.native("set", lambda this, *a: None)
                                      if x.set else None)
        else:
            obj.props[key] = self.value(x)
        if obj.hidden:
            obj.hidden.discard(key)

    def ctor(self, name):
        return self.rt.Gh[name]

    def method(self, obj, name, *args):
        return self.rt.call(self.rt.get(obj, name), obj, *args)

    def value(self, v):
        rt = self.rt
        v = norm(v)
        if not isinstance(v, Node):
            return v
        if id(v) in self.memo:
            return self.memo[id(v)]
        t = type(v)
        if t is Sym:
            return self.reg(v, JsSymbol(v.desc))
        if t is Obj:
            proto = rt.ObjectProto if v.proto is None else None if v.proto == "null" else \
                rt.get(self.value(v.proto), "prototype")
            o = self.reg(v, rt.new_object({}, proto))
            for k, x in v.items:
                self.define(o, k, x)
            return o
        if t is Arr:
            a = self.reg(v, rt.new_array([]))
            for x in v.items:
                a.items.append(self.value(x))
            for k, x in v.extra:
                self.define(a, k, x)
            return a
        if t is Cls:
            kind = CLASS | CONSTRUCTOR | (DERIVED if v.parent is not None else 0)

            def body(this, *args):      # the implicit constructor
                if v.parent is not None:
                    rt.super_call(f, this, *args)
            f = self.reg(v, rt.class_function(body, v.name, 0, kind))
            rt.make_class(f, self.value(v.parent) if v.parent is not None else False)
            for k, x in v.static:
                self.define(f, k, x)
            return f
        if t is Fn:
            kind = {"function": (CALLABLE | CONSTRUCTOR), "arrow": CALLABLE | ARROW, "generator": CALLABLE | GENERATOR,
                    "async": CALLABLE | ASYNC}[v.kind]
            f = self.reg(v, JsFunction(lambda this, *a: None, v.name, 0, kind, rt.FunctionProto))
            for k, x in v.props:
                self.define(f, k, x)
            return f
        if t is MapV:
            m = self.reg(v, rt.construct(self.ctor("Map")))
            for k, x in v.entries:
                self.method(m, "set", self.value(k), self.value(x))
            for k, x in v.extra:
                self.define(m, k, x)
            return m
        if t is SetV:
            s = self.reg(v, rt.construct(self.ctor("Set")))
            for x in v.items:
                self.method(s, "add", self.value(x))
            return s
        if t is DateV:
            return self.reg(v, rt.construct(self.ctor("Date"), v.ms))
        if t is Re:
            return self.reg(v, rt.make_regexp(v.source, v.flags))
        if t is Err:
            args = [v.msg]
            if v.cause is not None:
                args.append(rt.new_object({"cause": self.value(v.cause)}))
            e = self.reg(v, rt.construct(self.value(v.cls) if v.cls is not None else self.ctor(v.kind), *args))
            e.props["stack"] = v.stack
            e.hide("stack")
            for k, x in v.props:
                self.define(e, k, x)
            return e
        if t is Box:
            ctor = {float: "Number", str: "String", bool: "Boolean"}[type(v.value)]
            b = self.reg(v, rt.construct(self.ctor(ctor), v.value))
            for k, x in v.extra:
                self.define(b, k, x)
            return b
        if t is Prom:
            P = self.ctor("Promise")
            if v.state == "pending":
                return self.reg(v, rt.construct(P, rt.native("executor", lambda this, *a: None)))
            return self.reg(v, self.method(P, "resolve" if v.state == "fulfilled" else "reject",
                                           self.value(v.value)))
        if t is Iter:
            return self.reg(v, self.method(self.value(v.of), v.method))
        if t is Native:
            return self.reg(v, rt.native("f", lambda this, *a: v.py(rt, this, *a), v.nparams))
        raise TypeError(v)


def new_runtime():
    return JsRuntime(Policy())


def node_outputs(cases, render) -> list[str]:
    """Run every case in one node process: *render(gen, case)* returns the
    statement printing it (after the statements *gen* collected)."""
    blocks = []
    for case in cases:
        gen = JsGen()
        stmt = render(gen, case)
        blocks.append("{\n" + "\n".join(gen.lines) + f"\n{stmt}\nconsole.log({json.dumps(SEP)});\n}}")
    out = subprocess.run([NODE], input="\n".join(blocks).encode(), capture_output=True, timeout=60, check=False)
    assert out.returncode == 0, out.stderr.decode()
    parts = out.stdout.decode().split(SEP + "\n")      # bytes: a "\r" printed must stay one
    assert parts[-1] == ""
    return [p[:-1] for p in parts[:-1]]


# -- the cases -----------------------------------------------------------------------------------------

def _cases():
    foo = Cls("Foo")
    bar = Cls("Bar", foo)
    circ = Obj({"name": "c"})
    circ.items.append(("self", circ))
    a2, b2 = Obj({"id": 1.0}), Obj({"id": 2.0})
    a2.items.append(("peer", b2))
    b2.items.append(("peer", a2))
    two = Obj({"x": Obj({"y": 1.0})})
    two.items[0][1].items.append(("up", two))
    two_c = Obj({"q": 1.0})
    two_c.items.append(("me", two_c))
    two.items.append(("other", two_c))
    loop_arr = Arr([1.0])
    loop_arr.items.append(loop_arr)
    loop_map = MapV([("k", 1.0)])
    loop_map.entries.append(("self", loop_map))
    sx = Sym("x")
    f = float
    nums = [f(n) for n in range(1, 31)]
    words = ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape", "honeydew", "kiwi",
             "lemon", "mango", "nectarine"]
    long_s = "abcdefghij" * 10
    cases = [
        # primitives and strings
        [1.0], [-0.0], [0.0], [1.5], [1e21], [1e-7], [math.nan], [math.inf], [-math.inf], [True], [JS_NULL],
        [None], ["top level strings are raw: it's \"fine\"\n"], [Sym("x")], [Sym()], [Sym("it's")],
        [["a", "it's", "it's \"q\"", "it's \"q\" `b`", "a\nb", "\x00\x07\x1b\x7f\x9f\u00a0", "\\"]],
        [["lone \ud800 and pair \ud83d\ude00", "é", "\u2028"]],
        [[long_s]], [{"k": long_s}], [{"k": "line one\nline two\nline three is longer than the rest of them\n"}],
        [["x" * 75]], [["x" * 76]], [{"a": {"b": "y" * 70}}],
        # arrays and grouping
        [[]], [[1.0, 2.0, 3.0]], [[f(n) for n in range(1, 7)]], [[f(n) for n in range(1, 8)]],
        [nums], [nums + [100.0, 1000.0, 10000.0, -5.0, 0.25]], [[f(n) for n in range(100)]],
        [[f(n) for n in range(101)]], [[f(n * n) for n in range(150)]], [words], [words[:7]],
        [["a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh"]],
        [["short"] * 6 + ["a much longer string entry that is long"]],
        [[True, False, None, JS_NULL] * 3], [[f(n) / 7 for n in range(12)]],
        [[Obj({"id": f(i), "name": f"item{i}"}) for i in range(8)]],
        [[Obj({"a": 1.0}), Obj({"b": 2.0})]], [[[1.0, 2.0], [3.0, 4.0]]], [[[[[1.0]]]]],
        [[[f(i) for i in range(10)] for _ in range(3)]],
        [Arr([1.0, 2.0, 3.0], [("x", 1.0), (Sym("s"), 2.0)])],
        [Arr([f(n) for n in range(8)], [("extra", "e")])],
        [["中文", "日本語", "한국어", "abc", "dé", "x", "yy", "zzz"]],
        [[f(-n) for n in range(10)]], [Arr([None] * 7)],
        # objects
        [{}], [{"a": 1.0}], [{"b-c": 2.0, "$x": 1.0, "1a": 2.0, "a b": 3.0, "": 4.0, "it's": 5.0, "_ok": 6.0}],
        [{"b": 1.0, "2": 2.0, "1": 3.0, "a": 4.0}], [Obj([("a", 1.0), (sx, 3.0), (Sym("it's"), 4.0)])],
        [Obj([("__proto__", 1.0)])], [{"a": {"b": {"c": {"d": 1.0}}}}], [{"a": {"b": {"c": [1.0]}}}],
        [{"a": {"b": {"c": {}}}}], [{"a": {"b": {"c": []}}}], [{"a": [{"b": {"c": 1.0}}]}],
        [{"l1": {"l2": {"l3": 1.0}}, "x": 2.0}],
        [{f"key{i}": f(i) for i in range(6)}], [{f"key{i}": f(i) for i in range(12)}],
        [{f"property_number_{i}": "value" for i in range(4)}],
        [{"list": [f(i) for i in range(20)], "obj": {"deep": {"er": 1.0}}}],
        [{"k\n": 1.0, "tab\t": 2.0}],
        # classes, prototypes, functions
        [Obj({"x": 1.0}, foo)], [Obj({}, foo)], [Obj({"y": 2.0}, bar)], [{"a": {"b": {"c": Obj({"x": 1.0}, foo)}}}],
        [Obj({"p": 1.0}, "null")], [Obj({}, "null")], [{"n": Obj({}, "null")}],
        [Fn("f")], [Fn()], [Fn(kind="arrow")], [foo], [bar], [Cls()], [Fn("g", "generator")],
        [Fn("h", "async")], [Fn("withProps", props=[("a", 1.0)])], [Cls("S", static=[("count", 2.0)])],
        [[Fn("f"), foo, bar]], [{"a": {"b": {"c": Fn("deep")}}}],
        # collections
        [MapV([("a", 1.0), ("b", 2.0)])], [SetV([1.0])], [MapV()], [SetV()],
        [MapV([(Obj({"k": 1.0}), [1.0, 2.0])])], [{"m": MapV([("x", SetV(["y"]))])}],
        [SetV([f(i) for i in range(10)])], [{"a": {"b": {"m": MapV([(1.0, 2.0)])}}}],
        [MapV([("a", 1.0)], [("extra", True)])],
        [Iter(MapV([("a", 1.0), ("b", 2.0)]), "keys")], [Iter(SetV([1.0, 2.0]), "values")],
        [Iter(Arr([1.0, 2.0]), "keys")],
        # dates, regexps, errors, boxes, accessors, promises
        [DateV(0.0)], [DateV(1704067200000.0)], [DateV(-62198755200000.0)], [DateV(math.nan)],
        [[DateV(1e12)]], [Re("ab+c", "gi")], [Re("a/b")], [{"r": Re("^x$", "m")}],
        [Err()], [Err(props=[("code", 7.0)])], [{"e": Err(props=[("code", 7.0)])}],
        [Err("TypeError", "t", stack="TypeError: t")], [[Err("TypeError", "t", stack="TypeError: t")]],
        [Err(cause=5.0)], [Err(msg="")],
        [Box(3.0)], [Box("x")], [Box(False)], [Box(-0.0)], [Box("ab", [("x", 1.0)])],
        [Obj([("a", Acc()), ("b", Acc(False, True)), ("c", Acc(True, True))])],
        [Prom("fulfilled", 1.0)], [Prom("pending")], [Prom("rejected", 2.0)],
        [Prom("fulfilled", {"a": [1.0, 2.0]})],
        # cycles
        [circ], [a2], [two], [loop_arr], [loop_map], [[circ, circ]],
        # util.format
        ["%s is %d years", "Bob", 42.0], ["%s|%s|%s|%s", {"a": 1.0}, [1.0, [2.0, [3.0]]], Sym("q"), None],
        ["%d %d %d", "42", True, Sym()], ["%i %i", 42.9, "17.5px"], ["%f %f", "3.5abc", "x"],
        ["%j and %j", {"a": [1.0, "x"]}, circ], ["%o", [1.0, 2.0]], ["%o", {"a": 1.0}], ["%O", {"a": {"b": {"c": {}}}}],
        ["%c styled", "color: red"], ["100%% sure", 1.0], ["%s %s", "only one"], ["%x %s", "y"],
        ["trailing %", 1.0], [1.0, "%s", 2.0], ["a", "b", 3.0, [4.0]], ["%s", -0.0], ["%d", -0.0],
        ["%s", Obj({"x": 1.0}, foo)], ["%s", Err()], ["no args %s"], ["%%"], ["%%", 1.0],
        [],
    ]
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def expected():
    return node_outputs(CASES, lambda gen, args: f"console.log({', '.join(gen.expr(a) for a in args)});")


@needs_node
@pytest.mark.parametrize("index", range(len(CASES)))
def test_format_log_matches_node(expected, index):
    rt = new_runtime()
    b = Builder(rt)
    args = [b.value(a) for a in CASES[index]]
    assert format_log(rt, args) == to_host_str(expected[index])


def test_enough_cases():
    assert len(CASES) >= 80


# -- error classes with a user-defined subclass need a real parent: built here -------------------------

@needs_node
def test_error_subclass_and_renamed():
    my_err = Cls("MyErr", Cls("Error"))
    cases = [[Err(msg="bad", cls=my_err, stack="Error: bad\n    at t.js:1:2")],
             [Err(props=[("name", "Custom")], stack="Error: boom\n    at t.js:1:2")]]

    def render(gen, args):
        # `Cls("Error")` must be the real Error in node: bind the name first
        gen.names[id(my_err.parent)] = "Error"
        return f"console.log({', '.join(gen.expr(a) for a in args)});"
    want = node_outputs(cases, render)
    for case, exp in zip(cases, want):
        rt = new_runtime()
        b = Builder(rt)
        b.memo[id(my_err.parent)] = rt.Gh["Error"]
        assert format_log(rt, [b.value(a) for a in case]) == exp


def test_metering_charges_per_value():
    rt = new_runtime()
    before = rt.meter.instructions
    format_log(rt, [rt.new_array([rt.new_object({"a": 1.0}) for _ in range(50)])])
    assert rt.meter.instructions - before >= 100


# -- real JavaScript through the front end --------------------------------------------------------------

PROGRAMS = [
    "console.log([1, 2, 3].map(x => ({ x, sq: x * x })));",
    "class Point { constructor(x, y) { this.x = x; this.y = y; } }\nconsole.log(new Point(1, 2), [new Point(3, 4)]);",
    "class A {}\nclass B extends A { static n = 1 }\nconsole.log(A, B, [B]);",
    "const o = { a: 1 }; o.self = o; o.list = [o, { o }];\nconsole.log(o);",
    "console.log(new Map([[{ k: 1 }, [1, 2]], ['s', new Set(['a'])]]));",
    "console.log(Array.from({ length: 40 }, (_, i) => i * 37 % 101));",
    "console.log(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 5 + 1)));",
    "console.log({ get a() { return 1; }, set a(v) {}, get b() { return 2; } });",
    "console.log('%s has %d items costing %f', 'cart', 3, 9.99, { extra: true });",
    ("console.group('outer');\nconsole.log({ a: 1,\n b: [1, 2] });\nconsole.group();\nconsole.log('deep\\nlines');\n"
     "console.groupEnd();\nconsole.groupEnd();\nconsole.log('back');"),
    "console.count(); console.count(); console.count('x'); console.countReset(); console.count();",
    "console.dir({ a: { b: { c: { d: { e: 1 } } } } }, { depth: null });\nconsole.dir({ a: { b: 1 } }, { depth: 0 });",
    "console.log([undefined, null, NaN, -0, 0, 1e21, 1e-7, 2 ** 53]);",
    "console.log(Object.assign(Object.create(null), { x: 1 }), Object.create(null));",
    "console.log([function f() {}, () => {}, async () => {}, function* g() {}, Math.max]);",
    "console.log(Symbol.iterator, [Symbol('a')], { [Symbol('k')]: 1 });",
    "console.log(new Date(86400000), [new Date(NaN)]);",
    "console.log(/a+b/g, { re: /x\\/y/ }, new RegExp('a/b', 'i'));",
    "console.log(Promise.resolve([1]), new Promise(() => {}));",
    "console.log([new Number(1), new String('ab'), new Boolean(true), Object(1)]);",
    "console.log(JSON, Math.PI, [].keys(), new Map([[1, 2]]).values());",
    "console.log({ s: 'it\\'s', d: \"say \\\"hi\\\"\", both: `it's \"x\"`, bt: `it's \"x\" \\``});",
    "console.log('x'.repeat(200).split(''));",
    "console.log({ nested: { arr: Array.from({ length: 12 }, (_, i) => ({ i })) } });",
    "const e = new RangeError('bad range'); e.stack = 'RangeError: bad range'; console.log(e, { e });",
    "console.assert(1 === 1, 'never'); console.log('after assert');",
    "console.log(Array.from({ length: 120 }, (_, i) => i));",
    "console.log(Object.fromEntries(Array.from({ length: 30 }, (_, i) => ['k' + i, i])));",
]


def _frontend():
    from llmspell.ir.errors import LlmspellError

    from llmspell import api
    try:
        api.compile("1;", "javascript", "probe.js")
    except (ImportError, LlmspellError):        # the front end is not there (yet)
        return None
    return api


@needs_node
def test_programs_match_node():
    api = _frontend()
    if api is None:
        pytest.skip("no JavaScript front end")
    src = "\n".join("{\n" + p + f"\nconsole.log({json.dumps(SEP)});\n}}" for p in PROGRAMS)
    want = subprocess.run([NODE], input=src.encode(), capture_output=True, timeout=60, check=True).stdout.decode()
    got = api.run(src, lang="javascript", name="t.js").output
    assert got.count(SEP) == want.count(SEP) == len(PROGRAMS)
    for w, g, p in zip(want.split(SEP + "\n"), got.split(SEP + "\n"), PROGRAMS):
        assert g == w, p
