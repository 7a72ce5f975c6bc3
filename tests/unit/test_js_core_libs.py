"""Differential tests of the core JavaScript libraries (Object, Reflect, Function, Error,
Number/Boolean/URI, Math, Symbol, Map/Set/WeakMap/WeakSet, Date) against node.

Each case is a JavaScript expression.  A group of cases becomes one program
``__run(() => (EXPR));`` per case; node runs it (one process for all groups,
strict mode, ``TZ=UTC``) and so does llmspell, where ``__run`` is a native that calls the
thunk and catches what it throws — so the cases need nothing from the
compiler beyond arrow functions.  Both sides reduce each result to the same
tagged JSON (numbers as their JS text, so ``-0``, NaN and ``true`` vs ``1``
stay distinct; arrays, plain objects, Maps, Sets and Dates structurally;
a throw as ``"Name: message"``) and the test compares them.

Node 20 has no ``Object.groupBy``/``Map.groupBy`` yet: the node prelude adds
them, written from the spec, only when missing.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess

import pytest
from llmspell import api
from llmspell.sandbox.policy import Policy
from llmspell.vm.execute import execute
from llmspell.vm.js.numconv import number_to_string
from llmspell.vm.js.values import JS_NULL, JsArray, JsFunction, JsObject, JsSymbol, from_host_str
from llmspell.vm.runtime import ScriptThrow

NODE = "/usr/bin/node"
pytestmark = pytest.mark.skipif(shutil.which(NODE) is None, reason="node is the reference")

GROUPS: dict[str, list[str]] = {}

GROUPS["object"] = [
    "Object.keys({a: 1, b: 2, 10: 3, 2: 4})",
    "Object.values({x: 1, y: 'two'})",
    "Object.entries({x: 1, y: [2]})",
    "Object.keys('abc')",
    "Object.values('ab')",
    "Object.entries([7, 8])",
    "Object.keys(null)",
    "Object.assign({a: 1}, {b: 2}, null, {a: 3})",
    "Object.assign({}, 'xy')",
    "Object.assign(1, {a: 1}).a",
    "Object.isFrozen(Object.freeze({a: 1}))",
    "Object.isFrozen({})",
    "Object.isFrozen(1)",
    "Object.isFrozen(Object.preventExtensions({}))",
    "Object.isSealed(Object.seal({a: 1}))",
    "Object.isFrozen(Object.seal({a: 1}))",
    "Object.isFrozen(Object.seal({}))",
    "Object.isExtensible(Object.preventExtensions({a: 1}))",
    "Object.isExtensible({})",
    "(() => { const o = Object.freeze({a: 1}); o.a = 2; })()",
    "(() => { const o = Object.freeze({a: 1}); o.b = 2; })()",
    "(() => { const o = Object.seal({a: 1}); delete o.a; })()",
    "(() => { const o = Object.preventExtensions({}); o.x = 1; })()",
    "Object.getPrototypeOf(Object.create(null))",
    "Object.getPrototypeOf([]) === Array.prototype",
    "Object.getPrototypeOf(1) === Number.prototype",
    "Object.getPrototypeOf(Object.create({p: 1})).p",
    "Object.create({p: 1}, {q: {value: 2, enumerable: true}})",
    "Object.create({p: 1}, {q: {value: 2}}).q",
    "Object.keys(Object.create({p: 1}, {q: {value: 2}}))",
    "Object.create(1)",
    "Object.create(null) instanceof Object",
    "Object.setPrototypeOf({}, null) instanceof Object",
    "(() => { const a = {}; const b = Object.create(a); Object.setPrototypeOf(a, b); })()",
    "Object.setPrototypeOf({}, 1)",
    "Object.setPrototypeOf(1, {})",
    "Object.setPrototypeOf(null, {})",
    "Object.setPrototypeOf(Object.preventExtensions({}), {})",
    "(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1}); return [o.x, Object.keys(o)] })()",
    "(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1}); o.x = 2; })()",
    "(() => { const o = {a: 1}; Object.defineProperty(o, 'a', {enumerable: false}); return [o.a, Object.keys(o)] })()",
    "(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1}); Object.defineProperty(o, 'x', {value: 2}); })()",
    "(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1}); Object.defineProperty(o, 'x', {value: 1}); "
    "return o.x })()",
    "(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1, configurable: true}); "
    "Object.defineProperty(o, 'x', {value: 2}); return o.x })()",
    "(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1}); delete o.x; })()",
    "(() => { let n = 0; const o = {}; Object.defineProperty(o, 'x', {get() { return ++n }, enumerable: true}); "
    "return [o.x, o.x, Object.keys(o)] })()",
    "(() => { const o = {}; Object.defineProperty(o, 'g', {get() { return 1 }}); o.g = 2; })()",
    "Object.defineProperty(1, 'x', {})",
    "Object.defineProperty({}, 'x', 1)",
    "Object.defineProperty({}, 'x', {get: 1})",
    "Object.defineProperty({}, 'x', {get() {}, value: 1})",
    "Object.defineProperty(Object.freeze({a: 1}), 'a', {value: 2})",
    "Object.defineProperty(Object.preventExtensions({}), 'a', {value: 2})",
    "Object.defineProperties({}, {a: {value: 1, enumerable: true}, b: {value: 2}})",
    "Object.getOwnPropertyNames({a: 1, b: 2})",
    "Object.getOwnPropertyNames([1, 2])",
    "Object.getOwnPropertyNames('ab')",
    "Object.getOwnPropertyNames(Object.defineProperty({}, 'h', {value: 1}))",
    "Object.getOwnPropertyDescriptor({a: 1}, 'a')",
    "Object.getOwnPropertyDescriptor({a: 1}, 'b')",
    "Object.getOwnPropertyDescriptor(Object.freeze({a: 1}), 'a')",
    "Object.getOwnPropertyDescriptor([5], 'length')",
    "Object.getOwnPropertyDescriptor([5], '0')",
    "Object.getOwnPropertyDescriptor('ab', 1)",
    "Object.getOwnPropertyDescriptor(Object.defineProperty({}, 'x', {get() { return 1 }}), 'x').set",
    "typeof Object.getOwnPropertyDescriptor(Object.defineProperty({}, 'x', {get() { return 1 }}), 'x').get",
    "Object.getOwnPropertyDescriptor(function f(a, b) {}, 'length')",
    "Object.getOwnPropertyDescriptor(Math, 'PI')",
    "Object.getOwnPropertyDescriptors({a: 1})",
    "(() => { const s = Symbol('k'); const o = {a: 1, [s]: 2}; return [Object.getOwnPropertySymbols(o).length, "
    "Object.keys(o)] })()",
    "Object.fromEntries([['a', 1], ['b', 2]])",
    "Object.fromEntries(new Map([['x', 1]]))",
    "Object.fromEntries([1])",
    "Object.fromEntries(Object.entries({a: 1, b: 2}))",
    "[Object.is(NaN, NaN), Object.is(0, -0), Object.is('a', 'a'), Object.is({}, {})]",
    "[Object.hasOwn({a: 1}, 'a'), Object.hasOwn({a: 1}, 'toString'), Object.hasOwn('ab', 1), Object.hasOwn([1], "
    "'length')]",
    "Object.groupBy([1, 2, 3, 4], x => x % 2 ? 'odd' : 'even')",
    "Object.getPrototypeOf(Object.groupBy([], x => x))",
    "Object(1) instanceof Number",
    "typeof Object('s')",
    "Object(null)",
    "new Object()",
    "(() => { const o = {}; return Object(o) === o })()",
    "({a: 1}).hasOwnProperty('a')",
    "({}).hasOwnProperty('toString')",
    "'abc'.hasOwnProperty('length')",
    "Object.prototype.isPrototypeOf([])",
    "Array.prototype.isPrototypeOf({})",
    "[({a: 1}).propertyIsEnumerable('a'), [1].propertyIsEnumerable('length'), [1].propertyIsEnumerable(0)]",
    "[Object.prototype.toString.call([]), Object.prototype.toString.call(null), "
    "Object.prototype.toString.call(undefined)]",
    "[Object.prototype.toString.call(1), Object.prototype.toString.call(''), Object.prototype.toString.call(true)]",
    "[Object.prototype.toString.call(() => 1), Object.prototype.toString.call(new Error('x')), "
    "Object.prototype.toString.call(new Date(0))]",
    "[Object.prototype.toString.call(new Map()), Object.prototype.toString.call(new Set()), "
    "Object.prototype.toString.call(Symbol())]",
    "[Object.prototype.toString.call(Math), Object.prototype.toString.call({[Symbol.toStringTag]: 'Custom'})]",
    "String({})",
    "({}).toLocaleString()",
    "(() => { const o = {}; return o.valueOf() === o })()",
    "({}).__proto__ === Object.prototype",
    "(() => { const o = {}; o.__proto__ = {z: 9}; return o.z })()",
    "(() => { const o = {}; o.__proto__ = 5; return Object.getPrototypeOf(o) === Object.prototype })()",
    "Object.keys(Object.prototype)",
]

#: integrity levels (seal, preventExtensions, defineProperty), bound-function instanceof, built-in subclasses
INTEGRITY = [
    "(() => { const o = Object.seal({a: 1}); o.a = 2; return o.a })()",
    "(() => { const o = Object.preventExtensions({a: 1}); o.a = 5; return o.a })()",
    "(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1, writable: true}); o.x = 2; return o.x })()",
    "(() => { const o = {}; Object.defineProperty(o, 'x', {value: 1}); o.y = 3; return o.y })()",
    "(() => { const o = {v: 1}; Object.defineProperty(o, 'w', {set(x) { this.v = x * 2 }}); o.w = 5; return o.v })()",
    "(() => { function P() {} const B = P.bind(null); return new P() instanceof B })()",
    "(() => { const o = Object.freeze({}); return delete o.x })()",
    "(() => { const o = Object.seal({a: 1}); return delete o.b })()",
    "(() => { const a = Object.seal([1, 2]); a[0] = 5; return a })()",
    "(() => { const a = Object.preventExtensions([1]); a[0] = 7; a[1] = 8; })()",
    "(() => { const a = Object.freeze([1]); a[0] = 2; })()",
    "(() => { const o = Object.defineProperty({}, 'k', {value: 1, configurable: true}); delete o.k; return "
    "Object.hasOwn(o, 'k') })()",
]

GROUPS["reflect"] = [
    "Reflect.ownKeys({b: 1, a: 2, 1: 3, [Symbol.iterator]: 4})",
    "Reflect.ownKeys([1, 2])",
    "Reflect.get({a: 1}, 'a')",
    "Reflect.get({get x() { return this.y; }, y: 1}, 'x', {y: 2})",
    "Reflect.has({a: 1}, 'a') && Reflect.has({}, 'toString') && !Reflect.has({}, 'zz')",
    "(() => { const o = {}; return [Reflect.set(o, 'a', 1), o.a] })()",
    "(() => { const o = Object.freeze({a: 1}); return [Reflect.set(o, 'a', 2), o.a] })()",
    "(() => { const o = Object.preventExtensions({}); return [Reflect.set(o, 'b', 2), 'b' in o] })()",
    "(() => { const o = {get x() { return 1; }}; return Reflect.set(o, 'x', 2) })()",
    "(() => { const o = {set x(v) { this.seen = v; }}; return [Reflect.set(o, 'x', 5), o.seen] })()",
    "(() => { const o = {}; return [Reflect.defineProperty(o, 'a', {value: 1}), o.a, "
    "Reflect.defineProperty(o, 'a', {value: 2}), o.a] })()",
    "(() => { const o = Object.preventExtensions({}); return Reflect.defineProperty(o, 'a', {value: 1}) })()",
    "(() => { const o = {a: 1}; return [Reflect.deleteProperty(o, 'a'), 'a' in o] })()",
    "(() => { const o = Object.freeze({a: 1}); return [Reflect.deleteProperty(o, 'a'), o.a] })()",
    "Reflect.deleteProperty({}, 'nothing')",
    "Reflect.getOwnPropertyDescriptor({a: 1}, 'a')",
    "Reflect.getOwnPropertyDescriptor({}, 'a')",
    "Reflect.getPrototypeOf([]) === Array.prototype",
    "(() => { const o = {}; const p = {z: 1}; return [Reflect.setPrototypeOf(o, p), o.z] })()",
    "(() => { const o = {}; return Reflect.setPrototypeOf(Object.prototype, o) })()",
    "(() => { const o = Object.preventExtensions({}); return Reflect.setPrototypeOf(o, {}) })()",
    "(() => { const o = {}; return [Reflect.isExtensible(o), Reflect.preventExtensions(o), "
    "Reflect.isExtensible(o)] })()",
    "Reflect.apply(Math.max, null, [1, 5, 3])",
    "Reflect.apply(function () { return this.v; }, {v: 7}, [])",
    "Reflect.apply(String.prototype.slice, 'hello', {length: 2, 0: 1, 1: 3})",
    "(() => { class A { constructor(x) { this.x = x; } } return Reflect.construct(A, [4]).x })()",
    "(() => { class A {} class B {} return Object.getPrototypeOf(Reflect.construct(A, [], B)) === B.prototype })()",
    "Reflect.construct(Date, [0]).getTime()",
    "String(Reflect)",
    "Reflect.get(1, 'a')",
    "Reflect.ownKeys('abc')",
    "Reflect.apply(1)",
    "Reflect.apply(null)",
    "Reflect.apply({})",
    "Reflect.apply(undefined)",
    "Reflect.construct(Math.max, [])",
    "Reflect.apply(Math.max, null, 5)",
    "Reflect.construct(() => 1, [])",
    "Reflect.defineProperty({}, 'a', 1)",
    "Reflect.setPrototypeOf({}, 5)",
]

GROUPS["function"] = [
    "(function (a, b) { return [this.x, a, b] }).call({x: 1}, 2, 3)",
    "(function (a, b) { return [this.x, a, b] }).apply({x: 1}, [2, 3])",
    "(function () { return arguments.length }).apply(null)",
    "(function (a) { return a }).apply(null, {length: 1, 0: 'z'})",
    "(function () {}).apply(null, 1)",
    "Math.max.apply(null, [1, 5, 3])",
    "(() => { const f = function (a, b, c) { return [this.v, a, b, c] }.bind({v: 0}, 1); return f(2, 3) })()",
    "(() => { function add(a, b, c) {} const g = add.bind(null, 1); return [g.name, g.length] })()",
    "(() => { function add(a, b) {} const g = add.bind(null, 1, 2, 3); return g.length })()",
    "(() => { function P(x) { this.x = x } const B = P.bind(null, 7); const o = new B(); return [o.x, o instanceof "
    "P] })()",
    "Function.prototype.bind.call(1)",
    "String(Math.max)",
    "Function.prototype.toString.call({})",
    "(() => function () {})() instanceof Function",
    "Object.getPrototypeOf(function () {}) === Function.prototype",
    "Function.prototype.constructor === Function",
    "typeof Function.prototype",
    "Function.prototype[Symbol.hasInstance].call(Array, [])",
    "(function (a, b) {}).length",
    "(function named() {}).name",
    "(() => { const f = function () {}; return f.name })()",
]

GROUPS["error"] = [
    "new Error('boom').message",
    "String(new Error('boom'))",
    "String(new Error())",
    "String(new TypeError('t'))",
    "String(RangeError('no new'))",
    "Object.keys(new Error('x'))",
    "new Error('x', {cause: 42}).cause",
    "'cause' in new Error('x')",
    "'message' in new Error() && Object.hasOwn(new Error(), 'message')",
    "new Error(undefined).hasOwnProperty('message')",
    "new Error(12).message",
    "[new TypeError('x') instanceof TypeError, new TypeError('x') instanceof Error, new Error('x') instanceof "
    "TypeError]",
    "[TypeError.prototype.name, Error.prototype.message, SyntaxError.name, URIError.length]",
    "Object.getPrototypeOf(RangeError) === Error",
    "Object.getPrototypeOf(EvalError.prototype) === Error.prototype",
    "(() => { const e = new Error('m'); e.name = 'Custom'; return String(e) })()",
    "(() => { const e = new Error('m'); e.name = ''; return String(e) })()",
    "(() => { const e = new Error(''); e.name = 'N'; return e.toString() })()",
    "Error.prototype.toString.call({name: 'A', message: 'b'})",
    "Error.prototype.toString.call({})",
    "Error.prototype.toString.call(1)",
    "new Error('abc').stack.split('\\n')[0]",
    "new TypeError().stack.split('\\n')[0]",
    "(() => { const o = {}; Error.captureStackTrace(o); return typeof o.stack })()",
    "(() => { const o = {}; Error.captureStackTrace(o); return [Object.keys(o), o.stack.split('\\n')[0]] })()",
    "(() => { const o = {name: 'X', message: 'y'}; Error.captureStackTrace(o); return o.stack.split('\\n')[0] })()",
    "Error.captureStackTrace(1)",
    "(() => { const e = new AggregateError([1, new Error('in')], 'many'); return [e.message, e.errors.length, "
    "e.name] })()",
    "String(new AggregateError([]))",
    "Object.prototype.toString.call(new RangeError())",
    "(() => { const e = new Error('q'); return [e.propertyIsEnumerable('message'), "
    "e.propertyIsEnumerable('stack')] })()",
    "null.x",
    "undefined.y = 1",
    "Symbol() + ''",
]

GROUPS["integrity"] = INTEGRITY

GROUPS["error_subclass"] = [
    "(() => { class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr' } } const e = new MyErr('x');"
    " return [String(e), e instanceof MyErr, e instanceof Error, e.message, e.stack.split('\\n')[0]] })()",
    "(() => { class E2 extends TypeError {} const e = new E2('y'); return [String(e), e instanceof TypeError, "
    "e.name] })()",
    "(() => { class E3 extends Error { constructor() { super('fixed', {cause: 'c'}) } } const e = new E3();"
    " return [e.message, e.cause, Object.keys(e)] })()",
    "(() => { class M extends Map { get first() { return this.keys().next().value } } const m = new M([[3, 4]]);"
    " return [m.first, m.size, m instanceof Map] })()",
    "(() => { class S extends Set {} const s = new S([1, 1, 2]); return [s.size, s.has(2)] })()",
    "(() => { class D extends Date { year() { return this.getFullYear() } } return new D(0).year() })()",
]

GROUPS["number"] = [
    "[Number('12'), Number(''), Number(' 0x10 '), Number('1e3'), Number('abc'), Number(null), Number(undefined)]",
    "[Number(), Number(true), Number([5]), Number([1, 2]), Number({})]",
    "typeof new Number(5)",
    "new Number(5) + 1",
    "new Number(5) instanceof Number",
    "[Number.isInteger(5), Number.isInteger(5.5), Number.isInteger('5'), Number.isInteger(Infinity)]",
    "[Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(-(2 ** 53 - 1))]",
    "[Number.isFinite('1'), isFinite('1'), Number.isNaN('x'), isNaN('x'), isNaN(undefined), isFinite(null)]",
    "[Number.EPSILON, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE]",
    "[Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]",
    "Number.parseFloat === parseFloat && Number.parseInt === parseInt",
    "[parseInt('42px'), parseInt('0x1f'), parseInt('1f', 16), parseInt('  -12'), parseInt(''), parseInt('z', 36)]",
    "[parseInt('10', 2), parseInt('10', 1), parseInt('10', 37), parseInt(15.99), parseInt('1e3'), parseInt(null, 36)]",
    "[parseFloat('3.14abc'), parseFloat('.5'), parseFloat('-Infinityx'), parseFloat('e5'), parseFloat('1e-7')]",
    "['1', '2', '3'].map(parseInt)",
    "['1.5', '2', 'x'].map(Number)",
    "[(255).toString(16), (255).toString(2), (-7.5).toString(2), (0.1).toString(3), (1e21).toString(36)]",
    "(10).toString(1)",
    "[(1.005).toFixed(2), (1234.5678).toFixed(1), (0).toFixed(2), (-1.5).toFixed(0), (1e21).toFixed(2)]",
    "(1).toFixed(101)",
    "[(123.456).toPrecision(4), (0.00001234).toPrecision(2), (1e21).toPrecision(3), (5).toPrecision()]",
    "[(123456).toExponential(2), (0).toExponential(), (1.5).toExponential(3)]",
    "(1).toPrecision(0)",
    "[(5).valueOf(), new Number(7).valueOf(), Number.prototype.valueOf.call(3)]",
    "Number.prototype.toString.call('x')",
    "Number.prototype.toFixed.call('x')",
    "[(1234567.891).toLocaleString(), (0.0005).toLocaleString(), (-1234.5).toLocaleString(), (1e21).toLocaleString()]",
    "[NaN.toLocaleString(), (-Infinity).toLocaleString(), (-0).toLocaleString(), (999.9999).toLocaleString()]",
    "[(12).toLocaleString(), (1000).toLocaleString(), (0.1 + 0.2).toLocaleString(), (2.5e-7).toLocaleString()]",
    "[(1.2345e15).toLocaleString(), (-0.0004).toLocaleString()]",
    "[Boolean(0), Boolean('0'), Boolean(''), Boolean({}), Boolean(NaN), Boolean()]",
    "[typeof new Boolean(false), new Boolean(false) ? 1 : 2, new Boolean(true).valueOf()]",
    "[true.toString(), false.valueOf(), new Boolean(1).toString(), String(new Boolean(0))]",
    "Boolean.prototype.toString.call('x')",
    "Boolean.prototype.valueOf.call(1)",
    "[encodeURIComponent('a b&c=d/é?'), encodeURI('http://x.y/a b?q=1&r=é#h')]",
    "[encodeURIComponent(\"-_.!~*'()\"), encodeURI(';/?:@&=+$,#')]",
    "encodeURIComponent(String.fromCharCode(0xd800))",
    "encodeURIComponent(String.fromCharCode(0xdc00) + 'x')",
    "encodeURIComponent(String.fromCharCode(0xd83d, 0xde00))",
    "[encodeURIComponent('😀'), encodeURI('\\ud83d\\ude00/é')]",
    "encodeURI('\\ud800')",
    "[decodeURIComponent('a%20b%26c'), decodeURIComponent('%F0%9F%98%80'), decodeURIComponent('%c3%a9')]",
    "[decodeURI('%23%26%20'), decodeURIComponent('%23%26%20'), decodeURI('a%2Fb')]",
    "decodeURIComponent('%')",
    "decodeURIComponent('%zz')",
    "decodeURIComponent('%C3')",
    "decodeURIComponent('%C3%28')",
    "decodeURIComponent('%FF')",
    "decodeURIComponent('%ED%A0%80')",
    "encodeURIComponent(null)",
]

GROUPS["math"] = [
    "[Math.abs(-3), Math.abs(-0), Math.abs('-2'), Math.abs(null), Math.abs(), Math.abs([-4])]",
    "[Math.floor(-0.5), Math.floor(-0), Math.floor(1.5), Math.floor(-Infinity), Math.floor(NaN)]",
    "[Math.ceil(-0.5), Math.ceil(0.2), Math.ceil(-0), Math.ceil(-1.5), Math.ceil(1e300)]",
    "[Math.trunc(-0.9), Math.trunc(4.7), Math.trunc(-4.7), Math.trunc(Infinity), Math.trunc('x')]",
    "[Math.round(-0.5), Math.round(0.5), Math.round(2.5), Math.round(-2.5), Math.round(-2.6), "
    "Math.round(0.49999999999999994)]",
    "[Math.round(-0), Math.round(-0.4), Math.round(4503599627370495.5), Math.round(-4503599627370495.5), "
    "Math.round(1e20)]",
    "[Math.sign(-3), Math.sign(0), Math.sign(-0), Math.sign(NaN), Math.sign('5')]",
    "[Math.max(), Math.min(), Math.max(1, NaN, 3), Math.max(0, -0), Math.min(0, -0), Math.min(-0, 0)]",
    "[Math.max(1, '7', 3), Math.min([2], 5), Math.max(-Infinity, -1e308), Math.max(undefined, 1)]",
    "Math.max(Symbol())",
    "[Math.sqrt(-1), Math.sqrt(-0), Math.sqrt(16), Math.sqrt(Infinity), Math.sqrt(2)]",
    "[Math.cbrt(-8), Math.cbrt(27), Math.cbrt(-0), Math.cbrt(-Infinity), Math.cbrt(2), Math.cbrt(5e-324), "
    "Math.cbrt(-1e308)]",
    "[Math.exp(0), Math.exp(1), Math.exp(1000), Math.exp(-Infinity), Math.exp(-1000)]",
    "[Math.expm1(0), Math.expm1(-0), Math.expm1(1e-10), Math.expm1(1000), Math.expm1(-Infinity)]",
    "[Math.log(0), Math.log(-0), Math.log(-1), Math.log(1), Math.log(Math.E), Math.log(Infinity)]",
    "[Math.log2(8), Math.log2(0), Math.log2(-2), Math.log10(1000), Math.log10(0.001), Math.log10(-0)]",
    "[Math.log1p(-1), Math.log1p(-2), Math.log1p(0), Math.log1p(-0), Math.log1p(1e-10)]",
    "[Math.sin(0), Math.sin(-0), Math.sin(Infinity), Math.cos(0), Math.cos(Math.PI), Math.tan(-0), Math.tan(Infinity)]",
    "[Math.asin(2), Math.asin(1), Math.asin(-0), Math.acos(1), Math.acos(-1.5), Math.atan(Infinity), Math.atan(-0)]",
    "[Math.atan2(0, -0), Math.atan2(-0, -0), Math.atan2(-0, 0), Math.atan2(1, 0), Math.atan2(Infinity, Infinity)]",
    "[Math.atan2(-1, -Infinity), Math.atan2(NaN, 1), Math.atan2(1, 1)]",
    "[Math.sinh(0), Math.sinh(-0), Math.sinh(1000), Math.sinh(-1000), Math.cosh(1000), Math.cosh(-0), Math.tanh(1000)]",
    "[Math.tanh(-Infinity), Math.tanh(-0), Math.asinh(-0), Math.asinh(Infinity), Math.acosh(0.5), Math.acosh(1)]",
    "[Math.atanh(1), Math.atanh(-1), Math.atanh(2), Math.atanh(-0), Math.atanh(0.5)]",
    "[Math.pow(2, 10), Math.pow(NaN, 0), Math.pow(1, Infinity), Math.pow(-8, 1/3), Math.pow(-0, -1), Math.pow(-0, -2)]",
    "[Math.pow(0, -1), Math.pow(-Infinity, 3), Math.pow(-Infinity, 2), Math.pow(2, 1024), Math.pow(-2, 1025), "
    "Math.pow(2, -1075)]",
    "[Math.hypot(), Math.hypot(3, 4), Math.hypot(NaN, Infinity), Math.hypot(NaN, 1), Math.hypot(-0), "
    "Math.hypot(1e200, 1e200)]",
    "[Math.fround(5.5), Math.fround(5.05), Math.fround(1e40), Math.fround(-1e40), Math.fround(-0), "
    "Math.fround(3.4028235677973366e38)]",
    "[Math.fround(3.4028235677973362e38), Math.fround(1e-46), Math.fround(-1e-46), Math.fround(2 ** -149)]",
    "[Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.clz32(0.5), Math.clz32(2 ** 32), Math.clz32(NaN)]",
    "[Math.imul(2, 4), Math.imul(-1, 8), Math.imul(0xffffffff, 5), Math.imul(2 ** 31, 2), Math.imul(1.9, 2.9)]",
    "[Math.E, Math.LN10, Math.LN2, Math.LOG10E, Math.LOG2E, Math.PI, Math.SQRT1_2, Math.SQRT2]",
    "(() => { Math.PI = 3; })()",
    "Object.keys(Math)",
    "String(Math)",
    "(() => { const r = Math.random(); return [r >= 0, r < 1, typeof r] })()",
    "(() => { let calls = []; Math.max({valueOf() { calls.push(1); return 1 }}, {valueOf() { calls.push(2); return "
    "NaN }}); return calls })()",
    "[Math.sin(1), Math.cos(1), Math.tan(1), Math.exp(2), Math.log(10), Math.atan(2), Math.sinh(1), Math.tanh(0.5)]",
]

GROUPS["symbol"] = [
    "typeof Symbol()",
    "Symbol('d').toString()",
    "Symbol().toString()",
    "Symbol('d').description",
    "Symbol().description",
    "Symbol(undefined).description",
    "Symbol(12).description",
    "Symbol('a') === Symbol('a')",
    "Symbol.for('k') === Symbol.for('k')",
    "Symbol.keyFor(Symbol.for('k2'))",
    "Symbol.keyFor(Symbol('k3'))",
    "Symbol.keyFor('x')",
    "new Symbol()",
    "Symbol.for(Symbol())",
    "[typeof Symbol.iterator, typeof Symbol.asyncIterator, typeof Symbol.hasInstance, typeof Symbol.toPrimitive, "
    "typeof Symbol.toStringTag]",
    "Symbol.iterator.toString()",
    "Symbol.iterator.description",
    "[][Symbol.iterator] === Array.prototype.values",
    "Object(Symbol('w')).toString()",
    "typeof Object(Symbol('w'))",
    "Symbol.prototype.toString.call('x')",
    "Symbol('x') + 1",
    "`${Symbol('t')}`",
    "String(Symbol('s'))",
    "(() => { const s = Symbol('k'); const o = {[s]: 1}; return [o[s], Object.keys(o).length, s in o] })()",
    "Symbol.prototype[Symbol.toStringTag]",
    "(() => { const s = Symbol('v'); return Object(s).valueOf() === s })()",
    "(() => { const s = Symbol('p'); return s[Symbol.toPrimitive]() === s })()",
    "({[Symbol.toPrimitive](hint) { return hint }}) + ''",
    "`${{[Symbol.toPrimitive](hint) { return hint }}}`",
    "+{[Symbol.toPrimitive](hint) { return hint === 'number' ? 42 : 0 }}",
]

GROUPS["collections"] = [
    "new Map([[1, 'a'], ['1', 'b']]).size",
    "(() => { const m = new Map(); m.set(NaN, 1); return [m.get(NaN), m.has(NaN), m.size] })()",
    "(() => { const m = new Map(); m.set(-0, 'z'); return [m.get(0), m.has(-0), Object.is([...m.keys()][0], -0)] })()",
    "(() => { const m = new Map(); m.set(1, 'one').set(true, 'T').set('1', 's'); return [m.get(1), m.get(true), "
    "m.get('1'), m.size] })()",
    "(() => { const m = new Map(); m.set(0, 'zero'); return [m.get(false), m.has(false)] })()",
    "(() => { const k = {}; const m = new Map([[k, 1]]); return [m.get(k), m.get({}), m.has(k)] })()",
    "(() => { const m = new Map([['a', 1], ['b', 2]]); return [m.delete('a'), m.delete('zz'), [...m.keys()]] })()",
    "(() => { const m = new Map([['a', 1]]); m.clear(); return [m.size, m.get('a')] })()",
    "[...new Map([['a', 1], ['b', 2]])]",
    "[...new Map([['a', 1], ['b', 2]]).entries()]",
    "[...new Map([['a', 1], ['b', 2]]).values()]",
    "(() => { const m = new Map([['a', 1], ['b', 2], ['c', 3]]); m.delete('a'); m.set('a', 9); return "
    "[...m.keys()] })()",
    "(() => { const m = new Map([['a', 1]]); m.set('a', 2); return [...m] })()",
    "(() => { const m = new Map([[1, 1]]); const seen = []; for (const [k] of m) { seen.push(k); if (k < 5) "
    "m.set(k + 1, 0) } return seen })()",
    "(() => { const m = new Map([[1, 1], [2, 2], [3, 3]]); const seen = []; for (const [k] of m) { seen.push(k); "
    "m.delete(k + 1) } return seen })()",
    "(() => { const m = new Map([[1, 1], [2, 2]]); const seen = []; for (const [k] of m) { seen.push(k); "
    "m.delete(k) } return [seen, m.size] })()",
    "(() => { const m = new Map([['x', 1], ['y', 2]]); const out = []; m.forEach(function (v, k, mm) { "
    "out.push([k, v, mm === m, this.t]) }, {t: 'T'}); return out })()",
    "(() => { const s = new Set([1, 2]); const out = []; s.forEach((v, k, ss) => out.push([v, k, ss === s])); "
    "return out })()",
    "(() => { const s = new Set([1]); const seen = []; s.forEach(v => { seen.push(v); if (v < 4) s.add(v + 1) }); "
    "return seen })()",
    "Map()",
    "Set()",
    "new Map([1])",
    "new Map([[1, 2]]).get.call({}, 1)",
    "Map.prototype.get.call(new Set(), 1)",
    "new Map(null).size",
    "new Set(undefined).size",
    "new Map().forEach(1)",
    "[Object.prototype.toString.call(new Map()), String(new Set()), Map.name, Map.length, "
    "Set.prototype[Symbol.toStringTag]]",
    "Set.prototype.keys === Set.prototype.values",
    "Map.prototype[Symbol.iterator] === Map.prototype.entries",
    "Set.prototype[Symbol.iterator] === Set.prototype.values",
    "new Set('hello').size",
    "[...new Set([3, 1, 3, 2, 1])]",
    "(() => { const s = new Set([NaN, NaN, 0, -0, '0', false]); return [s.size, s.has(NaN), s.has(-0)] })()",
    "(() => { const s = new Set([1, 2]); return [s.add(3) === s, s.delete(1), s.delete(1), s.has(1), s.size] })()",
    "[...new Set(['a', 'b']).entries()]",
    "(() => { const s = new Set(['a']); s.clear(); return s.size })()",
    "(() => { const it = new Map([[1, 2]]).entries(); return [it.next(), it.next()] })()",
    "(() => { const it = new Set([5]).values(); return [it.next().value, it.next().done] })()",
    "Object.prototype.toString.call(new Map().entries())",
    "new Map([['a', 1]])",
    "new Set([1, 'x', [2]])",
    "Map.groupBy([1, 2, 3, 4, 5], x => x % 2)",
    "Map.groupBy(['ab', 'c', 'de'], s => s.length).get(2)",
    "(() => { const w = new WeakMap(); const k = {}; w.set(k, 1); return [w.get(k), w.has(k), w.has({}), "
    "w.delete(k), w.has(k)] })()",
    "new WeakMap().set(1, 1)",
    "new WeakSet().add('s')",
    "(() => { const w = new WeakSet(); const k = []; w.add(k); return [w.has(k), w.has([]), w.delete(k), w.has(k)] "
    "})()",
    "new WeakMap().get(1)",
    "new WeakMap().has('x')",
    "WeakMap()",
    "(() => { const k = {}; return new WeakMap([[k, 'v']]).get(k) })()",
    "String(new WeakMap())",
    "new Set([1]).size = 5",
]

GROUPS["date"] = [
    "new Date(0).toISOString()",
    "new Date(1704164645123).toISOString()",
    "new Date(2024, 0, 2, 3, 4, 5, 6).toISOString()",
    "new Date(2024, 0).toISOString()",
    "new Date(99, 11, 31).getFullYear()",
    "new Date(2024, 13, 35).toISOString()",
    "new Date(2024, -1, 1).toISOString()",
    "new Date(2024, 0, 1.9, 25.5).toISOString()",
    "new Date(NaN).getTime()",
    "new Date(8.64e15).toISOString()",
    "new Date(8.64e15 + 1).getTime()",
    "new Date(-1e14).toISOString()",
    "new Date(253402300800000).toISOString()",
    "new Date(-62198755200000).toISOString()",
    "new Date('2024-01-02T03:04:05Z').getTime()",
    "new Date(new Date(5)).getTime()",
    "new Date('x').getTime()",
    "new Date(true).getTime()",
    "new Date(1.9).getTime()",
    "new Date(-1.9).getTime()",
    "String(new Date(NaN))",
    "new Date(NaN).toISOString()",
    "new Date(NaN).toJSON()",
    "new Date(0).toJSON()",
    "new Date(1704164645000).toString()",
    "new Date(1704164645000).toDateString()",
    "new Date(1704164645000).toTimeString()",
    "new Date(1704164645000).toUTCString()",
    "new Date(1704207845000).toLocaleString()",
    "new Date(1704164645000).toLocaleDateString()",
    "new Date(1704164645000).toLocaleTimeString()",
    "new Date(1704153600000).toLocaleTimeString()",
    "new Date(1704196800000).toLocaleTimeString()",
    "[new Date(NaN).toDateString(), new Date(NaN).toUTCString(), new Date(NaN).toLocaleString()]",
    "new Date(-1e14).toString()",
    "new Date(-1e14).toUTCString()",
    "new Date(-62198755200000).toString()",
    "(() => { const d = new Date(1704164645123); return [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), "
    "d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()] })()",
    "(() => { const d = new Date(1704164645123); return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), "
    "d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()] })()",
    "[new Date(0).getTimezoneOffset(), new Date(NaN).getTimezoneOffset(), new Date(NaN).getFullYear(), new "
    "Date(NaN).getDay()]",
    "[new Date(-1).getUTCFullYear(), new Date(-1).getUTCMilliseconds(), new Date(-86400001).getUTCDay()]",
    "(() => { const d = new Date(0); return [d.setFullYear(2020), d.toISOString()] })()",
    "(() => { const d = new Date(0); d.setFullYear(2020, 1, 29); return d.toISOString() })()",
    "(() => { const d = new Date(NaN); d.setFullYear(2020); return d.toISOString() })()",
    "(() => { const d = new Date(NaN); return [d.setMonth(1), d.getTime()] })()",
    "(() => { const d = new Date(0); d.setMonth(14, 3); return d.toISOString() })()",
    "(() => { const d = new Date(0); d.setDate(0); return d.toISOString() })()",
    "(() => { const d = new Date(0); d.setHours(25, 61, 61, 1001); return d.toISOString() })()",
    "(() => { const d = new Date(0); d.setMinutes(-1); return d.toISOString() })()",
    "(() => { const d = new Date(0); d.setSeconds(90, 5); return d.toISOString() })()",
    "(() => { const d = new Date(0); d.setMilliseconds(-1); return d.toISOString() })()",
    "(() => { const d = new Date(0); d.setUTCHours(5); d.setUTCDate(15); d.setUTCMonth(6); d.setUTCFullYear(1999); "
    "return d.toISOString() })()",
    "(() => { const d = new Date(0); d.setUTCMinutes(30, 15, 100); d.setUTCSeconds(1); d.setUTCMilliseconds(2); "
    "return d.toISOString() })()",
    "(() => { const d = new Date(0); return [d.setTime(86400000), d.getUTCDate(), d.setTime('x'), d.getTime()] })()",
    "(() => { const d = new Date(0); return [d.setDate(), d.getTime()] })()",
    "(() => { const d = new Date(0); d.setFullYear(275760, 8, 14); return [d.getTime(), d.setMilliseconds(1)] })()",
    "Date.UTC(2024, 0, 2)",
    "[Date.UTC(2024), Date.UTC(), Date.UTC(99, 0), Date.UTC(2024, 1, 30, 24), Date.UTC(NaN)]",
    "[Date.parse('2024-01-02'), Date.parse('2024-01-02T03:04:05'), Date.parse('2024-01-02T03:04:05.678Z')]",
    "[Date.parse('2024'), Date.parse('2024-01'), Date.parse('+002024-01-02'), Date.parse('-000001-01-01T00:00:00Z')]",
    "[Date.parse('2024-02-30'), Date.parse('2024-13-01'), Date.parse('2024-01-32'), "
    "Date.parse('2024-02-29T24:00:00Z')]",
    "[Date.parse('2024-01-02T24:00:01Z'), Date.parse('2024-01-02T03Z'), Date.parse('2024-01-02T03:04:05.Z')]",
    "[Date.parse('2024-01-02T03:04:05.123456Z'), Date.parse('2024-01-02T03:04:05.1Z'), "
    "Date.parse('2024-01-02T03:04:05+01:00')]",
    "[Date.parse('2024-01-02T03:04:05-0130'), Date.parse('2024-01-02t03:04:05z'), Date.parse('2024-01-02T03:04')]",
    "[Date.parse('2024-01-02 03:04:05'), Date.parse('2024-1-2'), Date.parse('2024/01/02'), Date.parse('1/2/2024')]",
    "[Date.parse('Jan 2, 2024'), Date.parse('January 2, 2024 10:00:00'), Date.parse('2 January 2024'), "
    "Date.parse('2024 Jan 2')]",
    "[Date.parse('Tue Jan 02 2024 03:04:05 GMT+0000 (Coordinated Universal Time)'), Date.parse('Tue, 02 Jan 2024 "
    "03:04:05 GMT')]",
    "[Date.parse('Tue Jan 02 2024'), Date.parse('1/2/24'), Date.parse('1/2/70'), Date.parse('12'), "
    "Date.parse('1/2'), Date.parse('Jan 2')]",
    "[Date.parse('Jan 2 2024 3:04 PM'), Date.parse('Jan 2 2024 12:00 AM'), Date.parse('Jan 2 2024 12:30 pm'), "
    "Date.parse('Jan 2 2024 13:00 PM')]",
    "[Date.parse('Jan 2 2024 10:00 GMT+0530'), Date.parse('Jan 2 2024 10:00 +05:30'), Date.parse('Dec 25, 1995 "
    "13:30:00 +0430')]",
    "[Date.parse('Thu, 01 Jan 1970 00:00:00 GMT-0100'), Date.parse('Jan 2 2024 10:00 EST'), Date.parse('Jan 2 2024 "
    "10:00 PDT')]",
    "[Date.parse('nonsense'), Date.parse(''), Date.parse(' 2024-01-02'), Date.parse('Jan 32 2024'), "
    "Date.parse('Feb 30 2024')]",
    "[Date.parse('-000000-01-01'), Date.parse('2024-01-02T10:00:00.5'), Date.parse('10:00 Jan 2 2024'), "
    "Date.parse('2024-01-02 10:00 xyz')]",
    "[Date.parse('Sat, 1 Jan 2000 00:00:00'), Date.parse('2000-01-01T00:00:00.000+05:00'), Date.parse('Jan 2 2024 "
    "10:00:00.250')]",
    "[Date.parse('June 5 2020 10:20:30 UTC'), Date.parse('5 June 2020'), Date.parse('2020-06-05T10:20:30.000-00:00')]",
    "Date.parse(new Date(1704164645000).toString()) === 1704164645000",
    "Date.parse(new Date(1704164645000).toUTCString())",
    "Date.parse(new Date(1704164645123).toISOString())",
    "typeof Date()",
    "Date.length",
    "new Date(0) - new Date(1000)",
    "new Date(0) + 1",
    "`${new Date(0)}`",
    "new Date(0) < new Date(1)",
    "(() => { const d = new Date(0); const f = d[Symbol.toPrimitive]; return [f.call(d, 'number'), f.call(d, "
    "'default'), f.call(d, 'string')] })()",
    "(() => { const d = new Date(0); const f = d[Symbol.toPrimitive]; return f.call(d, 'bogus') })()",
    "(() => { const f = Date.prototype[Symbol.toPrimitive]; return f.call(1, 'number') })()",
    "[Date.prototype.setDate.call({}), Date.prototype.toISOString.call([])]",
    "Date.prototype.toGMTString === Date.prototype.toUTCString",
    "[new Date(-62198755200000).toUTCString(), new Date(-62198755200000).toDateString(), new "
    "Date(-62198755200000).toLocaleDateString()]",
    "Date.prototype.getTime.call({})",
    "Date.prototype.toString.call(1)",
    "Object.prototype.toString.call(Date.prototype)",
    "new Date(0).valueOf()",
    "new Date(2020, 5, 15).getDay()",
    "new Date(1e12).toISOString()",
]


# -- running the cases -----------------------------------------------------------------------------
NODE_PRELUDE = r"""
"use strict";
if (!Object.groupBy) Object.defineProperty(Object, "groupBy", {writable: true, configurable: true,
  value: function groupBy(items, cb) {
    const out = Object.create(null); let i = 0;
    for (const v of items) { const k = cb(v, i++); const key = typeof k === "symbol" ? k : String(k);
      (out[key] || (out[key] = [])).push(v); }
    return out; }});
if (!Map.groupBy) Object.defineProperty(Map, "groupBy", {writable: true, configurable: true,
  value: function groupBy(items, cb) {
    const out = new Map(); let i = 0;
    for (const v of items) { const k = cb(v, i++); if (!out.has(k)) out.set(k, []); out.get(k).push(v); }
    return out; }});
const __results = [];
function __tag(v, d) {
  if (d > 6) return {deep: 1};
  if (v === undefined) return {u: 1};
  if (v === null) return null;
  switch (typeof v) {
    case "number": return {n: Object.is(v, -0) ? "-0" : String(v)};
    case "string": return {s: v};
    case "boolean": return {b: v};
    case "symbol": return {sym: v.description === undefined ? null : v.description};
    case "function": return {fn: v.name};
  }
  if (Array.isArray(v)) return {a: v.map(x => __tag(x, d + 1))};
  if (v instanceof Map) return {map: [...v].map(([k, x]) => [__tag(k, d + 1), __tag(x, d + 1)])};
  if (v instanceof Set) return {set: [...v].map(x => __tag(x, d + 1))};
  if (v instanceof Date) return {date: __tag(v.getTime(), d + 1)};
  return {o: Object.keys(v).map(k => [k, __tag(v[k], d + 1)])};
}
function __run(f) {
  try { __results.push(__tag(f(), 0)); }
  catch (e) { __results.push({throw: e instanceof Error ? e.name + ": " + e.message : __tag(e, 0)}); }
}
"""


def program(cases: list[str]) -> str:
    return "".join(f"__run(() => ({c}));\n" for c in cases)


def node_results() -> dict[str, list]:
    """Every group's results from one node process."""
    src = NODE_PRELUDE + "const __all = {};\n" + "".join(
        f"__results.length = 0;\n{program(cases)}__all[{json.dumps(name)}] = __results.slice();\n"
        for name, cases in GROUPS.items()) + "process.stdout.write(JSON.stringify(__all));\n"
    env = dict(os.environ, TZ="UTC")
    proc = subprocess.run([NODE, "-e", src], capture_output=True, text=True, check=True, env=env)
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def expected():
    return node_results()


def tag(rt, v, d=0):
    """The Python mirror of the prelude's ``__tag``."""
    if d > 6:
        return {"deep": 1}
    t = type(v)
    if v is None:
        return {"u": 1}
    if v is JS_NULL:
        return None
    if t is float:
        return {"n": "-0" if v == 0 and str(v)[0] == "-" else number_to_string(v)}
    if t is str:
        return {"s": v}
    if t is bool:
        return {"b": v}
    if t is JsSymbol:
        return {"sym": v.description}
    if t is JsFunction:
        return {"fn": rt.get(v, "name")}
    if t is JsArray:
        return {"a": [tag(rt, x, d + 1) for x in v.items]}
    if v.cls == "Map":
        return {"map": [[tag(rt, k, d + 1), tag(rt, x, d + 1)] for k, x in v.internal.values()]}
    if v.cls == "Set":
        return {"set": [tag(rt, x, d + 1) for x in v.internal.values()]}
    if v.cls == "Date":
        return {"date": tag(rt, v.internal, d + 1)}
    return {"o": [[k, tag(rt, rt.get(v, k), d + 1)] for k in rt.own_keys(v)]}


def thrown(rt, e):
    """A thrown value as the prelude's ``__run`` reports it."""
    if isinstance(e, JsObject) and rt.instance_of(e, rt.Gh["Error"]):
        return {"throw": rt.to_string(rt.get(e, "name")) + ": " + rt.to_string(rt.get(e, "message"))}
    return {"throw": tag(rt, e)}


def llmspell_results(cases: list[str], policy=None) -> list:
    results = []

    def setup(rt):
        def run(this, f=None, *_):
            try:
                results.append(tag(rt, rt.call(f, None)))
            except ScriptThrow as e:
                results.append(thrown(rt, e.value))
        rt.Gh["__run"] = rt.native("__run", run, 1)

    compiled = api.compile(program(cases), "javascript", "cases.js")
    execute(compiled.compiled, policy or Policy(), io.StringIO(), setup=setup)
    return results


def code_units(v):
    """Node's JSON strings as JS strings (UTF-16 code units), the form llmspell keeps."""
    if isinstance(v, str):
        return from_host_str(v)
    if isinstance(v, list):
        return [code_units(x) for x in v]
    if isinstance(v, dict):
        return {k: code_units(x) for k, x in v.items()}
    return v


@pytest.mark.parametrize("group", list(GROUPS))
def test_against_node(group, expected):
    cases = GROUPS[group]
    want = code_units(expected[group])
    got = llmspell_results(cases)
    assert len(got) == len(want) == len(cases)
    bad = [f"{c}\n    node:     {json.dumps(w)}\n    llmspell: {json.dumps(g)}"
           for c, w, g in zip(cases, want, got) if w != g]
    assert not bad, f"{len(bad)} of {len(cases)} cases differ:\n" + "\n".join(bad)


def test_case_count():
    assert sum(len(c) for c in GROUPS.values()) >= 150


# -- what node cannot be the reference for ---------------------------------------------------------
def test_math_random_is_seeded_like_lua():
    """Math.random is reproducible per seed, and the same generator as Lua's math.random."""
    three = "[Math.random(), Math.random(), Math.random()]"
    seven = llmspell_results([three], Policy(seed=7))[0]
    assert seven == llmspell_results([three], Policy(seed=7))[0]
    assert seven != llmspell_results([three], Policy(seed=8))[0]
    lua = api.run("return math.random(), math.random(), math.random()", lang="lua", policy=Policy(seed=7))
    assert [x["n"] for x in seven["a"]] == [number_to_string(x) for x in lua.values]


def test_date_reads_the_virtual_clock():
    cases = ["Date.now()", "new Date().getTime()", "typeof Date()", "Date() === new Date().toString()"]
    got = llmspell_results(cases, Policy(clock_start=1e9))
    now = float(got[0]["n"])
    assert 1e12 <= now < 1e12 + 1000 and float(got[1]["n"]) >= now
    assert got[2:] == [{"s": "string"}, {"b": True}]
    assert got == llmspell_results(cases, Policy(clock_start=1e9))


def test_function_constructor_and_source_text():
    """No code from strings; a compiled function prints its own source, a built-in as native code
    (node prints the same three strings)."""
    got = llmspell_results(["Function('return 1')", "new Function('a', 'return a')", "(function foo(a) {}).toString()",
                            "String(() => 1)", "String(Math.max)"])
    assert got[:2] == [{"throw": "TypeError: Function constructor is not available in llmspell"}] * 2
    assert got[2:] == [{"s": "function foo(a) {}"}, {"s": "() => 1"}, {"s": "function max() { [native code] }"}]
