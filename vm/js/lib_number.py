"""``Number``, ``Boolean``, the numeric globals (``parseInt``, ``parseFloat``,
``isNaN``, ``isFinite``) and the URI coding functions.

Formatting and parsing come from :mod:`.numconv` (bit-exact with V8); this
module only converts arguments and turns its RangeErrors into JS ones.

``toLocaleString`` ignores its locale and options arguments: it always formats
as node's default ``en-US`` locale does (``1,234.568``: groups of three, at
most three fraction digits, rounded half away from zero on the exact value).
"""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from . import numconv
from .lib_object import constants, link
from .runtime import NewTarget
from .values import CALLABLE, CONSTRUCTOR, NATIVE, JsObject, from_host_str

MAX_SAFE = 2.0 ** 53 - 1

#: characters encodeURIComponent leaves alone; encodeURI also keeps _URI_RESERVED
_URI_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()")
_URI_RESERVED = frozenset(";/?:@&=+$,#")


def locale_string(x: float) -> str:
    """``x.toLocaleString()`` in en-US."""
    if x != x:
        return "NaN"
    if x in (math.inf, -math.inf):
        return "-∞" if x < 0 else "∞"
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    digits = str(Decimal(abs(x)).quantize(Decimal("0.001"), ROUND_HALF_UP))
    whole, _, frac = digits.partition(".")
    frac = frac.rstrip("0")
    return sign + f"{int(whole):,}" + ("." + frac if frac else "")


def uri_encode(rt, s: str, keep: frozenset) -> str:
    """Percent-encode the UTF-8 of every code point not in *keep*."""
    out = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        i += 1
        if c in keep:
            out.append(c)
            continue
        cp = ord(c)
        if 0xDC00 <= cp <= 0xDFFF:
            rt.throw("URIError", "URI malformed")
        if 0xD800 <= cp <= 0xDBFF:
            if i >= n or not 0xDC00 <= ord(s[i]) <= 0xDFFF:
                rt.throw("URIError", "URI malformed")
            cp = 0x10000 + ((cp - 0xD800) << 10) + (ord(s[i]) - 0xDC00)
            i += 1
        out.extend(f"%{b:02X}" for b in chr(cp).encode("utf-8"))
    rt.meter.charge(n // 8 + 1)
    r = "".join(out)
    rt.meter.string(len(r))
    return r


def uri_decode(rt, s: str, keep: frozenset) -> str:
    """Decode %XX sequences (whole UTF-8 characters); an escape that decodes to a
    character in *keep* stays as written (``decodeURI("%23")`` is ``"%23"``)."""
    out = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c != "%":
            out.append(c)
            i += 1
            continue
        first = _hex_byte(rt, s, i)
        if first < 0x80:
            ch = chr(first)
            out.append(s[i:i + 3] if ch in keep else ch)
            i += 3
            continue
        size = 2 if 0xC0 <= first < 0xE0 else 3 if 0xE0 <= first < 0xF0 else 4 if 0xF0 <= first < 0xF8 else 0
        if not size:
            rt.throw("URIError", "URI malformed")
        raw = bytes(_hex_byte(rt, s, i + 3 * k) for k in range(size))
        try:
            ch = raw.decode("utf-8")
        except UnicodeDecodeError:
            rt.throw("URIError", "URI malformed")
        out.append(from_host_str(ch))
        i += 3 * size
    rt.meter.charge(n // 8 + 1)
    return "".join(out)


def _hex_byte(rt, s: str, i: int) -> int:
    h = s[i + 1:i + 3]
    if s[i:i + 1] != "%" or len(h) != 2 or not all(c in "0123456789abcdefABCDEF" for c in h):
        rt.throw("URIError", "URI malformed")
    return int(h, 16)


def open(rt) -> None:
    NP, BP = rt.NumberProto, rt.BooleanProto

    def to_num(v):
        """An optional numeric argument as numconv wants it (undefined stays None)."""
        return None if v is None else rt.to_number(v)

    def ranged(fn, *args):
        try:
            return fn(*args)
        except numconv.RangeError as e:
            rt.throw("RangeError", e.message)

    # -- Number -------------------------------------------------------------------------------
    def Number_(this, *args):
        n = rt.to_number(args[0]) if args else 0.0
        if type(this) is NewTarget:
            w = JsObject(this.proto, "Number")
            w.internal = n
            return w
        return n

    def this_number(this, method: str) -> float:
        if type(this) is float:
            return this
        if isinstance(this, JsObject) and this.cls == "Number" and type(this.internal) is float:
            return this.internal
        rt.throw("TypeError", f"Number.prototype.{method} requires that 'this' be a Number")

    def to_string(this, radix=None, *_):
        return ranged(numconv.to_string_radix, this_number(this, "toString"), to_num(radix))

    def to_fixed(this, digits=None, *_):
        return ranged(numconv.to_fixed, this_number(this, "toFixed"), to_num(digits))

    def to_precision(this, p=None, *_):
        return ranged(numconv.to_precision, this_number(this, "toPrecision"), to_num(p))

    def to_exponential(this, digits=None, *_):
        return ranged(numconv.to_exponential, this_number(this, "toExponential"), to_num(digits))

    def value_of(this, *_):
        return this_number(this, "valueOf")

    def to_locale_string(this, *_):
        return locale_string(this_number(this, "toLocaleString"))

    Num = rt.native("Number", Number_, 1, CALLABLE | CONSTRUCTOR | NATIVE)
    for name, fn, n in (("toString", to_string, 1), ("toFixed", to_fixed, 1), ("toPrecision", to_precision, 1),
                        ("toExponential", to_exponential, 1), ("valueOf", value_of, 0),
                        ("toLocaleString", to_locale_string, 0)):
        rt.define(NP, name, fn, n)
    link(Num, NP)

    def is_integer(this, v=None, *_):
        return type(v) is float and math.isfinite(v) and v.is_integer()

    def is_safe_integer(this, v=None, *_):
        return is_integer(None, v) and abs(v) <= MAX_SAFE

    def is_finite_strict(this, v=None, *_):
        return type(v) is float and math.isfinite(v)

    def is_nan_strict(this, v=None, *_):
        return type(v) is float and v != v

    def parse_float(this, s=None, *_):
        return numconv.parse_float(rt.to_string(s))

    def parse_int(this, s=None, radix=None, *_):
        s = rt.to_string(s)
        return numconv.parse_int(s, to_num(radix))

    def is_nan(this, v=None, *_):
        x = rt.to_number(v)
        return x != x

    def is_finite(this, v=None, *_):
        return math.isfinite(rt.to_number(v))

    for name, fn in (("isInteger", is_integer), ("isSafeInteger", is_safe_integer),
                     ("isFinite", is_finite_strict), ("isNaN", is_nan_strict)):
        rt.define(Num, name, fn, 1)
    pf = rt.define(Num, "parseFloat", parse_float, 1)
    pi = rt.define(Num, "parseInt", parse_int, 2)
    Num.props.update(EPSILON=2.0 ** -52, MAX_SAFE_INTEGER=MAX_SAFE, MIN_SAFE_INTEGER=-MAX_SAFE,
                     MAX_VALUE=1.7976931348623157e308, MIN_VALUE=5e-324, POSITIVE_INFINITY=math.inf,
                     NEGATIVE_INFINITY=-math.inf, NaN=math.nan)
    constants(Num, "EPSILON", "MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER", "MAX_VALUE", "MIN_VALUE",
              "POSITIVE_INFINITY", "NEGATIVE_INFINITY", "NaN")
    rt.Gh.update(Number=Num, parseFloat=pf, parseInt=pi, isNaN=rt.native("isNaN", is_nan, 1),
                 isFinite=rt.native("isFinite", is_finite, 1))

    # -- Boolean ------------------------------------------------------------------------------
    def Boolean_(this, v=None, *_):
        b = rt.truthy(v)
        if type(this) is NewTarget:
            w = JsObject(this.proto, "Boolean")
            w.internal = b
            return w
        return b

    def this_boolean(this, method: str) -> bool:
        if type(this) is bool:
            return this
        if isinstance(this, JsObject) and this.cls == "Boolean" and type(this.internal) is bool:
            return this.internal
        rt.throw("TypeError", f"Boolean.prototype.{method} requires that 'this' be a Boolean")

    Bool = rt.native("Boolean", Boolean_, 1, CALLABLE | CONSTRUCTOR | NATIVE)
    rt.define(BP, "toString", lambda this, *_: "true" if this_boolean(this, "toString") else "false", 0)
    rt.define(BP, "valueOf", lambda this, *_: this_boolean(this, "valueOf"), 0)
    link(Bool, BP)
    rt.Gh["Boolean"] = Bool

    # -- URI coding ----------------------------------------------------------------------------
    component_keep = _URI_UNRESERVED
    uri_keep = _URI_UNRESERVED | _URI_RESERVED
    for name, fn, keep in (("encodeURIComponent", uri_encode, component_keep), ("encodeURI", uri_encode, uri_keep),
                           ("decodeURIComponent", uri_decode, frozenset()), ("decodeURI", uri_decode, _URI_RESERVED)):
        rt.Gh[name] = rt.native(name, lambda this, s=None, *_, fn=fn, keep=keep: fn(rt, rt.to_string(s), keep), 1)

