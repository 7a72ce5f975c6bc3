"""Differential tests of the JavaScript Array, String and RegExp libraries
(vm/js/lib_array.py, lib_string.py, lib_regexp.py) against node.

Each case is ``(receiver, method, *args)`` in a small JSON language both sides
decode the same way: JSON strings, numbers, booleans and null are themselves, a
list is an array, ``{"o": {...}}`` an object, ``{"re": [source, flags, lastIndex]}``
a RegExp, ``{"sw": s}`` a String wrapper, ``{"frozen": [...]}`` a frozen array,
``{"cyclic": [...]}`` an array that ends with itself, ``{"sym": d}`` a symbol, ``{"g": "Array"}`` a global, ``U`` undefined,
``{"n": "NaN"}`` a special number and ``{"cb": name}`` one of the callbacks below
(written in JS for node and with the runtime's operations for us).  ``method`` is a
method name, ``"()"`` (call the receiver), ``"new"``, ``".name"`` (read a
property), ``"@@iterator"`` (call the Symbol.iterator method) or ``"Array#push"``
(call that prototype's method with the receiver as ``this``: the generic paths).  All cases run in ONE node
process; each answer is the result, the receiver afterwards and what the logging
callbacks saw, encoded with tags for undefined, -0, NaN, iterators (drained) and
thrown errors (``name: message``), and compared with ours.
"""
from __future__ import annotations

import json
import math
import shutil
import subprocess

import pytest
from llmspell.ir.errors import LimitExceeded
from llmspell.sandbox.policy import Limits, Policy
from llmspell.vm.js.numconv import number_to_string
from llmspell.vm.js.runtime import JsRuntime
from llmspell.vm.js.values import (
    JS_NULL,
    SYM_ITERATOR,
    JsArray,
    JsFunction,
    JsSymbol,
    from_host_str,
)
from llmspell.vm.runtime import ScriptThrow

NODE = "/usr/bin/node"
pytestmark = pytest.mark.skipif(shutil.which(NODE) is None, reason="node is the reference")

U = {"u": 1}
NAN = {"n": "NaN"}
INF = {"n": "Infinity"}
NEG0 = {"n": "-0"}


def cb(name):
    return {"cb": name}


def re_(source, flags="", last_index=0):
    return {"re": [source, flags, last_index]}


ARRAY, STRING, REGEXP = {"g": "Array"}, {"g": "String"}, {"g": "RegExp"}

# name -> JS source (node) ; the Python twin is in _callbacks()
CALLBACK_JS = {
    "double": "x => x * 2",
    "isEven": "x => x % 2 === 0",
    "gt2": "x => x > 2",
    "sum": "(a, b) => a + b",
    "cmpNum": "(a, b) => a - b",
    "cmpDesc": "(a, b) => b - a",
    "cmpLen": "(a, b) => a.length - b.length",
    "cmpNaN": "() => NaN",
    "cmpStr": "(a, b) => a < b ? -1 : a > b ? 1 : 0",
    "cmpLocale": "(a, b) => a.localeCompare(b)",
    "boom": "() => { throw new TypeError('boom') }",
    "pair": "x => [x, [x]]",
    "upper": "m => m.toUpperCase()",
    "idx": "(x, i) => i",
    "log": "function (...a) { LOG.push([this, ...a.slice(0, 2)]); }",
    "logTrue": "function (...a) { LOG.push(a.slice(0, 2)); return true; }",
    "replLog": "(...a) => { LOG.push(a); return '<' + a[0] + '>'; }",
    "thisK": "function (x) { return this.k + x; }",
    "mutPush": "(x, i, arr) => { if (i === 0) arr.push(99); return x; }",
    "mutPop": "(x, i, arr) => { arr.pop(); return x; }",
    "isUndef": "x => x === undefined",
    "bigger": "(acc, x) => x > acc ? x : acc",
    "concatIdx": "(acc, x, i) => acc + x + i",
    "cmpK": "(a, b) => a.k - b.k",
}

NODE_SCRIPT = r"""
"use strict";
let LOG = [];
const CB = {%CALLBACKS%};
function dec(v) {
  if (Array.isArray(v)) return v.map(dec);
  if (v === null || typeof v !== "object") return v;
  if ("u" in v) return undefined;
  if ("n" in v) return v.n === "-0" ? -0 : Number(v.n);
  if ("o" in v) { const o = {}; for (const k in v.o) o[k] = dec(v.o[k]); return o; }
  if ("re" in v) { const r = new RegExp(v.re[0], v.re[1]); r.lastIndex = v.re[2]; return r; }
  if ("sw" in v) return new String(v.sw);
  if ("frozen" in v) return Object.freeze(dec(v.frozen));
  if ("cyclic" in v) { const a = dec(v.cyclic); a.push(a); return a; }
  if ("sym" in v) return Symbol(v.sym);
  if ("g" in v) return globalThis[v.g];
  if ("cb" in v) return CB[v.cb];
  throw new Error("bad " + JSON.stringify(v));
}
function enc(v, depth = 0) {
  if (depth > 6) return "...";
  if (v === undefined) return {u: 1};
  if (typeof v === "number") return {n: Object.is(v, -0) ? "-0" : String(v)};
  if (typeof v === "symbol") return {sym: v.description};
  if (v === null || typeof v !== "object" && typeof v !== "function") return v;
  if (typeof v === "function") return {f: v.name};
  if (v instanceof RegExp) return {re: String(v), li: enc(v.lastIndex)};
  if (v instanceof String) return {sw: String(v)};
  if (v instanceof Error) return {e: v.name + ": " + v.message};
  if (typeof v.next === "function" && Symbol.iterator in v) return {it: [...v].map(x => enc(x, depth + 1))};
  if (Array.isArray(v)) {
    const out = {a: Array.from(v, x => enc(x, depth + 1))};
    const extra = Object.keys(v).filter(k => !/^\d+$/.test(k));
    if (extra.length) { out.p = {}; for (const k of extra) out.p[k] = enc(v[k], depth + 1); }
    return out;
  }
  const o = {};
  for (const k of Object.keys(v)) o[k] = enc(v[k], depth + 1);
  return Object.getPrototypeOf(v) === null ? {o, np: true} : {o};
}
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = cases.map(([recv, method, ...args]) => {
  LOG = [];
  let r, t;
  try {
    t = dec(recv);
    const a = args.map(dec);
    const [cls, proto] = method.split("#");
    r = method === "()" ? t(...a) : method === "new" ? new t(...a) : method[0] === "." ? t[method.slice(1)]
      : proto ? globalThis[cls].prototype[proto].call(t, ...a)
      : t[method === "@@iterator" ? Symbol.iterator : method](...a);
    r = enc(r);
  } catch (e) { r = {e: e instanceof Error ? e.name + ": " + e.message : String(e)}; }
  return {r, t: enc(t), log: enc(LOG)};
});
process.stdout.write(JSON.stringify(out));
"""


def node_answers(cases: list) -> list:
    script = NODE_SCRIPT.replace("%CALLBACKS%", ", ".join(f"{k}: {v}" for k, v in CALLBACK_JS.items()))
    proc = subprocess.run([NODE, "-e", script], input=json.dumps(cases), capture_output=True, text=True,
                          check=True)
    return _js_strings(json.loads(proc.stdout))


def _js_strings(v):
    """node's JSON as our values hold it: astral characters as surrogate pairs."""
    if isinstance(v, str):
        return from_host_str(v)
    if isinstance(v, list):
        return [_js_strings(x) for x in v]
    if isinstance(v, dict):
        return {from_host_str(k): _js_strings(x) for k, x in v.items()}
    return v


class Harness:
    """Decodes cases into runtime values, runs them, encodes the answers like node does."""

    def __init__(self):
        self.rt = JsRuntime(Policy())
        self.log = None
        self.callbacks = self._callbacks()

    def _callbacks(self) -> dict:
        rt = self.rt
        def method(v, name, *args):
            return rt.call(rt.get(v, name), v, *args)

        def log(this, *a):
            method(self.log, "push", rt.new_array([this, *a[:2]]))

        def log_true(this, *a):
            method(self.log, "push", rt.new_array(list(a[:2])))
            return True

        def repl_log(this, *a):
            method(self.log, "push", rt.new_array(list(a)))
            return rt.add(rt.add("<", a[0]), ">")

        def boom(this, *a):
            rt.throw("TypeError", "boom")

        def mut_push(this, x=None, i=None, arr=None, *_):
            if i == 0:
                method(arr, "push", 99.0)
            return x

        def mut_pop(this, x=None, i=None, arr=None, *_):
            method(arr, "pop")
            return x

        def cmp_str(this, a=None, b=None, *_):
            return -1.0 if rt.lt(a, b) else 1.0 if rt.lt(b, a) else 0.0

        fns = {
            "double": lambda this, x=None, *_: rt.arith("MUL", x, 2.0),
            "isEven": lambda this, x=None, *_: rt.arith("MOD", x, 2.0) == 0.0,
            "gt2": lambda this, x=None, *_: rt.lt(2.0, x),
            "sum": lambda this, a=None, b=None, *_: rt.add(a, b),
            "cmpNum": lambda this, a=None, b=None, *_: rt.arith("SUB", a, b),
            "cmpDesc": lambda this, a=None, b=None, *_: rt.arith("SUB", b, a),
            "cmpLen": lambda this, a=None, b=None, *_: rt.arith("SUB", rt.get(a, "length"), rt.get(b, "length")),
            "cmpNaN": lambda this, *_: math.nan,
            "cmpStr": cmp_str,
            "cmpLocale": lambda this, a=None, b=None, *_: method(a, "localeCompare", b),
            "boom": boom,
            "pair": lambda this, x=None, *_: rt.new_array([x, rt.new_array([x])]),
            "upper": lambda this, m=None, *_: method(m, "toUpperCase"),
            "idx": lambda this, x=None, i=None, *_: i,
            "log": log,
            "logTrue": log_true,
            "replLog": repl_log,
            "thisK": lambda this, x=None, *_: rt.add(rt.get(this, "k"), x),
            "mutPush": mut_push,
            "mutPop": mut_pop,
            "isUndef": lambda this, x=None, *_: x is None,
            "bigger": lambda this, acc=None, x=None, *_: x if rt.lt(acc, x) else acc,
            "concatIdx": lambda this, acc=None, x=None, i=None, *_: rt.add(rt.add(acc, x), i),
            "cmpK": lambda this, a=None, b=None, *_: rt.arith("SUB", rt.get(a, "k"), rt.get(b, "k")),
        }
        assert fns.keys() == CALLBACK_JS.keys()
        return {k: rt.native(k, f) for k, f in fns.items()}

    def dec(self, v):
        rt = self.rt
        if isinstance(v, list):
            return rt.new_array([self.dec(x) for x in v])
        if isinstance(v, (bool, str)):
            return v
        if isinstance(v, (int, float)):
            return float(v)
        if v is None:
            return JS_NULL
        if "u" in v:
            return None
        if "n" in v:
            return -0.0 if v["n"] == "-0" else float(v["n"].replace("Infinity", "inf"))
        if "o" in v:
            return rt.new_object({k: self.dec(x) for k, x in v["o"].items()})
        if "re" in v:
            r = rt.construct(rt.Gh["RegExp"], v["re"][0], v["re"][1])
            rt.put(r, "lastIndex", float(v["re"][2]))
            return r
        if "sw" in v:
            return rt.construct(rt.Gh["String"], v["sw"])
        if "frozen" in v:
            a = self.dec(v["frozen"])
            a.frozen = True
            return a
        if "cyclic" in v:
            a = self.dec(v["cyclic"])
            a.items.append(a)
            return a
        if "sym" in v:
            return JsSymbol(v["sym"])
        if "g" in v:
            return rt.Gh[v["g"]]
        return self.callbacks[v["cb"]]

    def enc(self, v, depth=0):
        rt = self.rt
        if depth > 6:
            return "..."
        if v is None:
            return {"u": 1}
        if type(v) is float:
            return {"n": "-0" if v == 0 and math.copysign(1, v) < 0 else number_to_string(v)}
        if type(v) is JsSymbol:
            return {"sym": v.description}
        if v is JS_NULL:
            return None
        if type(v) in (bool, str):
            return v
        if type(v) is JsFunction:
            return {"f": v.name}
        if v.cls == "RegExp":
            return {"re": rt.call(rt.get(v, "toString"), v), "li": self.enc(rt.get(v, "lastIndex"))}
        if v.cls == "String":
            return {"sw": v.internal}
        if v.cls == "Error":
            return {"e": f"{rt.get(v, 'name')}: {rt.get(v, 'message')}"}
        if v.cls == "Iterator":
            nxt, out = rt.get(v, "next"), []
            while True:
                r = rt.call(nxt, v)
                if rt.get(r, "done"):
                    return {"it": out}
                out.append(self.enc(rt.get(r, "value"), depth + 1))
        if type(v) is JsArray:
            out = {"a": [self.enc(rt.get(v, str(i)), depth + 1) for i in range(len(v.items))]}
            extra = [k for k in rt.own_keys(v) if not k.isdigit()]
            if extra:
                out["p"] = {k: self.enc(rt.get(v, k), depth + 1) for k in extra}
            return out
        o = {k: self.enc(rt.get(v, k), depth + 1) for k in rt.own_keys(v)}
        return {"o": o, "np": True} if v.proto is None else {"o": o}

    def run(self, case) -> dict:
        rt = self.rt
        recv, method, *args = case
        self.log = rt.new_array([])
        t = None
        try:
            t = self.dec(recv)
            a = [self.dec(x) for x in args]
            if method == "()":
                r = rt.call(t, None, *a)
            elif method == "new":
                r = rt.construct(t, *a)
            elif method[0] == ".":
                r = rt.get(t, method[1:])
            elif "#" in method:
                cls, name = method.split("#")
                r = rt.call(rt.get(rt.get(rt.Gh[cls], "prototype"), name), t, *a)
            else:
                r = rt.call(rt.get(t, SYM_ITERATOR if method == "@@iterator" else method), t, *a)
            r = self.enc(r)
        except ScriptThrow as e:
            r = {"e": f"{rt.get(e.value, 'name')}: {rt.get(e.value, 'message')}"}
        return {"r": r, "t": self.enc(t), "log": self.enc(self.log)}


def check(cases):
    expected = node_answers(cases)
    h = Harness()
    bad = []
    for case, want in zip(cases, expected, strict=True):
        got = h.run(case)
        if got != want:
            bad.append(f"{json.dumps(case)}\n   node: {json.dumps(want)}\n   ours: {json.dumps(got)}")
    assert not bad, f"{len(bad)} of {len(cases)} differ:\n" + "\n".join(bad[:12])


# -- Array -------------------------------------------------------------------------------------------
ARRAY_CASES = [
    (ARRAY, "()", 3), (ARRAY, "new", 1, 2), (ARRAY, "()", "3"), (ARRAY, "new"), (ARRAY, "()", -1),
    (ARRAY, "new", 1.5), (ARRAY, "()", 4294967296), (ARRAY, "isArray", [1]), (ARRAY, "isArray", {"o": {}}),
    (ARRAY, "from", "a\ud83d\ude00b"), (ARRAY, "from", {"o": {"length": 3, "1": "x"}}), (ARRAY, "from", [1, 2], cb("double")),
    (ARRAY, "from", {"o": {"length": 3}}, cb("idx")), (ARRAY, "from", U), (ARRAY, "from", None), (ARRAY, "from", 5),
    (ARRAY, "from", [1], 3), (ARRAY, "of", 7), (ARRAY, "of", 1, "a", None),
    ([1, 2], "push", 3, 4), ([], "push"), ([1, 2], "pop"), ([], "pop"), ([1, 2, 3], "shift"), ([], "shift"),
    ([3], "unshift", 1, 2), ({"o": {"length": 1, "0": "a"}}, "Array#push", "b"), ({"o": {"length": 2, "0": "a", "1": "b"}}, "Array#pop"),
    ([1, 2, 3, 4, 5], "slice", 1, -1), ([1, 2, 3], "slice", -2), ([1, 2, 3], "slice", 5), ([1, 2, 3], "slice"),
    ([1, 2, 3, 4], "splice", 1, 2, "a", "b", "c"), ([1, 2, 3], "splice", -1), ([1, 2, 3], "splice"),
    ([1, 2, 3], "splice", 1, U), ([1, 2, 3], "splice", 0, 10), ([1, 2, 3], "splice", 1, -5, 9),
    ({"o": {"length": 3, "0": 1, "1": 2, "2": 3}}, "Array#splice", 0, 1),
    ([1], "concat", [2, [3]], 4, "x"), ([], "concat"), ([1, None, U, 2], "join"), ([1, 2], "join", " - "),
    ([[1, 2], [3]], "join", ";"), ([1, 2], "join", U), ([1, 2, 3], "reverse"), ([], "reverse"),
    ([1, 2, 1, NAN], "indexOf", 1), ([1, 2, 1], "indexOf", 1, 1), ([1, 2, 1], "indexOf", 1, -1), ([NAN], "indexOf", NAN),
    (["1", 1, True], "indexOf", True), ([1, 2, 1], "lastIndexOf", 1), ([1, 2, 1], "lastIndexOf", 1, -2),
    ([1, 2, 1], "lastIndexOf", 1, U), ([1, 2, 1], "lastIndexOf", 1, -10), ([NAN, NEG0], "includes", NAN),
    ([NEG0], "includes", 0), ([1, 2], "includes", 1, 1), ([1, 2, 3], "includes", 3, -1), ([U], "includes", U),
    ([1, 5, 8], "find", cb("gt2")), ([1, 5, 8], "findIndex", cb("gt2")), ([1, 5, 8], "findLast", cb("gt2")),
    ([1, 5, 8], "findLastIndex", cb("gt2")), ([1], "find", cb("isEven")), ([1], "findIndex", cb("isEven")),
    ([], "find", 3), ([], "map", {"o": {}}), ([], "forEach", "x"), ([], "filter", [1]), ([], "some", None),
    ([1, 2, 3, 4], "filter", cb("isEven")), ([1, 2, 3], "map", cb("double")), (["a", "b"], "forEach", cb("log")),
    (["a", "b"], "forEach", cb("log"), {"o": {"k": 1}}), ([1, 2], "map", cb("thisK"), {"o": {"k": 10}}),
    ([1, 2, 3], "map", cb("mutPush")), ([1, 2, 3, 4], "map", cb("mutPop")), ([1, 2, 3, 4], "forEach", cb("mutPop")),
    ([1, 2, 3], "reduce", cb("sum")), ([1, 2, 3], "reduce", cb("sum"), "x"), ([], "reduce", cb("sum")),
    ([], "reduce", cb("sum"), 0), (["a", "b", "c"], "reduceRight", cb("sum")), ([], "reduceRight", cb("sum")),
    ([1, 9, 3], "reduce", cb("bigger")), (["a", "b"], "reduce", cb("concatIdx"), ""), ([1, 2, 3], "some", cb("isEven")),
    ([1, 3], "some", cb("isEven")), ([2, 4], "every", cb("isEven")), ([2, 3], "every", cb("isEven")),
    ([], "every", cb("isEven")), (["x", "y"], "every", cb("logTrue")),
    ([10, 9, 1, 2, U, 100], "sort"), ([10, 9, 1, 2, 100], "sort", cb("cmpNum")), ([3, 1, 2], "sort", cb("cmpDesc")),
    (["bb", "a", "cc", "d", "ee"], "sort", cb("cmpLen")), ([3, 1, 2], "sort", cb("cmpNaN")), ([3, 1], "sort", cb("boom")),
    ([3, 1], "sort", 3), ([], "sort", None), (["b", "\ud83d\ude00", "\uffff", "a"], "sort"), ([True, False, "s", 0], "sort"),
    ([U, 3, U, 1], "sort", cb("cmpNum")), ([3, 1, 2], "toSorted"), ([3, 1, 2], "toSorted", cb("cmpDesc")),
    ([3, 1], "toSorted", "x"), ([1, 2, 3], "toReversed"), ([1, 2, 3], "with", 1, 9), ([1, 2, 3], "with", -1, 9),
    ([1], "with", 5, 1), ([1], "with", -5, 1), ([1], "with", 1.5, 0), ([1, 2, 3], "toSpliced", 1, 1, "x"),
    ([1, [2, [3, [4]]]], "flat"), ([1, [2, [3, [4]]]], "flat", INF), ([1, [2, [3]]], "flat", 0), ([[1], [2]], "flat", -1),
    ([1, 2], "flatMap", cb("pair")), ([], "flatMap", 1), ([1, 2, 3], "fill", 0), ([1, 2, 3, 4], "fill", 0, 1, -1),
    ([1, 2, 3], "fill", 7, 5), ([1, 2, 3], "at", -1), ([1, 2, 3], "at", 3), ([1, 2, 3], "at", "1"),
    (["a", "b"], "keys"), (["a", "b"], "values"), (["a", "b"], "entries"), ([1, 2, 3, 4, 5], "copyWithin", 0, 3),
    ([1, 2, 3, 4, 5], "copyWithin", 1, 0, 3), ([1, 2, 3, 4, 5], "copyWithin", -2, 0), ([1, [2, 3], None], "toString"),
    ({"o": {"length": 2, "0": "a", "1": "b"}}, "Array#map", cb("upper")), ("abc", "Array#map", cb("upper")),
    ({"o": {"length": 2, "0": 5, "1": 1}}, "Array#sort"), ({"o": {"length": 3, "0": "x", "2": "z"}}, "Array#join", "+"),
    ({"o": {"length": 2, "0": 1, "1": 2}}, "Array#includes", 2), ({"o": {"length": 3, "0": 1, "1": 2, "2": 3}}, "Array#reverse"),
    ({"frozen": [1, 2]}, "pop"), ({"frozen": [2, 1]}, "sort"), ({"frozen": [1, 2]}, "fill", 0), ({"frozen": [1, 2]}, "shift"),
    ({"frozen": [1, 2]}, "reverse"), ({"frozen": [2, 1]}, "toSorted"), ({"frozen": [1, 2]}, "map", cb("double")),
    ({"cyclic": [1, 2]}, "join"), ({"cyclic": [[3]]}, "toString"), ({"cyclic": [1]}, "flat"),
    ([{"o": {"k": i % 3, "i": i}} for i in range(24)], "sort", cb("cmpK")),
    ([{"o": {"k": i % 2, "i": i}} for i in range(12)], "toSorted", cb("cmpK")),
]

# -- String ------------------------------------------------------------------------------------------
STRING_CASES = [
    (STRING, "()", {"sym": "x"}), (STRING, "()", {"sym": ""}), (STRING, "new", {"sym": "x"}),
    (STRING, "()", 12), (STRING, "()"), (STRING, "()", None), (STRING, "()", [1, [2, 3]]), (STRING, "()", NEG0),
    (STRING, "new", "ab"), (STRING, "fromCharCode", 72, 105, 65536 + 65), (STRING, "fromCodePoint", 128512, 65),
    (STRING, "fromCodePoint", -1), (STRING, "fromCodePoint", 1.5), (STRING, "fromCodePoint", "x"),
    (STRING, "fromCodePoint", 1114112), (STRING, "raw", {"o": {"raw": ["a", "b", "c"]}}, 1),
    (STRING, "raw", {"o": {"raw": "xyz"}}, 1, 2, 3), (STRING, "raw"),
    ("abc", "at", -1), ("abc", "at", 5), ("abc", "charAt", 1), ("abc", "charAt", 9), ("abc", "charCodeAt", 1),
    ("abc", "charCodeAt", -1), ("\ud83d\ude00", "codePointAt", 0), ("\ud83d\ude00", "codePointAt", 1),
    ("a", "codePointAt", 3), ("ab", "concat", 1, None, [2]), ("abc", "endsWith", "bc"), ("abc", "endsWith", "ab", 2),
    ("abc", "endsWith", "a", -1), ("abc", "endsWith", re_("c")), ("abcabc", "includes", "ca"), ("abc", "includes", "a", 1),
    ("abc", "includes", re_("a")), ("abcabc", "indexOf", "c"), ("abcabc", "indexOf", "c", 3), ("abc", "indexOf", "", 10),
    ("abc", "indexOf", U), ("undefined", "indexOf"), ("canal", "lastIndexOf", "a"), ("canal", "lastIndexOf", "a", 2),
    ("canal", "lastIndexOf", "a", 0), ("canal", "lastIndexOf", "", 2), ("canal", "lastIndexOf", "a", NAN),
    ("abc", "startsWith", "b", 1), ("abc", "startsWith", "abc"), ("abc", "startsWith", re_("a")),
    ("a", "localeCompare", "b"), ("b", "localeCompare", "a"), ("a", "localeCompare", "a"), ("a", "localeCompare", "B"),
    ("\u00e9", "localeCompare", "e\u0301"), ("ab", "localeCompare", "a-b"),
    (["b", "a", "B", "A", "\u00e4", "1", "_a", " z", "-x", "ab", "aB", "Ab", "10", "2", "a b", "e", "\u00c9", "f"], "sort",
     cb("cmpLocale")),
    ("Caf\u00e9", "normalize", "NFD"), ("e\u0301", "normalize"), ("\ufb01", "normalize", "NFKC"), ("a", "normalize", "X"),
    ("5", "padStart", 3, "0"), ("abc", "padStart", 10, "123"), ("abc", "padEnd", 6), ("abc", "padEnd", 2),
    ("abc", "padEnd", 6, ""), ("ab", "repeat", 3), ("ab", "repeat", 0), ("a", "repeat", -1), ("a", "repeat", INF),
    ("a", "repeat", 2 ** 40), ("", "repeat", 5),
    ("aXbX", "replace", "X", "-"), ("aXbX", "replaceAll", "X", "-"), ("abc", "replace", "b", "[$&|$`|$'|$$|$1|$<n>]"),
    ("abc", "replace", "", "_"), ("abc", "replaceAll", "", "_"), ("aaa", "replaceAll", "aa", "b"),
    ("abcb", "replace", "b", cb("replLog")), ("abcb", "replaceAll", "b", cb("replLog")), ("abc", "replace", "z", "y"),
    ("abc", "replaceAll", re_("b"), "x"), ("a1b22", "replaceAll", re_("\\d+", "g"), "#"),
    ("a,b,,c", "split", ","), ("a,b,c", "split", ",", 2), ("abc", "split", ""), ("abc", "split"), ("", "split", ""),
    ("", "split", ","), ("abc", "split", "", 2), ("abc", "split", ",", 0), ("a1b2c", "split", re_("\\d")),
    ("a1b2c", "split", re_("(\\d)")), ("abc", "split", re_("")), ("", "split", re_("")), ("", "split", re_("x")),
    ("a b  c", "split", re_("\\s*")), ("\ud83d\ude00x", "split", re_("", "u")), ("\ud83d\ude00x", "split", re_("")),
    ("a1b2c3", "split", re_("\\d"), 2), ("one two", "split", re_("(?:)", "y")),
    ("abcdef", "slice", 1, -1), ("abc", "slice", -2), ("abc", "slice", 2, 1), ("abcdef", "substring", 4, 1),
    ("abc", "substring", -1, 2), ("abc", "substring", NAN), ("abcdef", "substr", -3, 2), ("abc", "substr", 1),
    ("abc", "substr", 1, -1), ("Stra\u00dfe", "toUpperCase"), ("\u0130", "toLowerCase"), ("\u039f\u03a3", "toLowerCase"),
    ("\ud801\udc00", "toLowerCase"), ("abc", "toLocaleUpperCase"), ("\ufb00", "toUpperCase"),
    ("\t\n a \u00a0\ufeff", "trim"), ("  a  ", "trimStart"), ("  a  ", "trimEnd"), ("  a", "trimLeft"),
    ("abc", "toString"), ({"sw": "wr"}, "toString"), ({"sw": "wr"}, "valueOf"), ({"sw": "wr"}, "toUpperCase"),
    ({"sw": "a-b"}, "split", "-"), ("a\ud83d\ude00b", "@@iterator"), ("ab\ud800", "isWellFormed"),
    ("ab\ud800c", "toWellFormed"), ("\ud83d\ude00", "isWellFormed"),
]

# -- RegExp ------------------------------------------------------------------------------------------------
REGEXP_CASES = [
    (REGEXP, "new", "a+", "gi"), (REGEXP, "()", "a/b"), (REGEXP, "new", "a", "gg"), (REGEXP, "new", "a", "x"),
    (REGEXP, "new", "("), (REGEXP, "new", re_("ab", "g"), "i"), (REGEXP, "new", re_("ab", "g")), (REGEXP, "new"),
    (REGEXP, "new", U, U), (REGEXP, "new", "\n/[/]"),
    (re_("a(b)?(c)", "g"), "exec", "xacab"), (re_("a(?<x>b)?(?<y>c)"), "exec", "xac"), (re_("b", "d"), "exec", "abc"),
    (re_("(?<z>b)|(c)", "dg"), "exec", "c"), (re_("z"), "exec", "abc"), (re_("a", "g", 2), "exec", "aaa"),
    (re_("a", "g", 5), "exec", "aaa"), (re_("a", "y", 1), "exec", "aba"), (re_("a", "y", 1), "exec", "aab"),
    (re_("a", "", 3), "exec", "aaaa"), (re_("u"), "exec"), (re_("a", "g"), "test", "ba"), (re_("a", "g", 2), "test", "ba"),
    (re_("A", "i"), "test", "a"), (re_("^b", "m"), "test", "a\nb"), (re_("a.b", "s"), "test", "a\nb"),
    (re_("a/b", "gimsuy"), "toString"), (re_(""), "toString"), (re_("a", "dgimsuy"), ".flags"), (re_("[/]/"), ".source"),
    (re_("a", "g"), ".global"), (re_("a"), ".sticky"), (re_("a", "u"), ".unicode"), (re_("a", "d"), ".hasIndices"),
    ("aXbxc", "match", re_("x", "gi")), ("abc", "match", re_("(b)(z)?")), ("abc", "match", re_("z", "g")),
    ("abc", "match", re_("", "g")), ("a\ud83d\ude00", "match", re_("", "gu")), ("a\ud83d\ude00", "match", re_("", "g")),
    ("a.c", "match", "."), ("abc", "match"), ("abc", "match", U), ("a1b2", "matchAll", re_("[a-z](\\d)", "g")),
    ("a1b2", "matchAll", "\\d"), ("ab", "matchAll", re_("", "g")), ("a", "matchAll", re_("a")),
    ("a1b22", "replace", re_("(\\d+)", "g"), "<$1>"), ("a1b22", "replace", re_("\\d"), "#"),
    ("john smith", "replace", re_("(\\w+)\\s(\\w+)"), "$2, $1"), ("abc", "replace", re_("(b)"), "[$01|$10|$2|$0|$$]"),
    ("abc", "replace", re_("(?<mid>b)"), "[$<mid>|$<none>|$<mid]"), ("abc", "replace", re_("(b)"), "[$<mid>]"),
    ("aaa", "replace", re_("", "g"), "-"), ("\ud83d\ude00\ud83d\ude00", "replace", re_("", "gu"), "-"),
    ("a1b2", "replace", re_("(\\d)", "g"), cb("replLog")), ("a1b2", "replace", re_("(?<d>\\d)"), cb("replLog")),
    ("abc", "replace", re_("b", "g"), cb("upper")), ("x-y", "replace", re_("(-)|(z)"), cb("replLog")),
    ("abc", "replace", re_("b", "y"), "X"), ("abc", "replace", re_("b", "y", 1), "X"),
    ("hello world", "search", re_("o")), ("hello", "search", re_("z")), ("a.b", "search", "."), ("a", "search", re_("a", "g", 1)),
    ("aXbX", "replace", re_("x", "gi"), "$`"), ("abc", "replace", re_("b"), "$'"),
]


# -- corners: argument conversions, limits of ranges, unusual receivers ------------------------------------
EDGE_CASES = [
    ([1, 2, 3], "splice", -10, 1), ([1, 2, 3], "splice", 1, INF), ([1, 2, 1], "indexOf", 1, INF),
    ([1, 2, 1], "indexOf", 1, {"n": "-Infinity"}), ([], "lastIndexOf", 1), ([1, 2, 3, 4], "fill", 0, -3, -1),
    ([1, 2], "at", NAN), ([1, [2, [3, [4]]]], "flat", "2"), (ARRAY, "from", {"o": {"length": -1}}),
    (ARRAY, "from", {"o": {"length": "2", "0": "a"}}), ([1], "concat", {"o": {"length": 1, "0": "x"}}),
    ([1, 2], "join", 0), ([1, 2], "includes", 1, 5), ([1, 2, 3], "reduce", cb("log"), 0), ([U, 2, 1], "toSorted"),
    ([1, 2, 3, 4, 5], "copyWithin", 2, 0), ([1, 2, 3, 4, 5], "copyWithin", 0, 1, 3), (ARRAY, "()", 0), (ARRAY, "()", NAN),
    ({"o": {"length": 2, "0": "a", "1": "b"}}, "Array#keys"), ({"o": {"length": 2, "0": "a", "1": "b"}}, "Array#entries"),
    ("abc", "Array#indexOf", "b"), ("ab", "Array#concat", 1), ([1, 2, 3], "lastIndexOf", 3, INF),
    ("a,b,c", "split", ",", -1), ("abc", "split", U, 0), ("abc", "substring", NAN, 2), ("abc", "substr", NAN),
    ("abc", "padStart", NAN), ("abc", "padStart", "5", "-"), ("abc", "at", NAN), ("abc", "charAt", "1"),
    ("aaa", "lastIndexOf", "a", -5), ("abc", "replace", "b", "$"), ("abc", "replace", "b", "x$<y"),
    ("\u0391\u03a3 \u0391\u03a3.", "toLowerCase"), ("a\ud800b", "normalize", "NFD"), ("\ud800", "toUpperCase"),
    ("r\u00e9sum\u00e9", "localeCompare", "resume"), ("Resume", "localeCompare", "resume"), ("10", "localeCompare", "9"),
    ("a", "localeCompare", "\u00e1"), ("\u00e1", "localeCompare", "b"), ("a", "localeCompare"),
    (STRING, "raw", {"o": {"raw": ["a", "b", "c"]}}), (STRING, "fromCharCode", -1), (STRING, "fromCharCode"),
    ("a\ud83d", "codePointAt", 1), ("x", "concat"), ("\u200b a \u180e", "trim"), ("\u2028a\u3000", "trim"),
    ("abc", "localeCompare", {"o": {}}), (12, "String#padStart", 4, 0), (None, "String#trim"), (U, "String#at"),
    (5, "String#toString"), ({"o": {}}, "String#valueOf"),
    (re_(".", "gu", 1), "exec", "\ud83d\ude00"), (re_(".", "g", 1), "exec", "\ud83d\ude00"),
    ("a-b", "replace", re_("(?<x>-)"), "[$<x]"), ("a1b2c3", "split", re_("(\\d)"), 3), ("a1b2", "split", re_("\\d", "y")),
    ("aXa", "match", re_("a", "g", 2)), ("abab", "search", re_("b", "g", 3)), (re_("a", "g"), "toString"),
    (REGEXP, "()", "a", U), (REGEXP, "new", re_("a", "gi"), ""), (REGEXP, "new", re_("a", "g", 3)),
    ("aaaa", "matchAll", re_("a", "g", 2)), (re_("a"), "test", "a"), (re_("a", "gy"), "exec", "ba"),
    (re_("a", "gy", 1), "exec", "ba"), (re_("(a)|b", "g"), "exec", "b"), ("ab", "replace", re_("(a)|b", "g"), "[$1]"),
    ("x", "replace", re_("x"), "$`$'"), ("aaa", "replace", re_("a*?", "g"), "-"), ("abc", "split", re_("b"), U),
    ("A1", "replace", re_("(?<L>[A-Z])(?<d>\\d)"), "$<d>$<L>"), ("abc", "match", re_("(?<first>a)")),
    ("\ud83d\ude00", "match", re_(".", "u")), ("\ud83d\ude00", "match", re_(".")),
    (re_("a", "d"), "exec", "ba"),
]


def test_array_methods_match_node():
    check(ARRAY_CASES)


def test_string_methods_match_node():
    check(STRING_CASES)


def test_regexp_methods_match_node():
    check(REGEXP_CASES)


def test_corner_cases_match_node():
    check(EDGE_CASES)


def test_case_count():
    assert len(ARRAY_CASES) + len(STRING_CASES) + len(REGEXP_CASES) + len(EDGE_CASES) >= 150


# -- what node cannot be asked directly ---------------------------------------------------------------
def _call(rt, obj, name, *args):
    return rt.call(rt.get(obj, name), obj, *args)


def test_iterator_identities_and_fast_paths():
    rt = JsRuntime(Policy())
    AP, SP = rt.ArrayProto, rt.StringProto
    assert AP.props[SYM_ITERATOR] is AP.props["values"] is rt.array_values
    assert SP.props[SYM_ITERATOR] is rt.string_iter
    assert SP.props["trimLeft"] is SP.props["trimStart"] and SP.props["trimRight"] is SP.props["trimEnd"]
    assert list(rt.iterate("a\ud83d\ude00")) == ["a", "\ud83d\ude00"]
    arr = rt.new_array([1.0, 2.0])
    assert list(rt.iterate(arr)) == [1.0, 2.0]
    r = rt.call(rt.Gh["RegExp"], None, "a", "g")
    assert rt.call(rt.Gh["RegExp"], None, r) is r                  # RegExp(re) without new: the same object
    assert rt.construct(rt.Gh["RegExp"], r) is not r
    assert rt.own_keys(r) == [] and rt.own_keys(r, enumerable_only=False) == ["lastIndex"]


def test_lying_comparator_does_not_crash():
    """A comparator that contradicts itself gives some order (as in V8), never an error."""
    rt = JsRuntime(Policy())
    items = [float(i % 7) for i in range(60)]
    arr = rt.new_array(list(items))
    flip = iter(range(10 ** 6))
    liar = rt.native("liar", lambda this, a=None, b=None, *_: 1.0 if next(flip) % 3 else -1.0)
    _call(rt, arr, "sort", liar)
    assert sorted(arr.items) == sorted(items)


@pytest.mark.parametrize("limits, build", [
    (Limits(max_memory=1 << 20), lambda rt: rt.call(rt.Gh["Array"], None, 1e7)),
    (Limits(max_string=1000), lambda rt: _call(rt, "ab", "repeat", 1e4)),
    (Limits(max_string=1000), lambda rt: _call(rt, "ab", "padStart", 5000.0)),
    (Limits(max_instructions=20_000), lambda rt: _call(rt, _cyclic(rt), "flat", math.inf)),
    (Limits(max_instructions=20_000), lambda rt: _call(rt, rt.new_array([1.0] * 100_000), "indexOf", 2.0)),
    (Limits(max_instructions=50_000), lambda rt: _call(rt, "a" * 30 + "!", "match",
                                                         rt.construct(rt.Gh["RegExp"], "(a+)+$"))),
])
def test_library_work_is_metered(limits, build):
    rt = JsRuntime(Policy(limits=limits))
    with pytest.raises(LimitExceeded):
        build(rt)


def _cyclic(rt):
    a = rt.new_array([1.0])
    a.items.append(a)
    return a


# -- real programs: our compiler + libraries against node, one run each side ----------------------------------
SHOW = """const show = (...a) => console.log(a.map(x => typeof x === "string" ? "'" + x + "'" : String(x)).join(" | "));"""

PROGRAMS = {
    "arrays": r"""
const a = [5, 1, 4];
a.push(2, 3);
show(a, a.length, a.indexOf(4), a.includes(9));
show(a.slice().sort(), a.toSorted((x, y) => y - x), a);
for (const [i, v] of a.entries()) if (i < 2) show(i, v);
show([...a.keys()], Array.from(a.values(), x => x * 10));
show(Array.from(new Set([1, 2, 2, 3])), Array.from({ length: 3 }, (_, i) => i * i));
const people = [{ n: "ann", age: 30 }, { n: "bob", age: 25 }, { n: "cy", age: 30 }, { n: "di", age: 25 }];
show(people.sort((p, q) => p.age - q.age).map(p => p.n));
show(people.filter(p => p.age > 26).map(p => p.n).join("+"), people.find(p => p.n.startsWith("c")).age);
show(people.reduce((acc, p) => acc + p.age, 0), [[1, 2], [3, [4, [5]]]].flat(Infinity));
show([1, 2, 3].flatMap(x => [x, x * 2]), [1, 2, 3, 4].findLast(x => x % 2), [1, 2, 3].at(-1));
const s = [1, 2, 3, 4, 5];
show(s.splice(1, 2, "a", "b", "c"), s, s.reverse(), s.fill(0, 4));
show(Array(3).fill("x"), new Array(2, 3), Array.of(7), Array.isArray([]), Array.isArray("a"));
const sparse = [1, 2, 3];
sparse.length = 5;
show(sparse, sparse.length, sparse.join("-"));
try { [].reduce((x, y) => x + y); } catch (e) { show(e.name, e.message); }
try { new Array(-1); } catch (e) { show(e.name, e.message); }
try { [1].map(42); } catch (e) { show(e.name, e.message); }
try { [3, 1, 2].sort((x, y) => { throw new Error("cmp " + x + y); }); } catch (e) { show(e.message); }
const nested = [1, [2, [3]]];
nested.push(nested);
show(nested.join(";"), String([null, undefined, 1]));
let total = 0;
[10, 20, 30].forEach(function (v, i, arr) { total += v * i + arr.length + this.k; }, { k: 100 });
show(total, [3, 20, 100].sort(), ["b", undefined, "a"].sort());
show([..."h\u00e9llo"].reverse().join(""), [1, 2, 3].with(1, 9), [1, 2, 3].toReversed(), [1, 2, 3].toSpliced(0, 1));
const it = [1, 2][Symbol.iterator]();
show(it.next().value, it.next().value, it.next().done, [].concat([1], 2, [[3]]).length);
const [first, ...rest] = "abc";
show(first, rest, Math.max(...[4, 9, 2]), [0, -0, NaN].includes(NaN), [NaN].indexOf(NaN));
""",
    "strings": r"""
const s = "Hello, World";
show(s.toUpperCase(), s.toLowerCase(), s.length, s.at(-1), s.charAt(4), s.charCodeAt(0), s[7]);
show(s.indexOf("o"), s.lastIndexOf("o"), s.includes("World"), s.startsWith("Hell"), s.endsWith("!"));
show(s.slice(-5), s.substring(5, 0), s.substr(2, 3), s.split(", "), s.split(""), s.split("", 3));
show("  pad ".trim() + "|", "7".padStart(3, "0"), "ab".padEnd(5, "xy"), "ab".repeat(3), "a-b-c".replaceAll("-", "+"));
show("x".concat(1, [2, 3], null), "abc".replace("b", "[$&$`$']"), "aaa".replace("a", (m, i) => m + i));
const emoji = "I \u2764\ufe0f \ud83c\udf55!";
show(emoji.length, [...emoji].length, emoji.codePointAt(5), String.fromCodePoint(0x1f355), String.fromCharCode(72, 105));
for (const ch of "a\ud83d\ude00b") show(ch, ch.length);
show("Stra\u00dfe".toUpperCase(), "\u0130stanbul".toLowerCase().length, "ΟΔΟΣ".toLowerCase());
show("caf\u00e9" === "cafe\u0301".normalize(), "cafe\u0301".normalize("NFC").length, "\u00e9".normalize("NFD").length);
show(["b", "a", "C", "\u00e1"].sort((x, y) => x.localeCompare(y)), "a".localeCompare("b"));
show(String.raw`a\n${1 + 1}\t`, `t${"x".repeat(2)}l`, String(123), String(Symbol("q")), String(null), String([1, [2]]));
const w = new String("wrapped");
show(typeof w, w.toUpperCase(), w + "!", w.valueOf() === "wrapped", typeof String(5));
try { "a".repeat(-1); } catch (e) { show(e.name, e.message); }
try { String.fromCodePoint(-5); } catch (e) { show(e.name, e.message); }
try { null.trim(); } catch (e) { show(e.name); }
try { String.prototype.trim.call(undefined); } catch (e) { show(e.name, e.message); }
try { "a".normalize("nope"); } catch (e) { show(e.name, e.message); }
try { "a".startsWith(/a/); } catch (e) { show(e.name, e.message); }
show("a,b,,c".split(","), "abc".split(), "".split(""), "ab".split("", 0).length);
""",
    "regexps": r"""
const re = /(\d+)-(\d+)/g;
const text = "a 1-2 b 33-44 c 5-6";
let m;
while ((m = re.exec(text)) !== null) show(m[0], m[1], m[2], m.index, re.lastIndex);
show(re.lastIndex, re.source, re.flags, re.global, re.sticky, String(re), re instanceof RegExp);
show(text.match(/\d+/g), text.match(/(?<a>\d)-(?<b>\d)/).groups.b, text.search(/b/), text.replace(/\d/g, "#"));
show(text.replace(/(?<x>\d+)-(?<y>\d+)/g, "$<y>~$<x>"), text.replace(/(\d+)/g, (m0, d, off) => `[${d * 2}@${off}]`));
for (const mm of "k1=v1;k2=v2".matchAll(/(\w+)=(\w+)/g)) show(mm[1], mm[2], mm.index);
show([..."aXbXc".matchAll(/X/g)].map(x => x.index), "a1b2c3".split(/\d/), "a1b2c3".split(/(\d)/, 4));
const sticky = /foo/y;
sticky.lastIndex = 3;
show(sticky.test("barfoo"), sticky.lastIndex, sticky.test("barfoo"), sticky.lastIndex);
const lexer = /\s*(?:(\d+)|(\w+)|(.))/y;
const toks = [];
let t;
while ((t = lexer.exec("let x = 42;")) !== null) toks.push(t[1] ? "num:" + t[1] : t[2] ? "id:" + t[2] : "op:" + t[3]);
show(toks);
show(/a.c/s.test("a\nc"), /^b$/m.test("a\nb\nc"), /\u{1F600}/u.test("\ud83d\ude00"), /AB/i.test("ab"));
const d = /b(c)?/d.exec("abd");
show(d.indices[0], d.indices[1], d.index, d.input);
show(new RegExp("a/b", "g").source, String(new RegExp("")), RegExp("x", "i").flags, new RegExp(/ab/g, "y").flags);
try { new RegExp("("); } catch (e) { show(e.name, e.message); }
try { new RegExp("a", "zz"); } catch (e) { show(e.name, e.message); }
try { "x".replaceAll(/x/, "y"); } catch (e) { show(e.name, e.message); }
show("aaa".replace(/a*?/g, "-"), "\ud83d\ude00".replace(/(?:)/gu, "."), "abc".replace(/(?<first>a)/, (...args) => typeof args.at(-1)));
const camel = "background-color-value".replace(/-(\w)/g, (_, c) => c.toUpperCase());
show(camel, "  a  b ".split(/\s+/), "2024-01-15".replace(/(\d+)-(\d+)-(\d+)/, "$3/$2/$1"), "x".replace(/x/, "$$"));
const r2 = /o/g;
show("foo".search(r2), r2.lastIndex, "foo".match(r2), r2.lastIndex, r2.test("foo"), r2.lastIndex);
""",
}


def _sections(output: str) -> dict:
    parts = output.split("=== ")[1:]
    return {p.split("\n", 1)[0]: p.split("\n", 1)[1] for p in parts}


@pytest.mark.skipif("console" not in JsRuntime(Policy()).Gh, reason="needs the console library")
def test_programs_match_node():
    """All programs in one source, each in its own block, run once by node and once by us."""
    from llmspell import api
    src = SHOW + "\n" + "".join(f'console.log("=== {name}");\n{{\n{body}}}\n' for name, body in PROGRAMS.items())
    want = subprocess.run([NODE, "-"], input=src, capture_output=True, text=True, check=True).stdout
    got = api.run(src, lang="javascript", name="t.js").output
    want_s, got_s = _sections(want), _sections(got)
    assert list(want_s) == list(PROGRAMS)
    for name in PROGRAMS:
        assert got_s.get(name) == want_s[name], name
