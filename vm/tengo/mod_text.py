"""Tengo's ``text`` module: Go's strings and strconv functions, and regular expressions.

Go strings are UTF-8 bytes, so wherever Tengo's functions count or cut, they count
bytes: ``index``/``last_index``/``index_any`` return byte offsets, ``substr`` and
``pad_left``/``pad_right`` cut and measure in bytes (a cut through a character
keeps its bytes, as in Go), regexp matches report byte offsets.
Case mappings are Go's per-character simple mappings (``to_upper("ß")`` stays
"ß"), ``fields``/``trim_space`` split on Go's ``unicode.IsSpace``.

Regular expressions use Go's RE2 syntax, translated by :mod:`.re2` onto llmspell's
metered matcher, so a pathological pattern runs out of fuel instead of hanging.
``re_find`` gives, per match, an array of immutable maps ``{text, begin, end}`` —
group 0 then each group.

Errors are real Tengo's, slips included: argument errors read ``invalid type for
argument 'first' in call to 'user-function:split'`` (``compare`` & co. name the
first argument's type for a bad second one; ``split`` & co. call the second
argument "first"); ``atoi`` and ``unquote`` return error values; ``parse_int``,
``parse_float``, ``parse_bool`` and the ``re_*`` functions given a bad pattern end
the script with a runtime error although the docs promise error values (Tengo's
Go code assigns the error to its named result), and so does ``re_find`` when a
group did not take part in a match (``runtime error: slice bounds out of range
[:-1]``: Tengo slices the text with Go's -1 positions).  Go panics keep their
message (``strings: negative Repeat count``, ``invalid index type``).
"""
from __future__ import annotations

import re

from . import gostrconv, re2
from .fmt import quote
from .libargs import functions, go_error, unpack, utf8
from .values import Array, ImmutableMap, byte_len, from_bytes

_ESCAPES = re.compile("[\udc80-\udcff]")
SPACES = frozenset("\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                   "\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


# -- Go's unicode case mappings, one character at a time ------------------------------------------
def _one(c: str, mapped: str, alt: str) -> str:
    if len(mapped) == 1:
        return mapped
    return alt if len(alt) == 1 and alt != c else c


def to_upper(s: str) -> str:
    return s.upper() if s.isascii() else "".join(_one(c, c.upper(), c.title()) for c in s)


def to_lower(s: str) -> str:
    if s.isascii():
        return s.lower()
    return "".join("i" if c == "\u0130" else _one(c, c.lower(), c) for c in s)


def to_title(s: str) -> str:
    return "".join(_one(c, c.title(), c.upper()) for c in s)


def _separator(c: str) -> bool:
    """strings.Title's ``isSeparator``."""
    if c < "\x80":
        return not (c.isalnum() or c == "_")
    if c.isalpha() or c.isdecimal():
        return False
    return c in SPACES


def title(s: str) -> str:
    out, prev = [], " "
    for c in s:
        out.append(to_title(c) if _separator(prev) else c)
        prev = c
    return "".join(out)


def equal_fold(a: str, b: str) -> bool:
    return len(a) == len(b) and all(x == y or re2.simple_fold_key(ord(x)) == re2.simple_fold_key(ord(y))
                                    for x, y in zip(a, b))


def fields(s: str) -> list[str]:
    out, cur = [], []
    for c in s:
        if c in SPACES:
            if cur:
                out.append("".join(cur))
                cur = []
        else:
            cur.append(c)
    if cur:
        out.append("".join(cur))
    return out


def trim_space(s: str) -> str:
    i, j = 0, len(s)
    while i < j and s[i] in SPACES:
        i += 1
    while j > i and s[j - 1] in SPACES:
        j -= 1
    return s[i:j]


def split(s: str, sep: str, save: int, n: int) -> list[str]:
    """Go's ``genSplit`` (Split, SplitAfter, SplitN, SplitAfterN)."""
    if n == 0:
        return []
    if sep == "":
        if n < 0 or n > len(s):
            n = len(s)
        return [] if n == 0 else list(s[:n - 1]) + [s[n - 1:]]
    if n < 0:
        n = s.count(sep) + 1
    out = []
    while len(out) < n - 1:
        m = s.find(sep)
        if m < 0:
            break
        out.append(s[:m + save])
        s = s[m + len(sep):]
    out.append(s)
    return out


def byte_index(s: str, i: int) -> int:
    """The UTF-8 offset of code point index i (-1 stays -1)."""
    return i if i < 0 or s.isascii() else byte_len(s[:i])


def index_any(s: str, chars: str, last: bool) -> int:
    rng = range(len(s) - 1, -1, -1) if last else range(len(s))
    for i in rng:
        if s[i] in chars:
            return byte_index(s, i)
    return -1


def pad(s: str, n: int, with_: str, left: bool) -> str:
    """pad_left/pad_right, on bytes as Tengo does."""
    b, p = utf8(s), utf8(with_)
    if len(b) >= n or not p:
        return s
    count = (n - len(p)) // len(p) + 1
    return from_bytes((p * count + b)[-n:] if left else (b + p * count)[:n])


# -- the module -------------------------------------------------------------------------------------
def module(rt) -> ImmutableMap:
    charge = rt.meter.charge

    def made(s: str) -> str:
        """A result string, accounted for and in its one spelling (removing text from
        between two stray bytes can leave a UTF-8 sequence in escaped form)."""
        rt.meter.string(len(s))
        return s if s.isascii() or not _ESCAPES.search(s) else from_bytes(utf8(s))

    def strings_args(label, args, quirk=None):
        """Two string(compatible) arguments, with the argument-name slips of Tengo's
        FuncASSRI ("second" reports the first argument's type) and FuncASSRSs
        (the second argument is called "first")."""
        if len(args) != 2:
            rt.wrong_args(label)
        if quirk and args[1] is None and args[0] is not None:
            if quirk == "type":
                rt.bad_arg(label, "second", "string(compatible)", args[0])
            rt.bad_arg(label, "first", "string(compatible)", args[1])
        return unpack(rt, label, args, "S S")

    def ss(name, body, quirk=None, result=made):
        label = "user-function:" + name

        def call(*args):
            a, b = strings_args(label, args, quirk)
            charge((len(a) + len(b)) // 8)
            return result(body(a, b))
        return call

    def s1(name, body):
        label = "user-function:" + name

        def call(*args):
            (a,) = unpack(rt, label, args, "S")
            charge(len(a) // 8)
            return made(body(a))
        return call

    def array(items):
        return rt.make_array(list(items))

    def ident(v):
        return v

    fns = {
        "compare": ss("compare", lambda a, b: (a > b) - (a < b), "type", ident),
        "contains": ss("contains", lambda a, b: b in a, result=ident),
        "contains_any": ss("contains_any", lambda a, b: any(c in a for c in b), result=ident),
        "count": ss("count", lambda a, b: len(a) + 1 if b == "" else a.count(b), "type", ident),
        "equal_fold": ss("equal_fold", equal_fold, result=ident),
        "has_prefix": ss("has_prefix", lambda a, b: a.startswith(b), result=ident),
        "has_suffix": ss("has_suffix", lambda a, b: a.endswith(b), result=ident),
        "index": ss("index", lambda a, b: byte_index(a, a.find(b)), "type", ident),
        "index_any": ss("index_any", lambda a, b: index_any(a, b, False), "type", ident),
        "last_index": ss("last_index", lambda a, b: byte_index(a, a.rfind(b)), "type", ident),
        "last_index_any": ss("last_index_any", lambda a, b: index_any(a, b, True), "type", ident),
        "split": ss("split", lambda a, b: split(a, b, 0, -1), "name", array),
        "split_after": ss("split_after", lambda a, b: split(a, b, len(b), -1), "name", array),
        "trim": ss("trim", lambda a, b: a.strip(b) if b else a),
        "trim_left": ss("trim_left", lambda a, b: a.lstrip(b) if b else a),
        "trim_right": ss("trim_right", lambda a, b: a.rstrip(b) if b else a),
        "trim_prefix": ss("trim_prefix", lambda a, b: a[len(b):] if b and a.startswith(b) else a),
        "trim_suffix": ss("trim_suffix", lambda a, b: a[:-len(b)] if b and a.endswith(b) else a),
        "title": s1("title", title),
        "to_lower": s1("to_lower", to_lower),
        "to_title": s1("to_title", to_title),
        "to_upper": s1("to_upper", to_upper),
        "trim_space": s1("trim_space", trim_space),
        "quote": s1("quote", quote),
    }

    def fields_(*args):
        (s,) = unpack(rt, "user-function:fields", args, "S")
        charge(len(s) // 8)
        return array(fields(s))

    def split_n(name, save):
        label = "user-function:" + name

        def call(*args):
            s, sep, n = unpack(rt, label, args, "S S I")
            charge(len(s) // 8)
            return array(split(s, sep, len(sep) if save else 0, n))
        return call

    def join(*args):
        label = "user-function:join"
        if len(args) != 2:
            rt.wrong_args(label)
        arr = args[0]
        if not isinstance(arr, Array):
            rt.bad_arg(label, "first", "array", arr)
        parts = []
        for k, v in enumerate(arr.items):
            if type(v) is not str:
                if v is None:
                    rt.bad_arg(label, f"first[{k}]", "string(compatible)", v)
                v = rt.to_string(v)
            parts.append(v)
        (sep,) = unpack(rt, label, args[1:], "S")
        charge(len(parts))
        rt.meter.string(sum(map(len, parts)) + len(sep) * max(len(parts) - 1, 0))
        return sep.join(parts)

    def repeat(*args):
        s, n = unpack(rt, "user-function:repeat", args, "S I")
        if n < 0:
            rt.error("strings: negative Repeat count")
        rt.meter.string(len(s) * n)
        return s * n

    def replace(*args):
        s, old, new, n = unpack(rt, "user-function:replace", args, "S S S I")
        charge(len(s) // 8)
        found = len(s) + 1 if old == "" else s.count(old)
        count = found if n < 0 else min(n, found)
        rt.meter.string(len(s) + count * (len(new) - len(old)))
        return s.replace(old, new, n if n >= 0 else -1)

    def substr(*args):
        s, lo, hi = unpack(rt, "user-function:substr", args, "S I I?")
        n = byte_len(s)
        hi = n if hi is None else hi
        if lo > hi:
            rt.error("invalid index type")
        lo, hi = min(max(lo, 0), n), min(max(hi, 0), n)
        return made(s[lo:hi] if s.isascii() else from_bytes(utf8(s)[lo:hi]))

    def padder(name, left):
        label = "user-function:" + name

        def call(*args):
            s, n, with_ = unpack(rt, label, args, "S I S?")
            rt.meter.string(max(n, 0))
            return pad(s, n, " " if with_ is None else with_, left)
        return call

    def num_error(fn, *a):
        """Go's error as an error value (``atoi``, ``unquote``)."""
        try:
            return fn(*a)
        except gostrconv.NumError as e:
            return go_error(rt, str(e))

    def num_raise(fn, *a):
        """Go's error as a runtime error (``parse_*``, as real Tengo's code slips)."""
        try:
            return fn(*a)
        except gostrconv.NumError as e:
            rt.error(str(e))

    def panics(fn, *a):
        try:
            return fn(*a)
        except ValueError as e:
            rt.error(str(e))

    def format_float(*args):
        f, fmt, prec, bits = unpack(rt, "user-function:format_float", args, "f S I I")
        if fmt == "":
            rt.error("runtime error: index out of range [0] with length 0")
        rt.meter.string(max(prec, 0) + 32)            # the digits asked for, before making them
        return made(panics(gostrconv.format_float, f, fmt[0], prec, bits))

    def typed(name, spec, body):
        label = "user-function:" + name

        def call(*args):
            return body(*unpack(rt, label, args, spec))
        return call

    fns.update({
        "fields": fields_, "join": join, "repeat": repeat, "replace": replace, "substr": substr,
        "split_n": split_n("split_n", False), "split_after_n": split_n("split_after_n", True),
        "pad_left": padder("pad_left", True), "pad_right": padder("pad_right", False),
        "format_float": format_float,
        "atoi": typed("atoi", "S", lambda s: num_error(gostrconv.atoi, s)),
        "itoa": typed("itoa", "I", str),
        "format_bool": typed("format_bool", "b", lambda b: "true" if b else "false"),
        "format_int": typed("format_int", "i I", lambda i, base: panics(gostrconv.format_int, i, base)),
        "parse_bool": typed("parse_bool", "s", lambda s: num_raise(gostrconv.parse_bool, s)),
        "parse_float": typed("parse_float", "s I", lambda s, bits: num_raise(gostrconv.parse_float, s, bits)),
        "parse_int": typed("parse_int", "s I I", lambda s, base, bits: num_raise(gostrconv.parse_int, s, base, bits)),
        "unquote": typed("unquote", "S", lambda s: num_error(gostrconv.unquote, s)),
    })
    fns.update(_regexp_functions(rt))
    return ImmutableMap(functions(rt, fns))


# -- regular expressions ---------------------------------------------------------------------------
def _regexp_functions(rt) -> dict:
    charge = rt.meter.charge

    def compiled(pattern: str):
        """The compiled pattern; a bad one is a runtime error with Go's message."""
        try:
            return re2.compile_go(pattern)
        except re2.RegexpSyntaxError as e:
            rt.error(str(e))

    def group_maps(subj, m, ngroups):
        out = []
        for g in range(ngroups + 1):
            a, b = m[2 * g], m[2 * g + 1]
            if a < 0:                       # Tengo slices the text with Go's -1 positions
                rt.error("runtime error: slice bounds out of range [:-1]")
            text, begin, end = subj.slice(a, b), subj.byte_offset(a), subj.byte_offset(b)
            rt.meter.alloc(96)
            out.append(ImmutableMap({"text": text, "begin": begin, "end": end}))
        return rt.make_array(out)

    def subject(s: str) -> re2.Subject:
        """The string prepared for matching (index tables for non-ASCII text)."""
        charge(len(s) // 8)
        if not s.isascii():
            rt.meter.alloc(16 * len(s))
        return re2.Subject(s)

    def find(re, s: str, count):
        subj = subject(s)
        matches = re2.find_all(re, subj, 1 if count is None else count, charge)
        if not matches:
            return None
        return rt.make_array([group_maps(subj, m, re.ngroups) for m in matches])

    def replace(re, s: str, repl: str) -> str:
        subj = subject(s)
        out, last = [], 0
        size = 0
        for m in re2.find_all(re, subj, -1, charge):
            piece = subj.slice(last, m[0]) + re2.expand(re, repl, subj, m)
            size += len(piece)
            rt.meter.string(size)
            out.append(piece)
            last = m[1]
        out.append(subj.slice(last, len(subj.text)))
        return "".join(out)

    def split(re, s: str, count):
        return rt.make_array(re2.split(re, subject(s), -1 if count is None else count, charge))

    def guarded(body):
        """*body*, with a matcher that outgrew its backtracking stack as a runtime error."""
        def call(*args):
            try:
                return body(*args)
            except re2.RegexpTooComplex as e:
                rt.error(str(e))
        return call

    def with_pattern(label, spec, body):
        body = guarded(body)

        def call(*args):
            pattern, *rest = unpack(rt, label, args, spec)
            return body(compiled(pattern), *rest)
        return call

    def regexp_object(re) -> ImmutableMap:
        """What ``re_compile`` returns: match, find, replace, split over one pattern."""
        label = "user-function:"
        methods = {
            "match": guarded(lambda *a: re2.match(re, subject(unpack(rt, label, a, "S")[0]), charge)),
            "find": guarded(lambda *a: find(re, *unpack(rt, label, a, "S I?"))),
            "replace": guarded(lambda *a: replace(re, *unpack(rt, label, a, "S S"))),
            "split": guarded(lambda *a: split(re, *unpack(rt, label, a, "S I?"))),
        }
        rt.meter.alloc(256)
        return ImmutableMap(functions(rt, methods, label_name=""))

    return {
        "re_match": with_pattern("user-function:re_match", "S S",
                                 lambda re, s: re2.match(re, subject(s), charge)),
        "re_find": with_pattern("user-function:re_find", "S S I?", find),
        "re_replace": with_pattern("user-function:re_replace", "S S S", replace),
        "re_split": with_pattern("user-function:re_split", "S S I?", split),
        "re_compile": with_pattern("user-function:re_compile", "S", regexp_object),
    }

