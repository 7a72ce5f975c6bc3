"""``JSON.parse`` and ``JSON.stringify``, with V8's error messages.

``parse`` is a hand-written parser rather than Python's ``json`` module because
what a spell sees when parsing fails is V8's message ("Unexpected token 'x',
"...text..." is not valid JSON", "Expected ',' or '}' after property value in
JSON at position 7") and because values must be built as JavaScript values
(numbers as floats, strings as UTF-16 code units, ``__proto__`` as an ordinary
own key).  It follows the structure of V8's ``JsonParser`` — an explicit stack
instead of recursion, the same token checks in the same order — which is what
decides *which* message a malformed text gets.  Unlike V8 it refuses nesting
deeper than :data:`MAX_NESTING` levels, and ``stringify`` does the same, so
neither can exhaust the host's stack.

``stringify`` is the spec's SerializeJSONProperty (toJSON, replacer function or
property list, ``space``), with V8's description of a cycle ("Converting
circular structure to JSON --> starting at object with constructor 'Object'
...").
"""
from __future__ import annotations

import math
import re

from .numconv import number_to_string
from .values import (
    HOLE,
    JS_NULL,
    SYM_TO_STRING_TAG,
    JsArray,
    JsFunction,
    JsObject,
    index_of_key,
)

MAX_NESTING = 512

_WS = " \t\n\r"
_DIGITS = "0123456789"
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_HEX = frozenset("0123456789abcdefABCDEF")
_SPECIAL_SOURCES = ("[object Object]", "undefined", "Infinity", "NaN")
_CONTEXT = 10           # V8's kMaxContextCharacters


# -- parse ----------------------------------------------------------------------------------------

class _Parser:
    """One ``JSON.parse`` of *text* (a JS string); errors are thrown as SyntaxError."""

    def __init__(self, rt, text: str):
        self.rt = rt
        self.s = text
        self.n = len(text)
        self.i = 0

    # errors, worded and positioned as V8 does
    def fail(self, message: str | None = None, pos: int | None = None):
        pos = self.i if pos is None else pos
        if message is not None:
            self.rt.throw("SyntaxError", f"{message} in JSON at position {pos}")
        if pos >= self.n:
            self.rt.throw("SyntaxError", "Unexpected end of JSON input")
        c = self.s[pos]
        if c == "-" or c in _DIGITS:
            self.rt.throw("SyntaxError", f"Unexpected number in JSON at position {pos}")
        if c == '"':
            self.rt.throw("SyntaxError", f"Unexpected string in JSON at position {pos}")
        src, n = self.s, self.n
        if src in _SPECIAL_SOURCES:
            self.rt.throw("SyntaxError", f'"{src}" is not valid JSON')
        if n < 2 * _CONTEXT + 1:
            shown = f'"{src}"'
        elif pos < _CONTEXT:
            shown = f'"{src[:pos + _CONTEXT]}"...'
        elif pos < n - _CONTEXT:
            shown = f'..."{src[pos - _CONTEXT:pos + _CONTEXT]}"...'
        else:
            shown = f'..."{src[pos - _CONTEXT:]}"'
        self.rt.throw("SyntaxError", f"Unexpected token '{c}', {shown} is not valid JSON")

    def skip_ws(self) -> str:
        s, i, n = self.s, self.i, self.n
        while i < n and s[i] in _WS:
            i += 1
        self.i = i
        return s[i] if i < n else ""

    def check(self, c: str) -> bool:
        if self.skip_ws() == c:
            self.i += 1
            return True
        return False

    def expect(self, c: str, message: str | None = None):
        if not self.check(c):
            self.fail(message)

    def parse(self):
        value = self.value()
        if self.skip_ws():
            self.rt.throw("SyntaxError", f"Unexpected non-whitespace character after JSON at position {self.i}")
        return value

    def value(self):
        """A JSON text's value; containers are built on an explicit stack
        (``[True, props, key]`` for an object, ``[False, items]`` for an array)."""
        rt = self.rt
        stack: list = []
        while True:
            rt.meter.charge(1)
            c = self.skip_ws()
            if c == '"':
                self.i += 1
                value = self.string()
            elif c == "-" or (c and c in _DIGITS):
                value = self.number()
            elif c == "{":
                self.nest(stack)
                self.i += 1
                if self.check("}"):
                    value = rt.new_object({})
                else:
                    self.expect('"', "Expected property name or '}'")
                    key = self.string()
                    self.expect(":", "Expected ':' after property name")
                    stack.append([True, {}, key])
                    continue
            elif c == "[":
                self.nest(stack)
                self.i += 1
                if self.check("]"):
                    value = rt.new_array([])
                else:
                    stack.append([False, []])
                    continue
            elif c == "t":
                value = self.literal("true", True)
            elif c == "f":
                value = self.literal("false", False)
            elif c == "n":
                value = self.literal("null", JS_NULL)
            else:
                self.fail()
            while True:     # a value is complete: continue the containers it is in
                if not stack:
                    return value
                top = stack[-1]
                if top[0]:
                    top[1][top[2]] = value
                    if self.check(","):
                        self.expect('"', "Expected double-quoted property name")
                        top[2] = self.string()
                        self.expect(":")
                        break
                    value = rt.new_object(top[1])
                    self.expect("}", "Expected ',' or '}' after property value")
                else:
                    top[1].append(value)
                    if self.check(","):
                        break
                    value = rt.new_array(top[1])
                    self.expect("]", "Expected ',' or ']' after array element")
                stack.pop()

    def nest(self, stack: list):
        if len(stack) >= MAX_NESTING:
            self.rt.throw("SyntaxError", f"JSON nested deeper than {MAX_NESTING} levels at position {self.i}")

    def literal(self, word: str, value):
        s, i = self.s, self.i
        for k in range(1, len(word)):
            if i + k >= self.n:
                self.fail(pos=self.n)
            if s[i + k] != word[k]:
                self.fail(pos=i + k)
        self.i = i + len(word)
        return value

    def string(self) -> str:
        """The rest of a string literal (the opening quote is consumed)."""
        s, n = self.s, self.n
        i = self.i
        parts = []
        start = i
        while True:
            if i >= n:
                self.fail("Unterminated string", n)
            c = s[i]
            if c == '"':
                parts.append(s[start:i])
                self.i = i + 1
                break
            if c == "\\":
                parts.append(s[start:i])
                i += 1
                if i >= n:
                    self.fail(pos=n)
                e = s[i]
                if e == "u":
                    for k in range(1, 5):
                        if i + k >= n or s[i + k] not in _HEX:
                            self.fail("Bad Unicode escape", i + k)
                    parts.append(chr(int(s[i + 1:i + 5], 16)))
                    i += 5
                else:
                    r = _ESCAPES.get(e)
                    if r is None:
                        self.fail("Bad escaped character", i)
                    parts.append(r)
                    i += 1
                start = i
                continue
            if c < " ":
                self.fail("Bad control character in string literal", i)
            i += 1
        out = "".join(parts)
        self.rt.meter.charge(len(out) >> 3)
        return out

    def number(self) -> float:
        s, n = self.s, self.n
        start = i = self.i

        def at(k):
            return s[k] if k < n else ""

        if at(i) == "-":
            i += 1
        if at(i) == "0":
            i += 1
            if at(i) and at(i) in _DIGITS:
                self.fail(pos=i)
        elif at(i) and at(i) in _DIGITS:
            while at(i) and at(i) in _DIGITS:
                i += 1
        else:
            self.fail("No number after minus sign", i)
        if at(i) == ".":
            i += 1
            if not (at(i) and at(i) in _DIGITS):
                self.fail("Unterminated fractional number", i)
            while at(i) and at(i) in _DIGITS:
                i += 1
        if at(i) in ("e", "E"):
            i += 1
            if at(i) in ("+", "-"):
                i += 1
            if not (at(i) and at(i) in _DIGITS):
                self.fail("Exponent part is missing a number", i)
            while at(i) and at(i) in _DIGITS:
                i += 1
        self.i = i
        self.rt.meter.charge((i - start) >> 3)
        return float(s[start:i])


def parse(rt, text: str, reviver=None):
    """``JSON.parse(text, reviver)`` for a JS string *text*."""
    rt.meter.charge(len(text) >> 3)
    value = _Parser(rt, text).parse()
    if type(reviver) is JsFunction:
        root = rt.new_object({"": value})
        return _internalize(rt, root, "", reviver, 0)
    return value


def _internalize(rt, holder, name: str, reviver, depth: int):
    """The spec's InternalizeJSONProperty: the reviver sees every value, innermost first."""
    val = rt.get(holder, name)
    if isinstance(val, JsObject):
        if depth >= MAX_NESTING:
            rt.throw("RangeError", "Maximum call stack size exceeded")
        if type(val) is JsArray:
            keys = [str(i) for i in range(int(rt.to_length(rt.get(val, "length"))))]
        else:
            keys = rt.own_keys(val)
        for key in keys:
            rt.meter.charge(1)
            new = _internalize(rt, val, key, reviver, depth + 1)
            if new is None:
                rt.delete(val, key)
            else:
                _create_data_property(rt, val, key, new)
    return rt.call(reviver, holder, name, val)


def _create_data_property(rt, obj: JsObject, key: str, value):
    if obj.frozen:
        return
    if type(obj) is JsArray:
        i = index_of_key(key)
        if 0 <= i < len(obj.items):
            obj.items[i] = value
            return
    obj.props[key] = value
    if obj.hidden:
        obj.hidden.discard(key)


# -- stringify ------------------------------------------------------------------------------------

_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\ud800-\udfff]')
_ESCAPE = re.compile(r'[\ud800-\udbff][\udc00-\udfff]|[\x00-\x1f"\\\ud800-\udfff]')
_SHORT = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m) -> str:
    c = m.group()
    if len(c) == 2:
        return c            # a well-formed surrogate pair stays as it is
    return _SHORT.get(c) or f"\\u{ord(c):04x}"


def quote(s: str) -> str:
    """QuoteJSONString (well-formed: lone surrogates become ``\\udxxx``)."""
    if _NEEDS_ESCAPE.search(s) is None:
        return f'"{s}"'
    return f'"{_ESCAPE.sub(_escape, s)}"'


class _Stringifier:
    def __init__(self, rt, replacer_fn, prop_list, gap: str):
        self.rt = rt
        self.replacer_fn = replacer_fn
        self.prop_list = prop_list
        self.gap = gap
        self.indent = ""
        self.stack: list = []         # (key it was reached by, object): for the cycle message

    def property(self, holder, key: str, stack_key):
        """SerializeJSONProperty: the text of ``holder[key]``, or None (undefined)."""
        rt = self.rt
        rt.meter.charge(1)
        value = holder.items[int(key)] if type(holder) is JsArray and type(stack_key) is int \
            and stack_key < len(holder.items) else rt.get(holder, key)
        if value is HOLE:
            value = None
        if isinstance(value, JsObject):
            to_json = rt.get(value, "toJSON")
            if type(to_json) is JsFunction:
                value = rt.call(to_json, value, key)
        if self.replacer_fn is not None:
            value = rt.call(self.replacer_fn, holder, key, value)
        if isinstance(value, JsObject):
            if value.cls == "Number" and type(value.internal) is float:
                value = rt.to_number(value)
            elif value.cls == "String" and type(value.internal) is str:
                value = rt.to_string(value)
            elif value.cls == "Boolean" and type(value.internal) is bool:
                value = value.internal
        t = type(value)
        if value is JS_NULL:
            return "null"
        if t is bool:
            return "true" if value else "false"
        if t is str:
            return quote(value)
        if t is float:
            return number_to_string(value) if math.isfinite(value) else "null"
        if isinstance(value, JsObject) and t is not JsFunction:
            return self.container(value, stack_key)
        return None

    def container(self, value: JsObject, stack_key) -> str:
        rt = self.rt
        for i, (_, seen) in enumerate(self.stack):
            if seen is value:
                rt.throw("TypeError", self.cycle_message(i, stack_key))
        if len(self.stack) >= MAX_NESTING:
            rt.throw("RangeError", "Maximum call stack size exceeded")
        self.stack.append((stack_key, value))
        stepback = self.indent
        self.indent += self.gap
        if type(value) is JsArray:
            parts = []
            for i in range(int(rt.to_length(rt.get(value, "length")))):
                s = self.property(value, str(i), i)
                parts.append("null" if s is None else s)
            opening, closing = "[", "]"
        else:
            keys = self.prop_list if self.prop_list is not None else rt.own_keys(value)
            colon = ": " if self.gap else ":"
            parts = []
            for k in keys:
                s = self.property(value, k, k)
                if s is not None:
                    parts.append(quote(k) + colon + s)
            opening, closing = "{", "}"
        self.stack.pop()
        inner = self.indent
        self.indent = stepback
        if not parts:
            return opening + closing
        if not self.gap:
            return opening + ",".join(parts) + closing
        return f"{opening}\n{inner}" + f",\n{inner}".join(parts) + f"\n{stepback}{closing}"

    def cycle_message(self, start: int, last_key) -> str:
        """V8's description of the cycle: where it starts, up to two steps from
        there and the last one, and the property that closes it."""
        lines = ["Converting circular structure to JSON",
                 f"    --> starting at object with constructor {self.ctor(self.stack[start][1])}"]
        size = len(self.stack)
        prefix_end = min(size, start + 3)
        lines += [self.step(i) for i in range(start + 1, prefix_end)]
        if size > prefix_end + 1:
            lines.append("    |     ...")
        lines += [self.step(i) for i in range(max(prefix_end, size - 1), size)]
        lines.append(f"    --- {self.key_text(last_key)} closes the circle")
        return "\n".join(lines)

    def step(self, index: int) -> str:
        key, obj = self.stack[index]
        return f"    |     {self.key_text(key)} -> object with constructor {self.ctor(obj)}"

    @staticmethod
    def key_text(key) -> str:
        if type(key) is int:
            return f"index {key}"
        return f"property '{key}'" if key else "<anonymous>"

    def ctor(self, obj) -> str:
        return f"'{self.rt.constructor_name(obj) or 'Object'}'"


def stringify(rt, value, replacer=None, space=None):
    """``JSON.stringify(value, replacer, space)``: a JS string, or None (undefined)."""
    replacer_fn = prop_list = None
    if type(replacer) is JsFunction:
        replacer_fn = replacer
    elif type(replacer) is JsArray:
        prop_list = []
        for v in list(replacer.items):
            if isinstance(v, JsObject) and v.cls in ("String", "Number") and v.internal is not None:
                v = rt.to_string(v)
            elif type(v) is float:
                v = number_to_string(v)
            if type(v) is str and v not in prop_list:
                prop_list.append(v)
    if isinstance(space, JsObject):
        if space.cls == "Number" and type(space.internal) is float:
            space = rt.to_number(space)
        elif space.cls == "String" and type(space.internal) is str:
            space = rt.to_string(space)
    if type(space) is float:
        gap = " " * int(min(10.0, rt.to_integer(space))) if space >= 1 else ""
    elif type(space) is str:
        gap = space[:10]
    else:
        gap = ""
    wrapper = rt.new_object({"": value})
    out = _Stringifier(rt, replacer_fn, prop_list, gap).property(wrapper, "", "")
    if out is not None:
        rt.meter.string(len(out))
    return out


def open(rt) -> None:
    J = rt.new_object()
    rt.define(J, "parse", lambda this, text=None, reviver=None, *_: parse(rt, rt.to_string(text), reviver), 2)
    rt.define(J, "stringify", lambda this, value=None, replacer=None, space=None, *_:
              stringify(rt, value, replacer, space), 3)
    J.props[SYM_TO_STRING_TAG] = "JSON"
    J.hide(SYM_TO_STRING_TAG)
    rt.Gh["JSON"] = J
