"""Tengo's ``json`` module: encode, decode, indent and html_escape, as real Tengo does them.

* ``encode(v)`` returns bytes (Tengo's own encoder, stdlib/json/encode.go): compact,
  no HTML escaping, non-ASCII text written as is; ints and chars as numbers, floats
  as ECMAScript prints them (``1e+21``, ``1e-7``, ``0.000001``), bytes as base64
  strings, times as RFC 3339 strings, undefined as ``null``.  Values JSON has no
  form for (errors, functions) are written as *nothing* — ``[1,,3]`` — because
  Tengo's encoder skips them that way.  NaN and ±Inf give the error value
  ``unsupported float value``.  Map keys are written in sorted order (Go's map
  order is random; sorted is deterministic and what Go's encoding/json does).
* ``decode(s)`` takes a string or bytes: objects become maps, arrays arrays,
  numbers ints unless they have a fraction or exponent (ints beyond 64 bits clamp
  to the int range, as in Tengo), ``null`` undefined.  Invalid input gives an error
  value with Go's message (``invalid character ']' looking for beginning of
  value``, ``unexpected end of JSON input``): the input is checked by a port of
  Go's scanner state machine, so messages match byte for byte.
* ``indent(data, prefix, indent)`` is Go's ``json.Indent`` and ``html_escape(data)``
  Go's ``json.HTMLEscape``; both return bytes.
"""
from __future__ import annotations

import base64
import re

from .fmt import format_float, quote
from .libargs import functions, go_error, unpack, utf8
from .mod_times import marshal_json
from .values import MAXI, MINI, Array, Char, ImmutableArray, ImmutableMap, Map, Time

MAX_DEPTH = 10000        # Go's std scanner (indent) refuses deeper nesting; Tengo's decoder does not
MAX_ENCODE_DEPTH = 400   # a value nested deeper (or containing itself) is refused

(CONTINUE, BEGIN_LITERAL, BEGIN_OBJECT, OBJECT_KEY, OBJECT_VALUE, END_OBJECT, BEGIN_ARRAY,
 ARRAY_VALUE, END_ARRAY, SKIP_SPACE, END, ERROR) = range(12)
PARSE_OBJECT_KEY, PARSE_OBJECT_VALUE, PARSE_ARRAY_VALUE = range(3)
_SPACE = frozenset(b" \t\r\n")
_HEXDIGITS = frozenset(b"0123456789abcdefABCDEF")
_DIGITS = frozenset(b"0123456789")


class JSONSyntaxError(Exception):
    """Go's ``*json.SyntaxError``: the message is Go's."""


def _quote_char(c: int) -> str:
    """Go's ``quoteChar``: the byte as a quoted character (read as a rune)."""
    if c == 0x27:
        return "'\\''"
    if c == 0x22:
        return "'\"'"
    return "'" + quote(chr(c))[1:-1] + "'"


class Scanner:
    """Go's encoding/json scanner: ``step(c)`` per byte returns an opcode, ``eof()``
    ends the input; after an error every step returns ERROR and ``err`` says why."""

    __slots__ = ("end_top", "err", "max_depth", "stack", "step")

    def __init__(self, max_depth: int | None = None):
        self.max_depth = max_depth
        self.step = self.begin_value
        self.stack: list[int] = []
        self.err = None
        self.end_top = False

    def error(self, c: int, context: str) -> int:
        self.step = self.state_error
        self.err = f"invalid character {_quote_char(c)} {context}"
        return ERROR

    def eof(self) -> int:
        if self.err is not None:
            return ERROR
        if self.end_top:
            return END
        self.step(0x20)
        if self.end_top:
            return END
        if self.err is None:
            self.err = "unexpected end of JSON input"
        return ERROR

    def push(self, c: int, p: int) -> bool:
        """Enter a container at byte c; False (an error) past the depth limit."""
        self.stack.append(p)
        if self.max_depth is not None and len(self.stack) > self.max_depth:
            self.error(c, "exceeded max depth")
            return False
        return True

    def pop(self):
        self.stack.pop()
        if not self.stack:
            self.step, self.end_top = self.end_top_state, True
        else:
            self.step = self.end_value

    @staticmethod
    def state_error(c: int) -> int:
        return ERROR

    def begin_value_or_empty(self, c: int) -> int:
        if c in _SPACE:
            return SKIP_SPACE
        if c == 0x5D:
            return self.end_value(c)
        return self.begin_value(c)

    def begin_value(self, c: int) -> int:
        if c in _SPACE:
            return SKIP_SPACE
        if c == 0x7B:
            self.step = self.begin_string_or_empty
            return BEGIN_OBJECT if self.push(c, PARSE_OBJECT_KEY) else ERROR
        if c == 0x5B:
            self.step = self.begin_value_or_empty
            return BEGIN_ARRAY if self.push(c, PARSE_ARRAY_VALUE) else ERROR
        nxt = _LITERAL_START.get(c)
        if nxt is not None:
            self.step = getattr(self, nxt)
            return BEGIN_LITERAL
        if 0x31 <= c <= 0x39:
            self.step = self.state_1
            return BEGIN_LITERAL
        return self.error(c, "looking for beginning of value")

    def begin_string_or_empty(self, c: int) -> int:
        if c in _SPACE:
            return SKIP_SPACE
        if c == 0x7D:
            self.stack[-1] = PARSE_OBJECT_VALUE
            return self.end_value(c)
        return self.begin_string(c)

    def begin_string(self, c: int) -> int:
        if c in _SPACE:
            return SKIP_SPACE
        if c == 0x22:
            self.step = self.in_string
            return BEGIN_LITERAL
        return self.error(c, "looking for beginning of object key string")

    def end_value(self, c: int) -> int:
        if not self.stack:
            self.step, self.end_top = self.end_top_state, True
            return self.end_top_state(c)
        if c in _SPACE:
            self.step = self.end_value
            return SKIP_SPACE
        ps = self.stack[-1]
        if ps == PARSE_OBJECT_KEY:
            if c == 0x3A:
                self.stack[-1] = PARSE_OBJECT_VALUE
                self.step = self.begin_value
                return OBJECT_KEY
            return self.error(c, "after object key")
        if ps == PARSE_OBJECT_VALUE:
            if c == 0x2C:
                self.stack[-1] = PARSE_OBJECT_KEY
                self.step = self.begin_string
                return OBJECT_VALUE
            if c == 0x7D:
                self.pop()
                return END_OBJECT
            return self.error(c, "after object key:value pair")
        if c == 0x2C:
            self.step = self.begin_value
            return ARRAY_VALUE
        if c == 0x5D:
            self.pop()
            return END_ARRAY
        return self.error(c, "after array element")

    def end_top_state(self, c: int) -> int:
        if c not in _SPACE:
            self.error(c, "after top-level value")
        return END

    def in_string(self, c: int) -> int:
        if c == 0x22:
            self.step = self.end_value
            return CONTINUE
        if c == 0x5C:
            self.step = self.in_string_esc
            return CONTINUE
        if c < 0x20:
            return self.error(c, "in string literal")
        return CONTINUE

    def in_string_esc(self, c: int) -> int:
        if c in b'bfnrt\\/"':
            self.step = self.in_string
            return CONTINUE
        if c == 0x75:
            self.step = self.esc_u(4)
            return CONTINUE
        return self.error(c, "in string escape code")

    def esc_u(self, left: int):
        def state(c: int) -> int:
            if c in _HEXDIGITS:
                self.step = self.in_string if left == 1 else self.esc_u(left - 1)
                return CONTINUE
            return self.error(c, "in \\u hexadecimal character escape")
        return state

    def state_neg(self, c: int) -> int:
        if c == 0x30:
            self.step = self.state_0
            return CONTINUE
        if 0x31 <= c <= 0x39:
            self.step = self.state_1
            return CONTINUE
        return self.error(c, "in numeric literal")

    def state_1(self, c: int) -> int:
        if c in _DIGITS:
            return CONTINUE
        return self.state_0(c)

    def state_0(self, c: int) -> int:
        if c == 0x2E:
            self.step = self.state_dot
            return CONTINUE
        if c in (0x65, 0x45):
            self.step = self.state_e
            return CONTINUE
        return self.end_value(c)

    def state_dot(self, c: int) -> int:
        if c in _DIGITS:
            self.step = self.state_dot0
            return CONTINUE
        return self.error(c, "after decimal point in numeric literal")

    def state_dot0(self, c: int) -> int:
        if c in _DIGITS:
            return CONTINUE
        if c in (0x65, 0x45):
            self.step = self.state_e
            return CONTINUE
        return self.end_value(c)

    def state_e(self, c: int) -> int:
        if c in (0x2B, 0x2D):
            self.step = self.state_esign
            return CONTINUE
        return self.state_esign(c)

    def state_esign(self, c: int) -> int:
        if c in _DIGITS:
            self.step = self.state_e0
            return CONTINUE
        return self.error(c, "in exponent of numeric literal")

    def state_e0(self, c: int) -> int:
        if c in _DIGITS:
            return CONTINUE
        return self.end_value(c)

    def literal(self, word: str, k: int):
        """The state after reading word[:k] of true/false/null."""
        def state(c: int) -> int:
            if c == ord(word[k]):
                self.step = self.end_value if k + 1 == len(word) else self.literal(word, k + 1)
                return CONTINUE
            return self.error(c, f"in literal {word} (expecting '{word[k]}')")
        return state

    def lit_t(self, c: int) -> int:
        return self.literal("true", 1)(c)

    def lit_f(self, c: int) -> int:
        return self.literal("false", 1)(c)

    def lit_n(self, c: int) -> int:
        return self.literal("null", 1)(c)


_LITERAL_START = {0x22: "in_string", 0x2D: "state_neg", 0x30: "state_0", 0x74: "lit_t", 0x66: "lit_f",
                  0x6E: "lit_n"}
_PLAIN_RUN = re.compile(rb'[^"\\\x00-\x1f]+')


def check_valid(data: bytes, charge):
    """Go's ``checkValid``: raise JSONSyntaxError with Go's message, or return."""
    scan = Scanner()
    i, n = 0, len(data)
    charge(n // 8)
    while i < n:
        if scan.step == scan.in_string:          # skip plain string bytes in one go
            m = _PLAIN_RUN.match(data, i)
            if m:
                i = m.end()
                if i >= n:
                    break
        if scan.step(data[i]) == ERROR:
            raise JSONSyntaxError(scan.err)
        i += 1
    if scan.eof() == ERROR:
        raise JSONSyntaxError(scan.err)


# -- decoding (of input the scanner accepted) ------------------------------------------------
_TOKEN = re.compile(r'[ \t\r\n]*(?:(")([^"\\]*(?:\\.[^"\\]*)*)"|([-0-9][-+.eE0-9]*)|(true|false|null)|([\[\]{},:]))')
_ESCAPE = re.compile(r'\\(?:u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))')
_SIMPLE = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\", "/": "/"}
_BAD_BYTES = re.compile("[\udc80-\udcff]")


def _unescape(m) -> str:
    if m.group(1):
        hi, lo = int(m.group(1), 16), int(m.group(2), 16)
        return chr(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
    if m.group(3):
        c = int(m.group(3), 16)
        return "\ufffd" if 0xD800 <= c <= 0xDFFF else chr(c)
    return _SIMPLE[m.group(4)]


def _string(body: str) -> str:
    if "\\" in body:
        body = _ESCAPE.sub(_unescape, body)
    return body


def decode(rt, data: bytes):
    """Go-valid JSON bytes -> a Tengo value (iteratively: no depth limit but memory)."""
    text = data.decode("utf-8", "surrogateescape")
    if not text.isascii():
        text = _BAD_BYTES.sub("\ufffd", text)          # invalid UTF-8: U+FFFD per byte, as Go
    stack: list = []          # open containers: [Array or Map, pending key]
    pos = 0
    while True:
        m = _TOKEN.match(text, pos)
        pos = m.end()
        punct = m.group(5)
        if punct in (",", ":"):
            continue
        if punct == "[" or punct == "{":
            rt.meter.alloc(64)
            stack.append([Array([]) if punct == "[" else Map({}), None])
            continue
        if punct:                              # ] or }
            value = stack.pop()[0]
        elif m.group(1):
            value = _string(m.group(2))
            if stack and type(stack[-1][0]) is Map and stack[-1][1] is None:
                stack[-1][1] = value            # an object key
                continue
            rt.meter.string(len(value))
        elif m.group(3):
            tok = m.group(3)
            if "." in tok or "e" in tok or "E" in tok:
                value = float(tok)
            else:
                value = max(MINI, min(MAXI, int(tok)))
        else:
            value = {"true": True, "false": False, "null": None}[m.group(4)]
        if not stack:
            return value
        top = stack[-1]
        rt.meter.alloc(16)
        if type(top[0]) is Array:
            top[0].items.append(value)
        else:
            top[0].items[top[1]] = value
            top[1] = None


# -- encoding -----------------------------------------------------------------------------------
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')
_SHORT = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def encode_string(s: str) -> str:
    """Tengo's ``encodeString``: only quotes, backslashes and control characters
    are escaped (``\\n \\r \\t`` short, others ``\\u00XX``); the rest is written as is."""
    return '"' + _NEEDS_ESCAPE.sub(lambda m: _SHORT.get(m.group()) or f"\\u{ord(m.group()):04x}", s) + '"'


class EncodeError(Exception):
    pass


def _float(f: float) -> str:
    if f != f or f in (float("inf"), float("-inf")):
        raise EncodeError("unsupported float value")
    a = abs(f)
    fmt = "e" if a != 0 and (a < 1e-6 or a >= 1e21) else "f"
    s = format_float(f, fmt, -1)
    if fmt == "e" and len(s) >= 4 and s[-4] == "e" and s[-3] == "-" and s[-2] == "0":
        s = s[:-2] + s[-1]
    return s


def encode(rt, v, out: list, depth: int = 0):
    """Append the JSON text of v to out (a list of str pieces)."""
    t = type(v)
    if t is str:
        out.append(encode_string(v))
    elif t is int:
        out.append(str(v))
    elif t is float:
        out.append(_float(v))
    elif t is bool:
        out.append("true" if v else "false")
    elif v is None:
        out.append("null")
    elif t is Char:
        out.append(str(int(v)))
    elif t is bytes:
        out.append('"' + base64.b64encode(v).decode("ascii") + '"')
    elif t is Time:
        out.append(marshal_json(v))
    elif t is Array or t is ImmutableArray or t is Map or t is ImmutableMap:
        if depth > MAX_ENCODE_DEPTH:
            rt.error(f"value nested too deeply to encode as JSON (more than {MAX_ENCODE_DEPTH} levels)")
        rt.meter.charge(len(v.items))
        if isinstance(v, Array):
            out.append("[")
            for k, x in enumerate(v.items):
                if k:
                    out.append(",")
                encode(rt, x, out, depth + 1)
            out.append("]")
        else:
            out.append("{")
            for k, key in enumerate(sorted(v.items)):
                if k:
                    out.append(",")
                out.append(encode_string(key))
                out.append(":")
                encode(rt, v.items[key], out, depth + 1)
            out.append("}")
    # anything else (errors, functions): written as nothing, as Tengo's encoder does


# -- indent and html_escape -----------------------------------------------------------------------
def indent(src: bytes, prefix: bytes, ind: bytes, charge) -> bytes:
    """Go's ``json.Indent`` (raises JSONSyntaxError)."""
    scan = Scanner(MAX_DEPTH)
    charge(len(src) // 4)
    dst = bytearray()
    need_indent = False
    depth = 0

    def newline(d):
        dst.append(0x0A)
        dst.extend(prefix)
        dst.extend(ind * d)

    for c in src:
        v = scan.step(c)
        if v == SKIP_SPACE:
            continue
        if v == ERROR:
            break
        if need_indent and v != END_OBJECT and v != END_ARRAY:
            need_indent = False
            depth += 1
            newline(depth)
        if v == CONTINUE:
            dst.append(c)
            continue
        if c in (0x7B, 0x5B):
            need_indent = True
            dst.append(c)
        elif c == 0x2C:
            dst.append(c)
            newline(depth)
        elif c == 0x3A:
            dst.extend(b": ")
        elif c in (0x7D, 0x5D):
            if need_indent:
                need_indent = False
            else:
                depth -= 1
                newline(depth)
            dst.append(c)
        else:
            dst.append(c)
    if scan.eof() == ERROR:
        raise JSONSyntaxError(scan.err)
    return bytes(dst)


def html_escape(src: bytes) -> bytes:
    """Go's ``json.HTMLEscape``: <, >, & and U+2028/U+2029 as \\u escapes."""
    out = src.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")
    return out.replace("\u2028".encode(), b"\\u2028").replace("\u2029".encode(), b"\\u2029")


# -- the module ------------------------------------------------------------------------------------
def _data(rt, label: str, v) -> bytes:
    """The bytes/string first argument of decode, indent and html_escape."""
    if type(v) is bytes:
        return v
    if type(v) is str:
        return utf8(v)
    rt.bad_arg(label, "first", "bytes/string", v)


def module(rt) -> ImmutableMap:
    def decode_(*args):
        (v,) = unpack(rt, "user-function:decode", args, "*")
        data = _data(rt, "user-function:decode", v)
        try:
            check_valid(data, rt.meter.charge)
        except JSONSyntaxError as e:
            return go_error(rt, str(e))
        return decode(rt, data)

    def encode_(*args):
        (v,) = unpack(rt, "user-function:encode", args, "*")
        out: list[str] = []
        try:
            encode(rt, v, out)
        except EncodeError as e:
            return go_error(rt, str(e))
        data = utf8("".join(out))
        rt.meter.alloc(len(data))
        return data

    def indent_(*args):
        label = "user-function:encode"            # Tengo registers indent under that name
        if len(args) != 3:
            rt.wrong_args(label)
        for value, name in ((args[1], "prefix"), (args[2], "indent")):
            if value is None:
                rt.bad_arg(label, name, "string(compatible)", value)
        prefix, ind = rt.to_string(args[1]), rt.to_string(args[2])
        data = _data(rt, label, args[0])
        try:
            out = indent(data, utf8(prefix), utf8(ind),
                         rt.meter.charge)
        except JSONSyntaxError as e:
            return go_error(rt, str(e))
        rt.meter.alloc(len(out))
        return out

    def html_escape_(*args):
        (v,) = unpack(rt, "user-function:html_escape", args, "*")
        out = html_escape(_data(rt, "user-function:html_escape", v))
        rt.meter.alloc(len(out))
        return out

    members = functions(rt, {"decode": decode_, "encode": encode_, "html_escape": html_escape_})
    members["indent"] = rt.user_function("encode", indent_)
    return ImmutableMap(members)
