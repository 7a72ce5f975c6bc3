"""JavaScript's ``Array``: the constructor, ``Array.isArray/from/of`` and ``Array.prototype``.

Every method is generic the way the spec makes it: ``this`` may be any array-like
(an object with ``length`` and indexed properties, or a string).  A :class:`JsArray`
whose items list may be touched directly takes a fast path; a frozen array takes the
generic path, so the runtime's property operations raise V8's errors for it.  A hole
is a :data:`HOLE` slot: "is index k present" (the spec's HasProperty) is
``k < len(items) and items[k] is not HOLE``.  As in the spec, the callback methods and
``indexOf`` skip holes, ``join``/``includes``/``find`` and the copying methods
(``toSorted``, ``with``...) read them as undefined, and the methods that move elements
(``slice``, ``splice``, ``reverse``, ``concat``, ``copyWithin``...) keep them.

Callbacks are called through ``rt.caller`` (``rt.call`` with its checks made once)
with ``(element, index as float, array)`` and ``thisArg``; a callback may mutate the
array it walks, so loops re-read the items list at every step, as the spec's
Get-per-index does.  Fuel: one unit per element visited (charged up front for the
elements a method will visit); new arrays pay memory through ``rt.new_array``.
"""
from __future__ import annotations

import math
from functools import cmp_to_key, partial

from .numconv import number_to_string
from .runtime import NewTarget, holes_read
from .values import (
    CALLABLE,
    CONSTRUCTOR,
    HOLE,
    JS_NULL,
    NATIVE,
    SYM_ITERATOR,
    JsArray,
    JsFunction,
    JsObject,
    JsSymbol,
)

MAX_LENGTH = 4294967295.0

# Methods whose null/undefined ``this`` V8 reports by name (the others say
# "Cannot convert undefined or null to object").
_NAMED_NULL_ERROR = {"indexOf", "concat", "find", "findIndex", "findLast", "findLastIndex", "reduce",
                     "reduceRight", "every", "some", "forEach", "filter", "map"}


# -- element access, array or array-like -------------------------------------------------
def _obj(rt, this, name: str):
    if this is None or this is JS_NULL:
        if name in _NAMED_NULL_ERROR:
            rt.throw("TypeError", f"Array.prototype.{name} called on null or undefined")
        rt.throw("TypeError", "Cannot convert undefined or null to object")
    return this


def _fast(o) -> bool:
    """May the method work on ``o.items`` directly?"""
    return type(o) is JsArray and not o.frozen


def _length(rt, o) -> int:
    if type(o) is JsArray:
        return len(o.items)
    return rt.to_length(rt.get(o, "length"))


def _get(rt, o, k: int):
    if type(o) is JsArray and k < len(o.items):
        v = o.items[k]
        return None if v is HOLE else v
    return rt.get(o, str(k))


def _has(rt, o, k: int) -> bool:
    if type(o) is JsArray:
        return k < len(o.items) and o.items[k] is not HOLE
    if type(o) is str:
        return k < len(o)
    return isinstance(o, JsObject) and rt.has_property(o, str(k))


def _elements(rt, o) -> list:
    """A snapshot of ``o``'s elements, a hole read as undefined."""
    if type(o) is JsArray:
        rt.meter.charge(len(o.items))
        return list(holes_read(o.items))
    n = _length(rt, o)
    rt.meter.charge(n)
    rt.meter.alloc(8 * n, 0)        # before the list exists: {length: 2**53 - 1} must fail cleanly
    return [_get(rt, o, k) for k in range(n)]


def _slots(rt, o, lo: int = 0, hi: int | None = None) -> list:
    """A snapshot of ``o``'s elements *lo*..*hi* with the holes kept (HOLE where
    an array-like has no such property): what the methods that move elements copy."""
    if type(o) is JsArray:
        items = o.items[lo:hi]
        rt.meter.charge(len(items))
        return items
    hi = _length(rt, o) if hi is None else hi
    rt.meter.charge(max(hi - lo, 0))
    rt.meter.alloc(8 * max(hi - lo, 0), 0)
    return [_get(rt, o, k) if _has(rt, o, k) else HOLE for k in range(lo, hi)]


def _present(rt, o, n: int, reverse: bool = False):
    """``(k, o[k])`` for the indices below *n* still present when visited (an
    array's items list is read in place: it is the same list however it changes)."""
    rt.meter.charge(n)
    indices = range(n - 1, -1, -1) if reverse else range(n)
    if type(o) is JsArray:
        items = o.items
        for k in indices:
            if k < len(items):
                v = items[k]
                if v is not HOLE:
                    yield k, v
        return
    for k in indices:
        if _has(rt, o, k):
            yield k, _get(rt, o, k)


def _store(rt, o, items: list, old_len: int) -> None:
    """Make ``o`` hold exactly *items* (the generic tail of the mutating methods)."""
    if _fast(o):
        if len(items) > len(o.items):
            rt.meter.alloc(8 * (len(items) - len(o.items)), 0)
        o.items[:] = items
        return
    rt.meter.charge(max(len(items), old_len))
    for k, v in enumerate(items):
        if v is HOLE:
            rt.delete(o, str(k))
        else:
            rt.set_index(o, float(k), v)
    for k in range(old_len - 1, len(items) - 1, -1):
        rt.delete(o, str(k))
    rt.put(o, "length", float(len(items)))


def describe(rt, v) -> str:
    """A non-callable value as V8 names it in "x is not a function"."""
    if type(v) is JsArray:
        return "[object Array]"
    if isinstance(v, JsObject):
        return f"#<{rt.constructor_name(v) or 'Object'}>"
    if type(v) is JsSymbol:
        return f"Symbol({v.description or ''})"
    return rt.to_string(v)


def _callable(rt, f, message: str | None = None) -> JsFunction:
    if type(f) is not JsFunction:
        rt.throw("TypeError", message or f"{describe(rt, f)} is not a function")
    return f


def _start_index(rt, v, n: int) -> int:
    """A ``fromIndex`` argument (indexOf, includes): negative counts from the end."""
    k = rt.to_integer(v)
    if k < 0:
        k = max(n + k, 0)
    return int(min(k, n))


def _same_value_zero(a, b) -> bool:
    return type(a) is type(b) and (a == b or (type(a) is float and math.isnan(a) and math.isnan(b)))


# -- the constructor and its statics --------------------------------------------------------
def array_ctor(rt, this, *args):
    proto = this.proto if isinstance(this, NewTarget) else rt.ArrayProto
    if len(args) == 1 and type(args[0]) is float:
        n = args[0]
        if not (0 <= n <= MAX_LENGTH and n.is_integer()):
            rt.throw("RangeError", "Invalid array length")
        rt.meter.alloc(64 + 8 * int(n))     # before the list exists: Array(4e9) must fail cleanly
        return JsArray([HOLE] * int(n), proto)
    arr = rt.new_array(list(args))
    arr.proto = proto
    return arr


def is_array(rt, this, v=None, *_):
    return type(v) is JsArray


def array_from(rt, this, items=None, map_fn=None, this_arg=None, *_):
    if map_fn is not None:
        _callable(rt, map_fn)
    if items is None or items is JS_NULL:
        what = "undefined" if items is None else "object null"
        rt.throw("TypeError", f"{what} is not iterable (cannot read property Symbol(Symbol.iterator))")
    it = rt.get(items, SYM_ITERATOR)
    values = rt.iterate(items) if it is not None and it is not JS_NULL else iter(_elements(rt, items))
    out = []
    for k, v in enumerate(values):
        rt.meter.charge(1)
        out.append(v if map_fn is None else rt.call(map_fn, this_arg, v, float(k)))
    return rt.new_array(out)


def array_of(rt, this, *args):
    return rt.new_array(list(args))


# -- mutators ------------------------------------------------------------------------------
def push(rt, this, *args):
    o = _obj(rt, this, "push")
    if _fast(o):
        rt.meter.alloc(8 * len(args), 0)
        o.items.extend(args)
        return float(len(o.items))
    n = _length(rt, o)
    for i, v in enumerate(args):
        rt.set_index(o, float(n + i), v)
    rt.put(o, "length", float(n + len(args)))
    return float(n + len(args))


def pop(rt, this, *_):
    o = _obj(rt, this, "pop")
    if _fast(o):
        v = o.items.pop() if o.items else None
        return None if v is HOLE else v
    n = _length(rt, o)
    if n == 0:
        rt.put(o, "length", 0.0)
        return None
    v = _get(rt, o, n - 1)
    rt.delete(o, str(n - 1))
    rt.put(o, "length", float(n - 1))
    return v


def _memmove(rt, o: JsArray) -> None:
    """Fuel for moving a fast array's items in place (cheap per element)."""
    rt.meter.charge(1 + (len(o.items) >> 4))


def shift(rt, this, *_):
    o = _obj(rt, this, "shift")
    if _fast(o):
        _memmove(rt, o)
        v = o.items.pop(0) if o.items else None
        return None if v is HOLE else v
    items = _slots(rt, o)
    if not items:
        _store(rt, o, items, 0)
        return None
    _store(rt, o, items[1:], len(items))
    return None if items[0] is HOLE else items[0]


def unshift(rt, this, *args):
    o = _obj(rt, this, "unshift")
    if _fast(o):
        _memmove(rt, o)
        rt.meter.alloc(8 * len(args), 0)
        o.items[0:0] = args
        return float(len(o.items))
    items = _slots(rt, o)
    _store(rt, o, list(args) + items, len(items))
    return float(len(items) + len(args))


def _splice_parts(rt, n: int, args) -> tuple[int, int, list]:
    """(start, delete count, items to insert) for splice/toSpliced arguments."""
    start = rt.relative_index(args[0] if args else None, n, 0)
    if len(args) == 0:
        count = 0
    elif len(args) == 1:
        count = n - start
    else:
        count = int(min(max(rt.to_integer(args[1]), 0), n - start))
    return start, count, list(args[2:])


def splice(rt, this, *args):
    o = _obj(rt, this, "splice")
    fast = _fast(o)
    items = o.items if fast else _slots(rt, o)
    start, count, new = _splice_parts(rt, len(items), args)
    removed = items[start:start + count]
    if fast:
        _memmove(rt, o)
        rt.meter.alloc(8 * len(new), 0)
    items[start:start + count] = new
    if not fast:
        _store(rt, o, items, len(items) - len(new) + count)
    return rt.new_array(removed)


def reverse(rt, this, *_):
    o = _obj(rt, this, "reverse")
    if _fast(o):
        _memmove(rt, o)
        o.items.reverse()
        return o
    items = _slots(rt, o)
    items.reverse()
    _store(rt, o, items, len(items))
    return o


def fill(rt, this, value=None, start=None, end=None, *_):
    o = _obj(rt, this, "fill")
    n = _length(rt, o)
    lo, hi = rt.relative_index(start, n, 0), rt.relative_index(end, n, n)
    rt.meter.charge(hi - lo)
    if _fast(o):
        o.items[lo:hi] = [value] * max(hi - lo, 0)
    else:
        for k in range(lo, hi):
            rt.set_index(o, float(k), value)
    return o


def copy_within(rt, this, target=None, start=None, end=None, *_):
    o = _obj(rt, this, "copyWithin")
    items = _slots(rt, o)
    n = len(items)
    to, lo, hi = rt.relative_index(target, n, 0), rt.relative_index(start, n, 0), rt.relative_index(end, n, n)
    count = min(hi - lo, n - to)
    if count > 0:
        items[to:to + count] = items[lo:lo + count]
        _store(rt, o, items, n)
    return o


def _sorted(rt, items: list, cmp) -> list:
    """*items* in sort order: undefined, then holes last, the rest stably by the
    comparator (or by their strings).  CPython's sort is a stable merge sort that
    tolerates an inconsistent comparator; an exception thrown by the comparator
    propagates."""
    n = len(items)
    rt.meter.charge(n * max(1, n.bit_length()))
    defined = [v for v in items if v is not None and v is not HOLE]
    undefined = [None] * items.count(None) + [HOLE] * items.count(HOLE)
    if cmp is None:
        keyed = [(rt.to_string(v), v) for v in defined]
        keyed.sort(key=lambda p: p[0])      # str order is UTF-16 code unit order here
        return [v for _, v in keyed] + undefined

    call = rt.caller(cmp, 2)

    def order(a, b) -> int:
        r = call(None, a, b)
        if type(r) is not float:
            r = rt.to_number(r)
        return -1 if r < 0 else 1 if r > 0 else 0      # NaN is 0
    defined.sort(key=cmp_to_key(order))
    return defined + undefined


def _comparator(rt, cmp):
    if cmp is not None and type(cmp) is not JsFunction:
        rt.throw("TypeError", "The comparison function must be either a function or undefined")
    return cmp


def sort(rt, this, cmp=None, *_):
    cmp = _comparator(rt, cmp)
    o = _obj(rt, this, "sort")
    items = _slots(rt, o)
    _store(rt, o, _sorted(rt, items, cmp), len(items))
    return o


# -- copying methods --------------------------------------------------------------------------
def to_sorted(rt, this, cmp=None, *_):
    cmp = _comparator(rt, cmp)
    return rt.new_array(_sorted(rt, _elements(rt, _obj(rt, this, "toSorted")), cmp))


def to_reversed(rt, this, *_):
    items = _elements(rt, _obj(rt, this, "toReversed"))
    items.reverse()
    return rt.new_array(items)


def to_spliced(rt, this, *args):
    items = _elements(rt, _obj(rt, this, "toSpliced"))
    start, count, new = _splice_parts(rt, len(items), args)
    items[start:start + count] = new
    return rt.new_array(items)


def with_(rt, this, index=None, value=None, *_):
    items = _elements(rt, _obj(rt, this, "with"))
    rel = rt.to_integer(index)
    k = rel if rel >= 0 else len(items) + rel
    if not 0 <= k < len(items):
        rt.throw("RangeError", f"Invalid index : {number_to_string(rt.to_number(index))}")
    items[int(k)] = value
    return rt.new_array(items)


def slice_(rt, this, start=None, end=None, *_):
    o = _obj(rt, this, "slice")
    n = _length(rt, o)
    lo, hi = rt.relative_index(start, n, 0), rt.relative_index(end, n, n)
    return rt.new_array(_slots(rt, o, lo, hi))


def concat(rt, this, *args):
    out = []
    for v in (rt.to_object(_obj(rt, this, "concat")), *args):
        if type(v) is JsArray:
            rt.meter.charge(len(v.items))
            out.extend(v.items)
        else:
            out.append(v)
    return rt.new_array(out)


def _flatten_into(rt, out: list, source: list, depth) -> None:
    """Append *source*'s elements to *out*, spreading nested arrays *depth* levels.
    An explicit stack: a cyclic array under ``flat(Infinity)`` runs out of fuel,
    never out of Python stack."""
    stack = [(iter(source), depth)]
    while stack:
        it, d = stack[-1]
        for v in it:
            rt.meter.charge(1)
            if v is HOLE:
                continue
            if d >= 1 and type(v) is JsArray:
                stack.append((iter(list(v.items)), d - 1))
                break
            out.append(v)
        else:
            stack.pop()


def flat(rt, this, depth=None, *_):
    o = _obj(rt, this, "flat")
    d = 1.0 if depth is None else rt.to_integer(depth)
    out: list = []
    _flatten_into(rt, out, [v for _, v in _present(rt, o, _length(rt, o))], d)
    return rt.new_array(out)


def flat_map(rt, this, fn=None, this_arg=None, *_):
    o = _obj(rt, this, "flatMap")
    n = _length(rt, o)
    _callable(rt, fn, "flatMap mapper function is not callable")
    out: list = []
    call = rt.caller(fn, 3)
    for k, v in _present(rt, o, n):
        r = call(this_arg, v, float(k), o)
        if type(r) is JsArray:
            out.extend(v for v in r.items if v is not HOLE)
        else:
            out.append(r)
    return rt.new_array(out)


# -- searching ----------------------------------------------------------------------------------
def index_of(rt, this, search=None, from_index=None, *_):
    o = _obj(rt, this, "indexOf")
    n = _length(rt, o)
    for k in range(_start_index(rt, from_index, n), n):
        rt.meter.charge(1)
        if _has(rt, o, k):
            v = _get(rt, o, k)
            if type(v) is type(search) and v == search:
                return float(k)
    return -1.0


def last_index_of(rt, this, search=None, *rest):
    o = _obj(rt, this, "lastIndexOf")
    n = _length(rt, o)
    k = n - 1
    if rest:
        x = rt.to_integer(rest[0])
        k = int(min(x, n - 1)) if x >= 0 else int(max(n + x, -1))
    for i in range(k, -1, -1):
        rt.meter.charge(1)
        if _has(rt, o, i):
            v = _get(rt, o, i)
            if type(v) is type(search) and v == search:
                return float(i)
    return -1.0


def includes(rt, this, search=None, from_index=None, *_):
    o = _obj(rt, this, "includes")
    n = _length(rt, o)
    for k in range(_start_index(rt, from_index, n), n):
        rt.meter.charge(1)
        if _same_value_zero(_get(rt, o, k), search):
            return True
    return False


def at(rt, this, index=None, *_):
    o = _obj(rt, this, "at")
    n = _length(rt, o)
    k = rt.to_integer(index)
    if k < 0:
        k += n
    return _get(rt, o, int(k)) if 0 <= k < n else None


def _find(rt, this, fn, this_arg, name: str, last: bool):
    """(index, value) of the first element (from the end if *last*) *fn* accepts."""
    o, n = _walker(rt, this, fn, name)
    rt.meter.charge(n)
    call = rt.caller(fn, 3)
    for k in (range(n - 1, -1, -1) if last else range(n)):
        v = _get(rt, o, k)
        if rt.truthy(call(this_arg, v, float(k), o)):
            return float(k), v
    return -1.0, None


def find(rt, this, fn=None, this_arg=None, *_):
    return _find(rt, this, fn, this_arg, "find", False)[1]


def find_index(rt, this, fn=None, this_arg=None, *_):
    return _find(rt, this, fn, this_arg, "findIndex", False)[0]


def find_last(rt, this, fn=None, this_arg=None, *_):
    return _find(rt, this, fn, this_arg, "findLast", True)[1]


def find_last_index(rt, this, fn=None, this_arg=None, *_):
    return _find(rt, this, fn, this_arg, "findLastIndex", True)[0]


# -- callbacks over every element ------------------------------------------------------------------
def _visit(rt, o, n: int, fn, this_arg):
    """``(k, v, fn's answer)`` for every element of ``o[0..n)`` present when visited."""
    call = rt.caller(fn, 3)
    for k, v in _present(rt, o, n):
        yield k, v, call(this_arg, v, float(k), o)


def _walker(rt, this, fn, name: str):
    """The common start of the callback methods: (receiver, length) after V8's checks."""
    o = _obj(rt, this, name)
    n = _length(rt, o)
    _callable(rt, fn)
    return o, n


def for_each(rt, this, fn=None, this_arg=None, *_):
    for _ in _visit(rt, *_walker(rt, this, fn, "forEach"), fn, this_arg):
        pass


def map_(rt, this, fn=None, this_arg=None, *_):
    o, n = _walker(rt, this, fn, "map")
    rt.meter.alloc(8 * n, 0)
    out = [HOLE] * n
    for k, _v, r in _visit(rt, o, n, fn, this_arg):
        out[k] = r
    return rt.new_array(out)


def filter_(rt, this, fn=None, this_arg=None, *_):
    walk = _visit(rt, *_walker(rt, this, fn, "filter"), fn, this_arg)
    return rt.new_array([v for _, v, r in walk if rt.truthy(r)])


def some(rt, this, fn=None, this_arg=None, *_):
    return any(rt.truthy(r) for _, _v, r in _visit(rt, *_walker(rt, this, fn, "some"), fn, this_arg))


def every(rt, this, fn=None, this_arg=None, *_):
    return all(rt.truthy(r) for _, _v, r in _visit(rt, *_walker(rt, this, fn, "every"), fn, this_arg))


def _reduce(rt, this, fn, init: tuple, name: str, right: bool):
    o, n = _walker(rt, this, fn, name)
    elements = _present(rt, o, n, reverse=right)
    if init:
        acc = init[0]
    else:
        first = next(elements, None)
        if first is None:
            rt.throw("TypeError", "Reduce of empty array with no initial value")
        acc = first[1]
    call = rt.caller(fn, 4)
    for k, v in elements:
        acc = call(None, acc, v, float(k), o)
    return acc


def reduce(rt, this, fn=None, *init):
    return _reduce(rt, this, fn, init[:1], "reduce", False)


def reduce_right(rt, this, fn=None, *init):
    return _reduce(rt, this, fn, init[:1], "reduceRight", True)


# -- strings ---------------------------------------------------------------------------------------
def _join(rt, joining: set, o, sep: str, convert) -> str:
    """The elements of *o* joined by *sep*; an array met again inside its own
    join (a cycle) contributes "" as in V8.  A nested array's join is a level
    of call depth: how deep a spell may nest them is the policy's limit, not
    whatever Python's recursion limit happens to be in this process."""
    if id(o) in joining:
        return ""
    depth = rt.meter.depth
    depth.cell_contents -= 1
    if depth.cell_contents < 0:
        rt.meter.too_deep()
    joining.add(id(o))
    try:
        parts = ["" if v is None or v is JS_NULL else convert(v) for v in _elements(rt, o)]
    finally:
        joining.discard(id(o))
        depth.cell_contents += 1
    s = sep.join(parts)
    rt.meter.string(len(s))
    return s


def join(rt, joining, this, sep=None, *_):
    o = _obj(rt, this, "join")
    return _join(rt, joining, o, "," if sep is None else rt.to_string(sep), rt.to_string)


def to_locale_string(rt, joining, this, *_):
    o = _obj(rt, this, "toLocaleString")
    return _join(rt, joining, o, ",", lambda v: rt.to_string(rt.call(rt.get(v, "toLocaleString"), v)))


def to_string(rt, this, *_):
    o = _obj(rt, this, "toString")
    f = rt.get(o, "join")
    if type(f) is JsFunction:
        return rt.call(f, o)
    fallback = rt.ObjectProto.props.get("toString")
    return rt.call(fallback, o) if type(fallback) is JsFunction else "[object Array]"


# -- iterators ---------------------------------------------------------------------------------------
def _walk(rt, o, kind: str):
    """The live walk behind keys/values/entries: the length is re-read at each step."""
    k = 0
    while k < _length(rt, o):
        rt.meter.charge(1)
        if kind == "keys":
            yield float(k)
        elif kind == "values":
            yield _get(rt, o, k)
        else:
            yield rt.new_array([float(k), _get(rt, o, k)])
        k += 1


def iterator(rt, kind, this, *_):
    return rt.make_iterator(_walk(rt, _obj(rt, this, kind), kind), "Array Iterator")


# name, implementation, length (the spec's)
METHODS = (
    ("at", at, 1), ("concat", concat, 1), ("copyWithin", copy_within, 2), ("every", every, 1),
    ("fill", fill, 1), ("filter", filter_, 1), ("find", find, 1), ("findIndex", find_index, 1),
    ("findLast", find_last, 1), ("findLastIndex", find_last_index, 1), ("flat", flat, 0),
    ("flatMap", flat_map, 1), ("forEach", for_each, 1), ("includes", includes, 1),
    ("indexOf", index_of, 1), ("lastIndexOf", last_index_of, 1), ("map", map_, 1), ("pop", pop, 0),
    ("push", push, 1), ("reduce", reduce, 1), ("reduceRight", reduce_right, 1), ("reverse", reverse, 0),
    ("shift", shift, 0), ("slice", slice_, 2), ("some", some, 1), ("sort", sort, 1),
    ("splice", splice, 2), ("toReversed", to_reversed, 0), ("toSorted", to_sorted, 1),
    ("toSpliced", to_spliced, 2), ("unshift", unshift, 1), ("with", with_, 2), ("toString", to_string, 0),
)


def open(rt) -> None:
    P = rt.ArrayProto
    joining: set = set()        # arrays being joined right now (cycle detection), per run
    for name, fn, nparams in METHODS:
        rt.define(P, name, partial(fn, rt), nparams)
    rt.define(P, "join", partial(join, rt, joining), 1)
    rt.define(P, "toLocaleString", partial(to_locale_string, rt, joining), 0)
    for kind in ("keys", "entries"):
        rt.define(P, kind, partial(iterator, rt, kind), 0)
    values = rt.define(P, "values", partial(iterator, rt, "values"), 0)
    P.props[SYM_ITERATOR] = values
    P.hide(SYM_ITERATOR)
    rt.array_values = values

    A = rt.native("Array", partial(array_ctor, rt), 1, kind=CALLABLE | CONSTRUCTOR | NATIVE)
    rt.define(A, "isArray", partial(is_array, rt), 1)
    rt.define(A, "from", partial(array_from, rt), 1)
    rt.define(A, "of", partial(array_of, rt), 0)
    A.props["prototype"] = P
    P.props["constructor"] = A
    A.hide("prototype")
    P.hide("constructor")
    rt.Gh["Array"] = A

