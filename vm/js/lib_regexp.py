"""JavaScript's ``RegExp``: the constructor, ``RegExp.prototype`` and the matching
protocols the String methods use (match, matchAll, replace, search, split).

A RegExp object is a :class:`JsObject` of class "RegExp" whose ``internal`` is the
compiled :class:`~.regexp.Program` (it carries the pattern ``source`` as written and
the canonical ``flags``), with an own, writable, non-enumerable ``lastIndex``.  The
matching engine is :mod:`.regexp`; this module adds what the spec layers on top of a
match: ``lastIndex`` bookkeeping for the ``g``/``y`` flags, result arrays (``index``,
``input``, ``groups``, ``indices`` for ``d``), empty-match advancement (by code point
under ``u``) and replacement templates (``$&``, ``$1``, ``$<name>`` ...).

The String methods call the ``symbol_*`` functions here directly (the well-known
symbols ``Symbol.match``/``replace``/... are not modelled).  They follow the spec's
observable steps — ``flags`` and ``lastIndex`` are read and written through property
access, and a user-defined ``exec`` on a RegExp is honoured — except ``split``, which
runs the engine on the pattern directly instead of cloning a sticky splitter (same
result, without the clone and a match attempt per position).
"""
from __future__ import annotations

import math
from functools import partial

from . import regexp as engine
from .lib_array import describe
from .numconv import to_uint32
from .runtime import NewTarget
from .values import (
    CALLABLE,
    CONSTRUCTOR,
    JS_NULL,
    NATIVE,
    Accessor,
    JsArray,
    JsFunction,
    JsObject,
)

# flag letter -> the RegExp.prototype accessor that reports it, in `flags` order
FLAG_PROPS = (("d", "hasIndices"), ("g", "global"), ("i", "ignoreCase"), ("m", "multiline"),
              ("s", "dotAll"), ("u", "unicode"), ("v", "unicodeSets"), ("y", "sticky"))
#: the RegExp.prototype properties the protocols read (see :func:`_plain`)
_PROTOCOL_PROPS = ("exec", "flags", *(name for _, name in FLAG_PROPS))
_LINE_ESCAPES = {"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def is_regexp(v) -> bool:
    return type(v) is JsObject and v.cls == "RegExp" and type(v.internal) is engine.Program


def new_regexp(rt, source: str, flags: str, proto=None) -> JsObject:
    """A fresh RegExp object (``lastIndex`` 0); a bad pattern or flags throws V8's SyntaxError."""
    prog = _compile(rt, source, flags)
    rt.meter.alloc(64 + 2 * len(source))
    obj = JsObject(proto or rt.RegExpProto, "RegExp")
    obj.internal = prog
    obj.props["lastIndex"] = 0.0
    obj.hidden = {"lastIndex"}
    return obj


def _compile(rt, source: str, flags: str):
    try:
        return engine.compile(source, flags)
    except engine.RegExpError as e:
        rt.throw("SyntaxError", str(e))


def make_regexp(rt, source: str, flags: str) -> JsObject:
    """What a regex literal ``/source/flags`` evaluates to (a new object each time)."""
    return new_regexp(rt, source, flags)


def escape_source(source: str) -> str:
    """EscapeRegExpPattern: the ``source`` text that reads back as the same literal
    (``/`` outside a class escaped, line terminators written as escapes)."""
    if not source:
        return "(?:)"
    out = []
    in_class = False
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\" and i + 1 < len(source):
            nxt = source[i + 1]
            out.append("\\" + _LINE_ESCAPES[nxt][1:] if nxt in _LINE_ESCAPES else c + nxt)
            i += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        out.append("\\/" if c == "/" and not in_class else _LINE_ESCAPES.get(c, c))
        i += 1
    return "".join(out)


def advance(s: str, i: int, unicode: bool) -> int:
    """AdvanceStringIndex: past one code unit, or one code point under ``u``."""
    if unicode and i + 1 < len(s) and "\ud800" <= s[i] <= "\udbff" and "\udc00" <= s[i + 1] <= "\udfff":
        return i + 2
    return i + 1


def _same_value(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return (a == b and math.copysign(1, a) == math.copysign(1, b)) or (math.isnan(a) and math.isnan(b))
    return a is b or a == b


# -- one match -------------------------------------------------------------------------------
class Match:
    """One match as the protocols consume it: ``strs`` (the match and its captures,
    None where a group did not take part), ``index``, ``groups`` (a JS object or None)
    and, when a user ``exec`` produced it, that result object."""

    __slots__ = ("groups", "index", "obj", "raw", "strs")

    def __init__(self, strs, index, groups, raw=None, obj=None):
        self.strs, self.index, self.groups, self.raw, self.obj = strs, index, groups, raw, obj


def _builtin_exec(rt, R: JsObject, s: str) -> list | None:
    """RegExpBuiltinExec: the engine's flat capture list, with ``lastIndex`` rules.
    An own number ``lastIndex`` (the usual case) is read and written in place:
    reading and converting a number, or storing over a writable data property,
    has nothing to observe, so the generic property operations are skipped."""
    prog = R.internal
    flags = prog.flags
    last = R.props.get("lastIndex")
    own = type(last) is float
    if own and 0.0 <= last < 9007199254740992.0:
        last = int(last)
    else:
        last = rt.to_length(last if own else rt.get(R, "lastIndex"))
    keeps_index = "g" in flags or "y" in flags
    if not keeps_index:
        last = 0
    r = None
    if last <= len(s):
        r = (engine.exec_at if "y" in flags else engine.search)(prog, s, last, rt.meter.charge)
    if keeps_index:
        if own and not R.frozen:
            R.props["lastIndex"] = 0.0 if r is None else float(r[1])
        else:
            rt.put(R, "lastIndex", 0.0 if r is None else float(r[1]))
    return r


def _groups(rt, names: dict, values: list):
    """The ``groups`` object: name -> value in group order, null prototype (undefined
    when the pattern names no group)."""
    if not names:
        return None
    return rt.new_object({name: values[i] for name, i in sorted(names.items(), key=lambda p: p[1])}, proto=None)


def _match_of_raw(rt, prog, s: str, r: list) -> Match:
    strs = [s[r[i]:r[i + 1]] if r[i] >= 0 else None for i in range(0, len(r), 2)]
    return Match(strs, r[0], _groups(rt, prog.names, strs), raw=r)


def _match_of_object(rt, obj: JsObject) -> Match:
    n = rt.to_length(rt.get(obj, "length"))
    strs = [rt.to_string(rt.get(obj, "0"))]
    for k in range(1, n):
        v = rt.get(obj, str(k))
        strs.append(None if v is None else rt.to_string(v))
    index = rt.to_integer(rt.get(obj, "index"))
    groups = rt.get(obj, "groups")
    return Match(strs, index, groups, obj=obj)


def _is_builtin_exec(f) -> bool:
    return type(f) is JsFunction and getattr(f.fn, "func", None) is exec_


def run_exec(rt, R, s: str, plain: bool = False) -> Match | None:
    """RegExpExec: the object's own ``exec`` if it was replaced, else the built-in one
    (*plain*: the caller checked with :func:`_plain` that it is the built-in)."""
    if plain:
        r = _builtin_exec(rt, R, s)
        return None if r is None else _match_of_raw(rt, R.internal, s, r)
    f = rt.get(R, "exec")
    if type(f) is JsFunction and not _is_builtin_exec(f):
        r = rt.call(f, R, s)
        if r is JS_NULL:
            return None
        if not isinstance(r, JsObject):
            rt.throw("TypeError", "RegExp exec method returned something other than an Object or null")
        return _match_of_object(rt, r)
    if not is_regexp(R):
        _incompatible(rt, "RegExp.prototype.exec", R)
    r = _builtin_exec(rt, R, s)
    return None if r is None else _match_of_raw(rt, R.internal, s, r)


def match_array(rt, R, s: str, m: Match):
    """The array ``exec`` returns for match *m*."""
    if m.obj is not None:
        return m.obj
    arr = rt.new_array(list(m.strs))
    arr.props["index"] = float(m.index)
    arr.props["input"] = s
    arr.props["groups"] = m.groups
    if "d" in R.internal.flags:
        r = m.raw
        pairs = [rt.new_array([float(r[i]), float(r[i + 1])]) if r[i] >= 0 else None for i in range(0, len(r), 2)]
        indices = rt.new_array(pairs)
        indices.props["groups"] = _groups(rt, R.internal.names, pairs)
        arr.props["indices"] = indices
    return arr


def _flags(rt, R) -> str:
    return rt.to_string(rt.get(R, "flags"))


def _plain(rt, R) -> bool:
    """Is *R* a RegExp that reads exactly as a fresh one does: its only own
    property a number ``lastIndex``, not frozen, and ``exec``, ``flags`` and the
    flag getters still RegExp.prototype's originals?  Then the protocols may take
    its flags from the compiled pattern and run the built-in exec directly: the
    property reads they skip could run no script code and return the same values."""
    return (type(R) is JsObject and R.proto is rt.RegExpProto and len(R.props) == 1
            and type(R.props.get("lastIndex")) is float and not R.frozen and is_regexp(R)
            and tuple(map(R.proto.props.get, _PROTOCOL_PROPS)) == rt.regexp_originals)


def _advance_last_index(rt, R, s: str, unicode: bool) -> None:
    i = rt.to_length(rt.get(R, "lastIndex"))
    rt.put(R, "lastIndex", float(advance(s, i, unicode)))


# -- the protocols the String methods use ---------------------------------------------------------
def symbol_match(rt, R, s: str):
    plain = _plain(rt, R)
    flags = R.internal.flags if plain else _flags(rt, R)
    if "g" not in flags:
        m = run_exec(rt, R, s, plain)
        return JS_NULL if m is None else match_array(rt, R, s, m)
    unicode = "u" in flags or "v" in flags
    rt.put(R, "lastIndex", 0.0)
    found = []
    while True:
        m = run_exec(rt, R, s, plain)
        if m is None:
            return rt.new_array(found) if found else JS_NULL
        rt.meter.charge(1)
        found.append(m.strs[0])
        if m.strs[0] == "":
            _advance_last_index(rt, R, s, unicode)


def symbol_match_all(rt, R, s: str):
    """The iterator ``s.matchAll(R)`` returns: it walks a clone of R."""
    flags = _flags(rt, R)
    if not is_regexp(R):
        _incompatible(rt, "RegExp.prototype.@@matchAll", R)
    matcher = new_regexp(rt, R.internal.source, flags)
    rt.put(matcher, "lastIndex", float(rt.to_length(rt.get(R, "lastIndex"))))
    is_global = "g" in flags
    unicode = "u" in flags or "v" in flags

    def walk():
        while True:
            m = run_exec(rt, matcher, s)
            if m is None:
                return
            if not is_global:
                yield match_array(rt, matcher, s, m)
                return
            if m.strs[0] == "":
                _advance_last_index(rt, matcher, s, unicode)
            yield match_array(rt, matcher, s, m)
    return rt.make_iterator(walk(), "RegExp String Iterator")


def get_substitution(rt, matched: str, s: str, position: int, captures: list, named, template: str) -> str:
    """GetSubstitution: expand ``$$ $& $` $' $n $nn $<name>`` in a replacement template."""
    if "$" not in template:
        return template
    out = []
    i, n, m = 0, len(template), len(captures)
    while i < n:
        c = template[i]
        d = template[i + 1] if i + 1 < n else ""
        if c != "$" or not d:
            out.append(c)
            i += 1
        elif d == "$":
            out.append("$")
            i += 2
        elif d == "&":
            out.append(matched)
            i += 2
        elif d == "`":
            out.append(s[:position])
            i += 2
        elif d == "'":
            out.append(s[min(position + len(matched), len(s)):])
            i += 2
        elif "0" <= d <= "9":
            two = template[i + 1:i + 3]
            if len(two) == 2 and "0" <= two[1] <= "9" and 1 <= int(two) <= m:
                k, width = int(two), 3
            elif 1 <= int(d) <= m:
                k, width = int(d), 2
            else:
                out.append("$")
                i += 1
                continue
            cap = captures[k - 1]
            out.append("" if cap is None else cap)
            i += width
        elif d == "<" and named is not None and template.find(">", i + 2) >= 0:
            gt = template.find(">", i + 2)
            cap = rt.get(named, template[i + 2:gt])
            out.append("" if cap is None else rt.to_string(cap))
            i = gt + 1
        else:
            out.append("$")
            i += 1
    return "".join(out)


def symbol_replace(rt, R, s: str, replace_value) -> str:
    functional = type(replace_value) is JsFunction
    template = None if functional else rt.to_string(replace_value)
    plain = _plain(rt, R)
    flags = R.internal.flags if plain else _flags(rt, R)
    is_global = "g" in flags
    unicode = "u" in flags or "v" in flags
    if is_global:
        rt.put(R, "lastIndex", 0.0)
    matches = []
    while True:
        m = run_exec(rt, R, s, plain)
        if m is None:
            break
        matches.append(m)
        if not is_global:
            break
        if m.strs[0] == "":
            _advance_last_index(rt, R, s, unicode)
    out = []
    next_pos = 0
    for m in matches:
        rt.meter.charge(1)
        matched = m.strs[0]
        position = int(max(min(m.index, len(s)), 0))
        captures = m.strs[1:]
        if functional:
            args = [matched, *captures, float(position), s]
            if m.groups is not None:
                args.append(m.groups)
            replacement = rt.to_string(rt.call(replace_value, None, *args))
        else:
            named = m.groups if m.groups is None else rt.to_object(m.groups)
            replacement = get_substitution(rt, matched, s, position, captures, named, template)
        if position >= next_pos:
            out.append(s[next_pos:position])
            out.append(replacement)
            next_pos = position + len(matched)
    out.append(s[next_pos:])
    result = "".join(out)
    rt.meter.string(len(result))
    return result


def symbol_search(rt, R, s: str) -> float:
    previous = rt.get(R, "lastIndex")
    if not _same_value(previous, 0.0):
        rt.put(R, "lastIndex", 0.0)
    m = run_exec(rt, R, s)
    if not _same_value(rt.get(R, "lastIndex"), previous):
        rt.put(R, "lastIndex", previous)
    return -1.0 if m is None else float(m.index)


def symbol_split(rt, R, s: str, limit) -> JsArray:
    """``s.split(R, limit)``: pieces between matches, captures spliced in; an empty
    match at the previous cut does not split (the search moves on one character)."""
    flags = _flags(rt, R)
    if not is_regexp(R):
        _incompatible(rt, "RegExp.prototype.@@split", R)
    prog = _compile(rt, R.internal.source, flags) if flags != R.internal.flags else R.internal
    unicode = "u" in flags or "v" in flags
    lim = 4294967295 if limit is None else to_uint32(rt.to_number(limit))
    if lim == 0:
        return rt.new_array([])
    size = len(s)
    if size == 0:
        return rt.new_array([] if engine.exec_at(prog, s, 0, rt.meter.charge) is not None else [s])
    out: list = []
    p = q = 0
    while q < size:
        r = engine.search(prog, s, q, rt.meter.charge)
        if r is None or r[0] >= size:
            break
        q = r[0]
        e = min(r[1], size)
        if e == p:
            q = advance(s, q, unicode)
            continue
        out.append(s[p:q])
        out.extend(s[r[i]:r[i + 1]] if r[i] >= 0 else None for i in range(2, len(r), 2))
        rt.meter.charge(1)
        if len(out) >= lim:
            return rt.new_array(out[:lim])
        p = q = e
    out.append(s[p:])
    return rt.new_array(out[:lim])


# -- RegExp.prototype ------------------------------------------------------------------------
def _incompatible(rt, method: str, v):
    rt.throw("TypeError", f"Method {method} called on incompatible receiver {describe(rt, v)}")


def _require(rt, this, method: str) -> JsObject:
    if not is_regexp(this):
        _incompatible(rt, f"RegExp.prototype.{method}", this)
    return this


def exec_(rt, this, string=None, *_):
    R = _require(rt, this, "exec")
    s = rt.to_string(string)
    r = _builtin_exec(rt, R, s)
    return JS_NULL if r is None else match_array(rt, R, s, _match_of_raw(rt, R.internal, s, r))


def test(rt, this, string=None, *_):
    if not isinstance(this, JsObject):
        _incompatible(rt, "RegExp.prototype.test", this)
    s = rt.to_string(string)
    return run_exec(rt, this, s, _plain(rt, this)) is not None


def to_string(rt, this, *_):
    if not isinstance(this, JsObject):
        _incompatible(rt, "RegExp.prototype.toString", this)
    return f"/{rt.to_string(rt.get(this, 'source'))}/{rt.to_string(rt.get(this, 'flags'))}"


def _flag_getter(rt, letter: str, name: str, this, *_):
    if is_regexp(this):
        return letter in this.internal.flags
    if this is rt.RegExpProto:
        return None
    rt.throw("TypeError", f"RegExp.prototype.{name} getter called on non-RegExp object")


def _source_getter(rt, this, *_):
    if is_regexp(this):
        return escape_source(this.internal.source)
    if this is rt.RegExpProto:
        return "(?:)"
    rt.throw("TypeError", "RegExp.prototype.source getter called on non-RegExp object")


def _flags_getter(rt, this, *_):
    if not isinstance(this, JsObject):
        rt.throw("TypeError", f"RegExp.prototype.flags getter called on non-object {describe(rt, this)}")
    if is_regexp(this) and all(_is_builtin_getter(this, name) for _, name in FLAG_PROPS):
        return this.internal.flags
    return "".join(letter for letter, name in FLAG_PROPS if rt.truthy(rt.get(this, name)))


def _is_builtin_getter(R: JsObject, name: str) -> bool:
    """Is ``R.name`` still RegExp.prototype's own accessor (nothing overrides it)?"""
    obj = R
    while obj is not None:
        d = obj.props.get(name)
        if d is not None:
            return type(d) is Accessor and getattr(d.get.fn, "func", None) is _flag_getter
        obj = obj.proto
    return False


def regexp_ctor(rt, this, pattern=None, flags=None, *_):
    new = isinstance(this, NewTarget)
    if is_regexp(pattern):
        if not new and flags is None and rt.get(pattern, "constructor") is rt.RegExpProto.props.get("constructor"):
            return pattern
        source = pattern.internal.source
        flags = pattern.internal.flags if flags is None else rt.to_string(flags)
    else:
        source = "" if pattern is None else rt.to_string(pattern)
        flags = "" if flags is None else rt.to_string(flags)
    return new_regexp(rt, source, flags, this.proto if new else None)


def open(rt) -> None:
    P = JsObject(rt.ObjectProto)
    rt.RegExpProto = P
    for name, fn, nparams in (("exec", exec_, 1), ("test", test, 1), ("toString", to_string, 0)):
        rt.define(P, name, partial(fn, rt), nparams)
    P.props["source"] = Accessor(rt.native("get source", partial(_source_getter, rt)))
    P.props["flags"] = Accessor(rt.native("get flags", partial(_flags_getter, rt)))
    for letter, name in FLAG_PROPS:
        P.props[name] = Accessor(rt.native(f"get {name}", partial(_flag_getter, rt, letter, name)))
    P.hide("source", "flags", *(name for _, name in FLAG_PROPS))
    rt.regexp_originals = tuple(P.props[name] for name in _PROTOCOL_PROPS)
    R = rt.native("RegExp", partial(regexp_ctor, rt), 2, kind=CALLABLE | CONSTRUCTOR | NATIVE)
    R.props["prototype"] = P
    P.props["constructor"] = R
    R.hide("prototype")
    P.hide("constructor")
    rt.Gh["RegExp"] = R
