"""JavaScript's ``String``: the constructor, ``String.fromCharCode/fromCodePoint/raw``
and ``String.prototype``.

Strings are Python ``str`` of UTF-16 code units (see :mod:`.values`), so indexes,
``length`` and slicing are JavaScript's as they stand; only the code-point operations
(case mapping, ``normalize``, ``codePointAt``, iteration) join surrogate pairs first,
keeping lone surrogates as they are.  ``this`` may be a primitive string or a String
wrapper object (its ``toString`` gives the string); undefined/null throw V8's TypeError.
RegExp arguments are handed to :mod:`.lib_regexp`'s protocol functions.

``localeCompare`` approximates ICU's root collation, which node uses: characters
compare first by a primary weight (spaces and punctuation in ICU's order, then
digits, then letters case- and accent-blind), then by accents, then lowercase before
uppercase; control characters are ignored.  Exact for ASCII text, close for accented
Latin; other scripts order by code point.

Fuel: ~1 unit per 8 code units scanned; built strings are charged through
``rt.meter.string`` (V8's maximum length gives its RangeError first).
"""
from __future__ import annotations

import math
import unicodedata
from functools import partial

from . import lib_regexp
from .lib_regexp import is_regexp
from .numconv import _JS_SPACE, number_to_string, to_uint32
from .runtime import NewTarget, string_chars
from .values import (
    CALLABLE,
    CONSTRUCTOR,
    JS_NULL,
    NATIVE,
    SYM_ITERATOR,
    JsFunction,
    JsObject,
    JsSymbol,
    from_host_str,
    has_surrogates,
)

MAX_STRING_LENGTH = 2 ** 29 - 24        # V8's String::kMaxLength
NORMAL_FORMS = ("NFC", "NFD", "NFKC", "NFKD")
# ICU root collation order of ASCII whitespace, punctuation and symbols (node's).
_VARIABLE_ORDER = "\t\n\x0b\x0c\r" + " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"
_VARIABLE_RANK = {c: i for i, c in enumerate(_VARIABLE_ORDER)}


# -- helpers ---------------------------------------------------------------------------------
def this_string(rt, this, name: str) -> str:
    if type(this) is str:
        return this
    if this is None or this is JS_NULL:
        rt.throw("TypeError", f"String.prototype.{name} called on null or undefined")
    return rt.to_string(this)


def _scan(rt, n: int) -> None:
    rt.meter.charge(1 + (n >> 3))


def _built(rt, n: int) -> None:
    """Account for a new string of length *n* (V8's RangeError past its maximum)."""
    if n > MAX_STRING_LENGTH:
        rt.throw("RangeError", "Invalid string length")
    rt.meter.string(n)


def _clamp(x: float, n: int) -> int:
    return int(min(max(x, 0), n))


def code_points(s: str) -> str:
    """*s* with surrogate pairs joined into code points (lone surrogates kept)."""
    if not has_surrogates(s):
        return s
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _no_regexp(rt, v, name: str):
    if is_regexp(v):
        rt.throw("TypeError", f"First argument to String.prototype.{name} must not be a regular expression")
    return rt.to_string(v)


# -- the constructor and its statics -------------------------------------------------------------
def string_ctor(rt, this, *args):
    if isinstance(this, NewTarget):
        w = JsObject(this.proto, "String")
        w.internal = rt.to_string(args[0]) if args else ""
        rt.meter.alloc(64)
        return w
    if not args:
        return ""
    if type(args[0]) is JsSymbol:
        return f"Symbol({args[0].description or ''})"
    return rt.to_string(args[0])


def from_char_code(rt, this, *codes):
    _built(rt, len(codes))
    return "".join(chr(to_uint32(rt.to_number(c)) & 0xFFFF) for c in codes)


def from_code_point(rt, this, *points):
    out = []
    for p in points:
        x = rt.to_number(p)
        if not (x.is_integer() and 0 <= x <= 0x10FFFF):
            rt.throw("RangeError", f"Invalid code point {number_to_string(x)}")
        out.append(chr(int(x)))
    s = from_host_str("".join(out))
    _built(rt, len(s))
    return s


def raw(rt, this, template=None, *subs):
    cooked = rt.to_object(template)
    literal = rt.get(cooked, "raw")
    rt.to_object(literal)       # undefined/null raw: V8's TypeError
    n = rt.to_length(rt.get(literal, "length"))
    out = []
    for i in range(n):
        out.append(rt.to_string(rt.get(literal, str(i))))
        if i + 1 < n and i < len(subs):
            out.append(rt.to_string(subs[i]))
    s = "".join(out)
    _built(rt, len(s))
    return s


# -- characters ------------------------------------------------------------------------------------
def at(rt, this, index=None, *_):
    s = this_string(rt, this, "at")
    k = rt.to_integer(index)
    if k < 0:
        k += len(s)
    return s[int(k)] if 0 <= k < len(s) else None


def char_at(rt, this, pos=None, *_):
    s = this_string(rt, this, "charAt")
    k = rt.to_integer(pos)
    return s[int(k)] if 0 <= k < len(s) else ""


def char_code_at(rt, this, pos=None, *_):
    s = this_string(rt, this, "charCodeAt")
    k = rt.to_integer(pos)
    return float(ord(s[int(k)])) if 0 <= k < len(s) else float("nan")


def code_point_at(rt, this, pos=None, *_):
    s = this_string(rt, this, "codePointAt")
    k = rt.to_integer(pos)
    if not 0 <= k < len(s):
        return None
    k = int(k)
    c = ord(s[k])
    if 0xD800 <= c <= 0xDBFF and k + 1 < len(s) and 0xDC00 <= ord(s[k + 1]) <= 0xDFFF:
        return float(0x10000 + ((c - 0xD800) << 10) + ord(s[k + 1]) - 0xDC00)
    return float(c)


def iterator(rt, this, *_):
    s = this_string(rt, this, "[Symbol.iterator]")
    return rt.make_iterator(string_chars(s), "String Iterator")


# -- searching ---------------------------------------------------------------------------------------
def index_of(rt, this, search=None, pos=None, *_):
    s = this_string(rt, this, "indexOf")
    t = rt.to_string(search)
    _scan(rt, len(s))
    return float(s.find(t, _clamp(rt.to_integer(pos), len(s))))


def last_index_of(rt, this, search=None, pos=None, *_):
    s = this_string(rt, this, "lastIndexOf")
    t = rt.to_string(search)
    x = rt.to_number(pos)
    start = len(s) if math.isnan(x) else _clamp(rt.to_integer(x), len(s))
    _scan(rt, len(s))
    return float(s.rfind(t, 0, start + len(t)))


def includes(rt, this, search=None, pos=None, *_):
    s = this_string(rt, this, "includes")
    t = _no_regexp(rt, search, "includes")
    _scan(rt, len(s))
    return s.find(t, _clamp(rt.to_integer(pos), len(s))) >= 0


def starts_with(rt, this, search=None, pos=None, *_):
    s = this_string(rt, this, "startsWith")
    t = _no_regexp(rt, search, "startsWith")
    return s.startswith(t, _clamp(rt.to_integer(pos), len(s)))


def ends_with(rt, this, search=None, end=None, *_):
    s = this_string(rt, this, "endsWith")
    t = _no_regexp(rt, search, "endsWith")
    stop = len(s) if end is None else _clamp(rt.to_integer(end), len(s))
    start = stop - len(t)
    return start >= 0 and s[start:stop] == t


def _as_regexp(rt, v, flags: str = ""):
    """A RegExp argument as given, anything else compiled from its string
    (undefined is the empty pattern)."""
    if is_regexp(v):
        return v
    return lib_regexp.new_regexp(rt, "" if v is None else rt.to_string(v), flags)


def match(rt, this, regexp=None, *_):
    s = this_string(rt, this, "match")
    return lib_regexp.symbol_match(rt, _as_regexp(rt, regexp), s)


def match_all(rt, this, regexp=None, *_):
    s = this_string(rt, this, "matchAll")
    if is_regexp(regexp) and "g" not in rt.to_string(rt.get(regexp, "flags")):
        rt.throw("TypeError", "String.prototype.matchAll called with a non-global RegExp argument")
    return lib_regexp.symbol_match_all(rt, _as_regexp(rt, regexp, "g"), s)


def search(rt, this, regexp=None, *_):
    s = this_string(rt, this, "search")
    return lib_regexp.symbol_search(rt, _as_regexp(rt, regexp), s)


# -- replacing and splitting ------------------------------------------------------------------------
def _replacer(rt, replace_value):
    """``(match, position, string) -> replacement`` for a string pattern: the
    function's answer, or the ``$`` template expanded (no captures)."""
    if type(replace_value) is JsFunction:
        return lambda t, p, s: rt.to_string(rt.call(replace_value, None, t, float(p), s))
    template = rt.to_string(replace_value)
    return lambda t, p, s: lib_regexp.get_substitution(rt, t, s, p, [], None, template)


def _replace_at(rt, s: str, t: str, positions: list, replacer) -> str:
    """*s* with the occurrences of *t* at *positions* replaced."""
    out = []
    end = 0
    for p in positions:
        out.append(s[end:p])
        out.append(replacer(t, p, s))
        end = p + len(t)
    out.append(s[end:])
    result = "".join(out)
    _built(rt, len(result))
    return result


def replace(rt, this, pattern=None, replace_value=None, *_):
    s = this_string(rt, this, "replace")
    if is_regexp(pattern):
        return lib_regexp.symbol_replace(rt, pattern, s, replace_value)
    t = rt.to_string(pattern)
    replacer = _replacer(rt, replace_value)
    _scan(rt, len(s))
    p = s.find(t)
    return s if p < 0 else _replace_at(rt, s, t, [p], replacer)


def replace_all(rt, this, pattern=None, replace_value=None, *_):
    s = this_string(rt, this, "replaceAll")
    if is_regexp(pattern):
        if "g" not in rt.to_string(rt.get(pattern, "flags")):
            rt.throw("TypeError", "String.prototype.replaceAll called with a non-global RegExp argument")
        return lib_regexp.symbol_replace(rt, pattern, s, replace_value)
    t = rt.to_string(pattern)
    replacer = _replacer(rt, replace_value)
    _scan(rt, len(s))
    step = max(1, len(t))
    positions = []
    p = s.find(t)
    while p >= 0:
        positions.append(p)
        p = s.find(t, p + step)
    rt.meter.charge(len(positions))
    return _replace_at(rt, s, t, positions, replacer)


def split(rt, this, separator=None, limit=None, *_):
    s = this_string(rt, this, "split")
    if is_regexp(separator):
        return lib_regexp.symbol_split(rt, separator, s, limit)
    lim = 4294967295 if limit is None else to_uint32(rt.to_number(limit))
    sep = rt.to_string(separator)
    _scan(rt, len(s))
    if lim == 0:
        parts = []
    elif separator is None:
        parts = [s]
    elif sep == "":
        parts = list(s[:lim])
    else:
        parts = s.split(sep)[:lim]
    return rt.new_array(parts)


# -- pieces -------------------------------------------------------------------------------------------
def slice_(rt, this, start=None, end=None, *_):
    s = this_string(rt, this, "slice")
    n = len(s)
    return s[rt.relative_index(start, n, 0):rt.relative_index(end, n, n)]


def substring(rt, this, start=None, end=None, *_):
    s = this_string(rt, this, "substring")
    n = len(s)
    a = _clamp(rt.to_integer(start), n)
    b = n if end is None else _clamp(rt.to_integer(end), n)
    return s[min(a, b):max(a, b)]


def substr(rt, this, start=None, length=None, *_):
    s = this_string(rt, this, "substr")
    n = len(s)
    a = rt.relative_index(start, n, 0)
    count = n if length is None else _clamp(rt.to_integer(length), n)
    return s[a:min(a + count, n)]


def concat(rt, this, *args):
    s = this_string(rt, this, "concat") + "".join(rt.to_string(a) for a in args)
    _built(rt, len(s))
    return s


def repeat(rt, this, count=None, *_):
    s = this_string(rt, this, "repeat")
    x = rt.to_number(count)
    n = rt.to_integer(x)
    if n < 0 or n == float("inf"):
        rt.throw("RangeError", f"Invalid count value: {number_to_string(x)}")
    if not s or n == 0:
        return ""
    _built(rt, len(s) * int(n))
    return s * int(n)


def _pad(rt, this, max_length, fill, name: str, at_start: bool) -> str:
    s = this_string(rt, this, name)
    target = rt.to_length(max_length)
    filler = " " if fill is None else rt.to_string(fill)
    if target <= len(s) or not filler:
        return s
    _built(rt, target)
    need = target - len(s)
    pad = (filler * (need // len(filler) + 1))[:need]
    return pad + s if at_start else s + pad


def pad_start(rt, this, max_length=None, fill=None, *_):
    return _pad(rt, this, max_length, fill, "padStart", True)


def pad_end(rt, this, max_length=None, fill=None, *_):
    return _pad(rt, this, max_length, fill, "padEnd", False)


def _trimmer(how: str):
    def trim(rt, this, *_):
        s = this_string(rt, this, how)
        _scan(rt, len(s))
        return getattr(s, {"trim": "strip", "trimStart": "lstrip", "trimEnd": "rstrip"}[how])(_JS_SPACE)
    return trim


# -- Unicode ---------------------------------------------------------------------------------------------
def _mapper(name: str, upper: bool):
    """toUpperCase and friends: Unicode's full case mapping (``'ß'`` → ``'SS'``,
    final sigma) applied to code points; the locale variants behave the same."""
    def convert(rt, this, *_):
        s = this_string(rt, this, name)
        _scan(rt, len(s))
        if s.isascii():
            return s.upper() if upper else s.lower()
        t = from_host_str(code_points(s).upper() if upper else code_points(s).lower())
        _built(rt, len(t))
        return t
    return convert


def normalize(rt, this, form=None, *_):
    s = this_string(rt, this, "normalize")
    f = "NFC" if form is None else rt.to_string(form)
    if f not in NORMAL_FORMS:
        rt.throw("RangeError", "The normalization form should be one of NFC, NFD, NFKC, NFKD.")
    _scan(rt, len(s))
    if s.isascii():
        return s
    t = from_host_str(unicodedata.normalize(f, code_points(s)))
    _built(rt, len(t))
    return t


def _lone_surrogates(s: str):
    """Indexes of the surrogates in *s* that are not half of a pair."""
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if "\ud800" <= c <= "\udbff" and i + 1 < n and "\udc00" <= s[i + 1] <= "\udfff":
            i += 2
            continue
        if "\ud800" <= c <= "\udfff":
            yield i
        i += 1


def is_well_formed(rt, this, *_):
    s = this_string(rt, this, "isWellFormed")
    return not has_surrogates(s) or next(_lone_surrogates(s), None) is None


def to_well_formed(rt, this, *_):
    s = this_string(rt, this, "toWellFormed")
    if not has_surrogates(s):
        return s
    chars = list(s)
    for i in _lone_surrogates(s):
        chars[i] = "\ufffd"
    return "".join(chars)


def _collation_key(s: str):
    """(primary, secondary, tertiary) weights approximating ICU's root collation."""
    primary, secondary, tertiary = [], [], []
    for ch in unicodedata.normalize("NFD", code_points(s)):
        if unicodedata.combining(ch):
            if secondary:
                secondary[-1] += (ord(ch),)
            continue
        cat = unicodedata.category(ch)
        if ch in _VARIABLE_RANK:
            weights = [(0, _VARIABLE_RANK[ch])]
        elif cat in ("Cc", "Cf"):
            continue                            # ignorable
        elif cat[0] in "ZPS":
            weights = [(0, 100 + ord(ch))]
        elif cat == "Nd":
            weights = [(1, unicodedata.digit(ch))]
        elif cat[0] == "L":
            folded = ch.casefold()
            weights = [(2, ord(c)) for c in folded]
            case = 2 if len(folded) > 1 else 1 if ch != ch.lower() else 0
            primary.extend(weights)
            secondary.extend(() for _ in weights)
            tertiary.extend(case for _ in weights)
            continue
        else:
            weights = [(3, ord(ch))]
        primary.extend(weights)
        secondary.append(())
        tertiary.append(0)
    return primary, secondary, tertiary


def locale_compare(rt, this, that=None, *_):
    s = this_string(rt, this, "localeCompare")
    t = rt.to_string(that)
    _scan(rt, len(s) + len(t))
    if s == t:
        return 0.0
    a, b = _collation_key(s), _collation_key(t)
    return -1.0 if a < b else 1.0 if a > b else 0.0


def to_string(rt, this, *_):
    return _string_value(rt, this, "toString")


def value_of(rt, this, *_):
    return _string_value(rt, this, "valueOf")


def _string_value(rt, this, name: str) -> str:
    if type(this) is str:
        return this
    if isinstance(this, JsObject) and this.cls == "String" and type(this.internal) is str:
        return this.internal
    rt.throw("TypeError", f"String.prototype.{name} requires that 'this' be a String")


METHODS = (
    ("at", at, 1), ("charAt", char_at, 1), ("charCodeAt", char_code_at, 1), ("codePointAt", code_point_at, 1),
    ("concat", concat, 1), ("endsWith", ends_with, 1), ("includes", includes, 1), ("indexOf", index_of, 1),
    ("lastIndexOf", last_index_of, 1), ("localeCompare", locale_compare, 1), ("match", match, 1),
    ("matchAll", match_all, 1), ("normalize", normalize, 0), ("padEnd", pad_end, 1),
    ("padStart", pad_start, 1), ("repeat", repeat, 1), ("replace", replace, 2),
    ("replaceAll", replace_all, 2), ("search", search, 1), ("slice", slice_, 2), ("split", split, 2),
    ("startsWith", starts_with, 1), ("substring", substring, 2), ("substr", substr, 2),
    ("toLowerCase", _mapper("toLowerCase", False), 0), ("toUpperCase", _mapper("toUpperCase", True), 0),
    ("toLocaleLowerCase", _mapper("toLocaleLowerCase", False), 0),
    ("toLocaleUpperCase", _mapper("toLocaleUpperCase", True), 0),
    ("trim", _trimmer("trim"), 0), ("isWellFormed", is_well_formed, 0),
    ("toWellFormed", to_well_formed, 0), ("toString", to_string, 0), ("valueOf", value_of, 0),
)


def open(rt) -> None:
    P = rt.StringProto
    for name, fn, nparams in METHODS:
        rt.define(P, name, partial(fn, rt), nparams)
    for name, alias in (("trimStart", "trimLeft"), ("trimEnd", "trimRight")):
        f = rt.define(P, name, partial(_trimmer(name), rt), 0)
        P.props[alias] = f          # the same function object, as in V8
        P.hide(alias)
    it = rt.native("[Symbol.iterator]", partial(iterator, rt), 0)
    P.props[SYM_ITERATOR] = it
    P.hide(SYM_ITERATOR)
    rt.string_iter = it

    S = rt.native("String", partial(string_ctor, rt), 1, kind=CALLABLE | CONSTRUCTOR | NATIVE)
    rt.define(S, "fromCharCode", partial(from_char_code, rt), 1)
    rt.define(S, "fromCodePoint", partial(from_code_point, rt), 1)
    rt.define(S, "raw", partial(raw, rt), 1)
    S.props["prototype"] = P
    P.props["constructor"] = S
    S.hide("prototype")
    P.hide("constructor")
    rt.Gh["String"] = S
