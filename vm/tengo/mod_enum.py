"""Tengo's ``enum`` module: all, any, chunk, at, each, filter, find, find_key, map, key, value.

Real Tengo writes this module in Tengo (stdlib/srcmod_enum.tengo, v2.17.0); these
are the same functions in Python, calling the script's callbacks through the
runtime, so they behave as that source does:

* "enumerable" means array, map or their immutable kinds (not strings or bytes);
  given anything else, every function returns undefined — ``filter`` and
  ``chunk`` accept only arrays, ``chunk`` also returns undefined for a falsy size;
* callbacks get ``(key, value)``: the index for arrays, the key for maps (in the
  map's order); their truthiness decides ``all``/``any``/``filter``/``find``;
* ``at(x, key)`` needs an int key for arrays and a string key for maps, else gives
  undefined; ``chunk`` slices with Tengo's slice rules, so a negative size is the
  runtime error ``invalid slice index: 0 > -1``;
* errors are Tengo's own: a wrong argument count reads ``wrong number of
  arguments: want=2, got=1`` (these are compiled functions in real Tengo), a bad
  callback ``not callable: int``.

One difference: ``type_name(enum.map)`` is ``user-function:map`` here, not
``compiled-function``.
"""
from __future__ import annotations

from .libargs import functions
from .values import Array, ImmutableArray, ImmutableMap, Map

_ENUMERABLE = (Array, ImmutableArray, Map, ImmutableMap)


def module(rt) -> ImmutableMap:
    def arity(args: tuple, n: int):
        if len(args) != n:
            rt.error(f"wrong number of arguments: want={n}, got={len(args)}")

    def pairs(x):
        for k, v in rt.iterate(x):
            rt.meter.charge(1)
            yield k, v

    def enumerable(x) -> bool:
        return type(x) in _ENUMERABLE

    def array_like(x) -> bool:
        return type(x) is Array or type(x) is ImmutableArray

    def all_(*args):
        arity(args, 2)
        x, fn = args
        if not enumerable(x):
            return None
        return all(rt.truthy(rt.call(fn, k, v)) for k, v in pairs(x))

    def any_(*args):
        arity(args, 2)
        x, fn = args
        if not enumerable(x):
            return None
        return any(rt.truthy(rt.call(fn, k, v)) for k, v in pairs(x))

    def chunk(*args):
        arity(args, 2)
        x, size = args
        if not array_like(x) or not rt.truthy(size):
            return None
        n = len(x.items)
        out = []
        idx = 0
        while rt.compare("LT", idx, n):
            rt.meter.charge(1)
            end = rt.arith("ADD", idx, size)
            out.append(rt.slice(x, idx, end))
            idx = rt.arith("ADD", idx, size)
        return rt.make_array(out)

    def at(*args):
        arity(args, 2)
        x, key = args
        if not enumerable(x):
            return None
        if type(key) is not (int if array_like(x) else str):
            return None
        return rt.index(x, key)

    def each(*args):
        arity(args, 2)
        x, fn = args
        if enumerable(x):
            for k, v in pairs(x):
                rt.call(fn, k, v)

    def filter_(*args):
        arity(args, 2)
        x, fn = args
        if not array_like(x):
            return None
        return rt.make_array([v for k, v in pairs(x) if rt.truthy(rt.call(fn, k, v))])

    def find(*args):
        arity(args, 2)
        x, fn = args
        if enumerable(x):
            for k, v in pairs(x):
                if rt.truthy(rt.call(fn, k, v)):
                    return v
        return None

    def find_key(*args):
        arity(args, 2)
        x, fn = args
        if enumerable(x):
            for k, v in pairs(x):
                if rt.truthy(rt.call(fn, k, v)):
                    return k
        return None

    def map_(*args):
        arity(args, 2)
        x, fn = args
        if not enumerable(x):
            return None
        return rt.make_array([rt.call(fn, k, v) for k, v in pairs(x)])

    def key(*args):
        arity(args, 2)
        return args[0]

    def value(*args):
        arity(args, 2)
        return args[1]

    return ImmutableMap(functions(rt, {
        "all": all_, "any": any_, "chunk": chunk, "at": at, "each": each, "filter": filter_,
        "find": find, "find_key": find_key, "map": map_, "key": key, "value": value}))
