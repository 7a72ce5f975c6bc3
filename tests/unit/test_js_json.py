"""Differential tests of vm/js/lib_json.py (JSON.parse / JSON.stringify) against node.

Parse cases are texts: node prints ``console.log(JSON.parse(text, reviver))`` or
the error's name and message, and our ``JSON.parse`` must give the same (the
parsed values are compared through console.log's formatting, which shows key
order, ``__proto__`` keys and -0).  Stringify cases are values described with
test_js_inspect's description language, so both worlds build the same value.
All cases of a kind run in one node process.
"""
from __future__ import annotations

import json
import math

import pytest
from llmspell.vm.js.inspect import format_log
from llmspell.vm.js.lib_json import MAX_NESTING
from llmspell.vm.js.values import JS_NULL, JsArray, JsObject, from_host_str, to_host_str
from llmspell.vm.runtime import ScriptThrow
from test_js_inspect import (
    Acc,
    Arr,
    Box,
    Builder,
    Cls,
    DateV,
    Err,
    Fn,
    MapV,
    Native,
    Obj,
    Re,
    SetV,
    Sym,
    needs_node,
    new_runtime,
    node_outputs,
)

# -- JSON.parse ------------------------------------------------------------------------------------

BAD = [
    "", " ", "{", "[", "x", "tru", "trux", "nul", "nulL", "tr1e", 'tr"e', '{"a":1,}', '{"a" 1}', '{"a":1 "b":2}',
    "[1 2]", "[1,]", "[,1]", "1 2", '"abc', '"\\x"', '"\\u12g4"', '"a\nb"', '"\t"', '"\u0000"', "-", "-a", "1.",
    "1.e5", "1e", "1e+", "01", "-01", "{a:1}", "{'a':1}", "undefined", "NaN", "[object Object]", "Infinity",
    '{"a":1}}', "[1]]", '{"a":[1,2,{"b":nul}]}', "abcdefghijklmnopqrstuvwxyz", '{"key": "value", "other": tru}',
    '{"key": "value", "other": x, "third": 1}', "         x", "[1,2", '{"a":1', '{"a"', '{"a":', '"\\', '"\\u12',
    "1e5x", ".5", "+1", "[-]", "\u00a01", "[1,2,3,4,5,6,7,8,9,10,11,12,x]", "\U0001F600",
    '{"\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600":x}',
    ")", "}", "[1,2,]]", '{"a":1,"b"}', '[1 "a"]', '{"a":"b" "c"}', '{"a":1,"b":2,}', "{1:2}", '"\\u00"',
    '[1,2,3,4,5,6,7,8,9,10,11,12,"x" 1]', '{"a":1,"a"', "[true false]", "[1,2,3,4,5,6,7,8,9,10,1e]",
]
GOOD = [
    '"\\ud800"', '{"__proto__":1}', '{"__proto__":{"x":1}}', "[1e400, -0, 1E2, 0.5e-3, -1.5E-3]",
    "123456789012345678901234567890", '{"a":1,"a":2}', "\t[\r\n1 ]\n", '"\\/\\b\\f\\n\\r\\t\\"\\\\"',
    '{"b":1,"2":2,"1":3,"a":4}', '"\\ud83d\\ude00 \\u00e9 \\u2028"', "[[[[[[[]]]]]]]", '{"a":{},"b":[],"c":""}',
    "true", "false", "null", "0", "-0", "0.1", "1e-7", "1e21", '"it\'s"', '[{"id":1,"tags":["x","y"]},{"id":2}]',
    '"\U0001F600"', ' {"k" : [ 1 , { "n" : null } ] } ', '{"":1," ":2}', '"' + "long " * 40 + '"',
]
REVIVERS = [
    ('[1,{"a":2,"b":[3]}]', Native("function (k, v) { return typeof v === 'number' ? v * 10 : v; }",
                                   lambda rt, this, k, v=None, *_: v * 10 if type(v) is float else v, 2)),
    ('{"keep":1,"drop":2,"nested":{"drop":3,"x":4}}',
     Native("function (k, v) { return k === 'drop' ? undefined : v; }",
            lambda rt, this, k, v=None, *_: None if k == "drop" else v, 2)),
    ('{"a":[1,2],"b":{"c":3}}', Native("function (k, v) { return Array.isArray(this) ? k + ':' + v : v; }",
                                       lambda rt, this, k, v=None, *_: f"{k}:{rt.to_string(v)}"
                                       if type(this) is JsArray else v, 2)),
]
PARSE_CASES = [(t, None) for t in BAD + GOOD] + REVIVERS


def _js_str(s: str) -> str:
    return json.dumps(s)


@pytest.fixture(scope="module")
def parse_expected():
    def render(gen, case):
        text, reviver = case
        extra = f", {gen.expr(reviver)}" if reviver is not None else ""
        return (f"try {{ console.log(JSON.parse({_js_str(text)}{extra})); }} "
                "catch (e) { console.log(e.name + ': ' + e.message); }")
    return node_outputs(PARSE_CASES, render)


def _ours_parse(case) -> str:
    rt = new_runtime()
    text, reviver = case
    J = rt.Gh["JSON"]
    args = [from_host_str(text)] + ([Builder(rt).value(reviver)] if reviver is not None else [])
    try:
        return format_log(rt, [rt.call(rt.get(J, "parse"), J, *args)])
    except ScriptThrow as e:
        return to_host_str(f"{rt.get(e.value, 'name')}: {rt.get(e.value, 'message')}")


@needs_node
@pytest.mark.parametrize("index", range(len(PARSE_CASES)))
def test_parse_matches_node(parse_expected, index):
    assert _ours_parse(PARSE_CASES[index]) == to_host_str(parse_expected[index])


def test_parse_rejects_deep_nesting_cleanly():
    rt = new_runtime()
    J = rt.Gh["JSON"]
    ok = "[" * MAX_NESTING + "]" * MAX_NESTING
    assert type(rt.call(rt.get(J, "parse"), J, ok)) is JsArray
    with pytest.raises(ScriptThrow) as exc:
        rt.call(rt.get(J, "parse"), J, "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1))
    err = exc.value.value
    assert rt.get(err, "name") == "SyntaxError" and "nested" in rt.get(err, "message")


def test_parse_charges_fuel_in_proportion():
    def used(n):
        rt = new_runtime()
        J = rt.Gh["JSON"]
        before = rt.meter.instructions
        rt.call(rt.get(J, "parse"), J, "[" + ",".join(['{"k":"vvvvvvvvvvvvvvvv"}'] * n) + "]")
        return rt.meter.instructions - before
    small, big = used(100), used(1000)
    assert small >= 100 and 8 * small < big < 12 * small


def test_parse_builds_js_values():
    rt = new_runtime()
    J = rt.Gh["JSON"]
    v = rt.call(rt.get(J, "parse"), J, '{"n":1,"s":"\\ud83d\\ude00","l":[null,true],"__proto__":{}}')
    assert type(v.props["n"]) is float and v.props["s"] == "\ud83d\ude00"
    assert v.props["l"].items == [JS_NULL, True] and v.proto is rt.ObjectProto
    assert isinstance(v.props["__proto__"], JsObject)


# -- JSON.stringify --------------------------------------------------------------------------------

def _stringify_cases():
    base = {"a": [1.0, {"b": 2.0}], "c": "x", "d": {}, "e": []}
    circ = Obj({"name": "c"})
    circ.items.append(("a", circ))
    chain = Obj({})
    node = chain
    for i in range(1, 7):
        nxt = Obj({})
        node.items.append((f"p{i}", nxt))
        node = nxt
    node.items.append(("back", chain))
    arr_loop = Arr([1.0])
    arr_loop.items.append(Obj({"z": arr_loop}))
    k_cls = Cls("K")
    k = Obj({}, k_cls)
    k.items.append(("self", Arr([k])))
    anon = Obj({})
    anon.items.append(("", Obj({"x": anon})))
    index_key = Obj({})
    index_key.items.append(("1", Obj({"x": index_key})))
    double = Native("function (k, v) { return typeof v === 'number' ? v * 2 : v; }",
                    lambda rt, this, k, v=None, *_: v * 2 if type(v) is float else v, 2)
    drop_b = Native("function (k, v) { return k === 'b' ? undefined : v; }",
                    lambda rt, this, k, v=None, *_: None if k == "b" else v, 2)
    holder = Native("function (k, v) { return Array.isArray(this) ? 'in array ' + k : v; }",
                    lambda rt, this, k, v=None, *_: f"in array {k}" if type(this) is JsArray else v, 2)
    to_json = Native("function (k) { return 'key:' + k; }", lambda rt, this, k=None, *_: "key:" + k, 1)
    with_to_json = Obj({"toJSON": to_json, "ignored": 1.0})
    nothing = [None, Fn("f"), Sym("s")]
    return [
        (base, None, None), (base, None, 2.0), (base, None, "--"), (base, None, 20.0),
        (base, None, "0123456789abcdef"), (base, None, 0.0), (base, None, -1.0), (base, None, 2.7),
        (base, None, Box(3.0)), (base, None, Box("\t")), (base, None, ""), (base, None, True),
        (base, ["a", "c"], None), (base, ["c", "a", "c", Box("e"), 1.0], 1.0), ({"1": 1.0, "b": 2.0}, [1.0], None),
        (base, double, None), ({"a": 1.0, "b": {"b": 2.0, "c": 3.0}}, drop_b, " "),
        ({"list": [1.0, 2.0], "v": 3.0}, holder, None),
        ({"x": with_to_json, "l": [with_to_json]}, None, None), (with_to_json, None, None),
        (DateV(0.0), None, None), ({"when": DateV(1704067200000.0)}, None, None),
        (None, None, None), (Fn("f"), None, None), (Sym("s"), None, None), (nothing, None, None),
        (Obj([("u", None), ("f", Fn("f")), (Sym("k"), 1.0), ("s", Sym("s")), ("ok", 1.0)]), None, None),
        ([math.nan, math.inf, -math.inf, -0.0, 1e21, 1e-7, 0.1], None, None),
        ("\u2028\ud800\udc00\ud800x\udc00\x7f\x1f\"\\\b\f\n\r\t/\u00e9", None, None),
        ([Box(3.0), Box("s"), Box(False)], None, None), ({"b": 1.0, "2": 2.0, "1": 3.0, "a": 4.0}, None, None),
        ([MapV([("a", 1.0)]), SetV([1.0]), Re("x"), Err(props=[("code", 5.0)])], None, None),
        (Obj({"x": 1.0}, k_cls), None, None), (Obj({"x": 1.0}, "null"), None, None),
        (Obj([("g", Acc()), ("s", Acc(False, True))]), None, None), (Arr([1.0], [("extra", 2.0)]), None, None),
        ([[[]], [[1.0, [2.0]]], {"a": [{}]}], None, 4.0), ("top", None, None), (5.0, None, None),
        (JS_NULL, None, None), (True, None, None),
        (circ, None, None), (chain, None, None), (arr_loop, None, None), (k, None, None), (anon, None, None),
        (index_key, None, 2.0), ([circ], None, None),
    ]


STRINGIFY_CASES = _stringify_cases()


@pytest.fixture(scope="module")
def stringify_expected():
    def render(gen, case):
        value, replacer, space = case
        args = ", ".join(gen.expr(x) for x in (value, replacer if replacer is not None else JS_NULL, space))
        return (f"try {{ const r = JSON.stringify({args}); console.log(r === undefined ? '<undefined>' : r); }} "
                "catch (e) { console.log(e.name + ': ' + e.message); }")
    return node_outputs(STRINGIFY_CASES, render)


def _ours_stringify(case) -> str:
    rt = new_runtime()
    b = Builder(rt)
    value, replacer, space = (b.value(x) for x in case)
    J = rt.Gh["JSON"]
    try:
        r = rt.call(rt.get(J, "stringify"), J, value, JS_NULL if replacer is None else replacer, space)
    except ScriptThrow as e:
        return to_host_str(f"{rt.get(e.value, 'name')}: {rt.get(e.value, 'message')}")
    return "<undefined>" if r is None else to_host_str(r)


@needs_node
@pytest.mark.parametrize("index", range(len(STRINGIFY_CASES)))
def test_stringify_matches_node(stringify_expected, index):
    assert _ours_stringify(STRINGIFY_CASES[index]) == to_host_str(stringify_expected[index])


def test_enough_cases():
    assert len(PARSE_CASES) + len(STRINGIFY_CASES) >= 60
