"""``Map``, ``Set``, ``WeakMap``, ``WeakSet`` and ``Map.groupBy``.

Layout (read by the console printer, ``vm/js/inspect.py``): a Map is a
``JsObject`` with ``cls == "Map"`` whose ``internal`` is a dict from the
normalised key to ``(key, value)``; a Set has ``cls == "Set"`` and a dict from
the normalised key to the key.  Python dicts keep insertion order, which is
exactly the order JavaScript iterates in (a deleted and re-added key moves to
the end in both).

Normalisation implements SameValueZero on top of Python equality: NaN (never
equal to itself in Python) becomes one sentinel, ``-0`` becomes ``+0`` (also in
the stored key, as the spec says), and booleans become sentinels because
Python's ``True == 1.0`` would merge ``true`` with ``1``.  Strings, numbers,
symbols and objects (hashed by identity) are keys as they are.

Iteration is live, as in node: entries added while a loop runs are visited,
deleted ones are skipped (see :func:`live`).

Weak collections hold their keys strongly (a run is short and the VM never
reports collection), but accept only what JavaScript accepts as weak keys.
"""
from __future__ import annotations

from .lib_object import group_by, link, shown
from .runtime import NewTarget
from .values import (CALLABLE, CONSTRUCTOR, JS_NULL, NATIVE, SYM_ITERATOR, SYM_TO_STRING_TAG, Accessor, JsFunction,
                     JsObject, JsSymbol)


class _Sentinel:
    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


NAN_KEY, TRUE_KEY, FALSE_KEY = _Sentinel("NaN"), _Sentinel("true"), _Sentinel("false")
_GONE = _Sentinel("deleted")


def norm(k):
    """The dict key SameValueZero-equal JavaScript keys share."""
    t = type(k)
    if t is float:
        return NAN_KEY if k != k else k + 0.0
    if t is bool:
        return TRUE_KEY if k else FALSE_KEY
    return k


def canon(k):
    """The key a Map or Set stores: ``-0`` is stored as ``+0``."""
    return k + 0.0 if type(k) is float else k


class Entries(dict):
    """A Map's or Set's entries (normalised key -> entry, in insertion order)
    with each key's insertion number, so that iteration can tell a key added
    after it passed — or deleted and re-added — from one it has visited."""

    __slots__ = ("seq", "count")

    def __init__(self):
        super().__init__()
        self.seq: dict = {}
        self.count = 0

    def put(self, nk, entry):
        if nk not in self:
            self.count += 1
            self.seq[nk] = self.count
        self[nk] = entry

    def remove(self, nk) -> bool:
        if nk not in self:
            return False
        del self[nk]
        del self.seq[nk]
        return True

    def clear(self):
        super().clear()
        self.seq.clear()


def live(d: Entries):
    """The entries of *d* in order, as V8's iterators see them: entries added
    during the iteration (including a key deleted and re-added) are visited,
    deleted ones are skipped.  Visits a snapshot of the keys; when it is used
    up, the keys inserted since are those at the end of the dict with a larger
    insertion number (found walking backwards: each refill costs what it adds)."""
    order = list(d)
    last = 0
    while order:
        for nk in order:
            n = d.seq.get(nk, 0)
            if n > last:
                last = n
                yield d[nk]
        order = []
        for nk in reversed(d):
            if d.seq[nk] <= last:
                break
            order.append(nk)
        order.reverse()


def callback_text(rt, v) -> str:
    """A non-callable callback as Map/Set ``forEach`` name it (``number 1``)."""
    if v is None:
        return "undefined"
    if v is JS_NULL:
        return "object null"
    if isinstance(v, JsObject):
        return "object"
    if type(v) is str:
        return f'string "{v}"'
    return f"{rt.typeof(v)} {shown(rt, v)}"


def open(rt) -> None:
    OP = rt.ObjectProto

    def new_target(this, name: str):
        if type(this) is not NewTarget:
            rt.throw("TypeError", f"Constructor {name} requires 'new'")
        return this.proto

    def receiver(this, cls: str, method: str) -> Entries:
        if isinstance(this, JsObject) and this.cls == cls and type(this.internal) is Entries:
            return this.internal
        rt.throw("TypeError", f"Method {cls}.prototype.{method} called on incompatible receiver {shown(rt, this)}")

    def make_class(name: str, ctor, methods, n_ctor=0):
        proto = JsObject(OP)
        C = rt.native(name, ctor, n_ctor, CALLABLE | CONSTRUCTOR | NATIVE)
        link(C, proto)
        for mname, fn, n in methods:
            rt.define(proto, mname, fn, n)
        proto.props[SYM_TO_STRING_TAG] = name
        proto.hide(SYM_TO_STRING_TAG)
        rt.Gh[name] = C
        return C, proto

    def need_callback(cb):
        if type(cb) is not JsFunction:
            rt.throw("TypeError", f"{callback_text(rt, cb)} is not a function")

    def size_getter(cls: str):
        return Accessor(rt.native("get size", lambda this, *_: float(len(receiver(this, cls, "size")))))

    def put(d: Entries, k, entry):
        nk = norm(k)
        if nk not in d:
            rt.meter.alloc(48)
        d.put(nk, entry)

    # -- Map ----------------------------------------------------------------------------------
    def map_ctor(this, iterable=None, *_):
        m = JsObject(new_target(this, "Map"), "Map")
        d = m.internal = Entries()
        rt.meter.alloc(64)
        if iterable is not None and iterable is not JS_NULL:
            for k, v in entries_of(iterable):
                put(d, k, (canon(k), v))
        return m

    def entries_of(iterable):
        for entry in rt.iterate(iterable):
            rt.meter.charge(1)
            if not isinstance(entry, JsObject):
                rt.throw("TypeError", f"Iterator value {shown(rt, entry)} is not an entry object")
            yield rt.get(entry, "0"), rt.get(entry, "1")

    def m_get(this, k=None, *_):
        e = receiver(this, "Map", "get").get(norm(k))
        return None if e is None else e[1]

    def m_set(this, k=None, v=None, *_):
        put(receiver(this, "Map", "set"), k, (canon(k), v))
        return this

    def m_has(this, k=None, *_):
        return norm(k) in receiver(this, "Map", "has")

    def m_delete(this, k=None, *_):
        return receiver(this, "Map", "delete").remove(norm(k))

    def m_clear(this, *_):
        receiver(this, "Map", "clear").clear()

    def m_for_each(this, cb=None, this_arg=None, *_):
        d = receiver(this, "Map", "forEach")
        need_callback(cb)
        for k, v in live(d):
            rt.meter.charge(1)
            rt.call(cb, this_arg, v, k, this)

    def m_entries(this, *_):
        d = receiver(this, "Map", "entries")
        return rt.make_iterator((rt.new_array([k, v]) for k, v in live(d)), "Map Iterator")

    def m_keys(this, *_):
        return rt.make_iterator((k for k, _v in live(receiver(this, "Map", "keys"))), "Map Iterator")

    def m_values(this, *_):
        return rt.make_iterator((v for _k, v in live(receiver(this, "Map", "values"))), "Map Iterator")

    Map, MP = make_class("Map", map_ctor, (
        ("get", m_get, 1), ("set", m_set, 2), ("has", m_has, 1), ("delete", m_delete, 1), ("clear", m_clear, 0),
        ("forEach", m_for_each, 1), ("entries", m_entries, 0), ("keys", m_keys, 0), ("values", m_values, 0)))
    MP.props["size"] = size_getter("Map")
    MP.props[SYM_ITERATOR] = MP.props["entries"]
    MP.hide("size", SYM_ITERATOR)

    def map_group_by(this, items=None, callback=None, *_):
        groups = group_by(rt, items, callback, lambda k: (norm(k), canon(k)))
        m = JsObject(MP, "Map")
        m.internal = Entries()
        rt.meter.alloc(64 + 48 * len(groups))
        for nk, (k, vs) in groups.items():
            m.internal.put(nk, (k, rt.new_array(vs)))
        return m

    rt.define(Map, "groupBy", map_group_by, 2)

    # -- Set ----------------------------------------------------------------------------------
    def set_ctor(this, iterable=None, *_):
        s = JsObject(new_target(this, "Set"), "Set")
        d = s.internal = Entries()
        rt.meter.alloc(64)
        if iterable is not None and iterable is not JS_NULL:
            for v in rt.iterate(iterable):
                rt.meter.charge(1)
                put(d, v, canon(v))
        return s

    def s_add(this, v=None, *_):
        put(receiver(this, "Set", "add"), v, canon(v))
        return this

    def s_has(this, v=None, *_):
        return norm(v) in receiver(this, "Set", "has")

    def s_delete(this, v=None, *_):
        return receiver(this, "Set", "delete").remove(norm(v))

    def s_clear(this, *_):
        receiver(this, "Set", "clear").clear()

    def s_for_each(this, cb=None, this_arg=None, *_):
        d = receiver(this, "Set", "forEach")
        need_callback(cb)
        for v in live(d):
            rt.meter.charge(1)
            rt.call(cb, this_arg, v, v, this)

    def s_values(this, *_):
        return rt.make_iterator(live(receiver(this, "Set", "values")), "Set Iterator")

    def s_entries(this, *_):
        d = receiver(this, "Set", "entries")
        return rt.make_iterator((rt.new_array([v, v]) for v in live(d)), "Set Iterator")

    Set, SP = make_class("Set", set_ctor, (
        ("has", s_has, 1), ("add", s_add, 1), ("delete", s_delete, 1), ("clear", s_clear, 0),
        ("entries", s_entries, 0), ("forEach", s_for_each, 1), ("values", s_values, 0)))
    SP.props["size"] = size_getter("Set")
    SP.props["keys"] = SP.props[SYM_ITERATOR] = SP.props["values"]
    SP.hide("size", "keys", SYM_ITERATOR)

    # -- WeakMap / WeakSet ------------------------------------------------------------------------
    def weak_key(k, what: str):
        if not isinstance(k, (JsObject, JsSymbol)):
            rt.throw("TypeError", f"Invalid value used {what}")
        return k

    def weakmap_ctor(this, iterable=None, *_):
        m = JsObject(new_target(this, "WeakMap"), "WeakMap")
        d = m.internal = Entries()
        rt.meter.alloc(64)
        if iterable is not None and iterable is not JS_NULL:
            for k, v in entries_of(iterable):
                d[weak_key(k, "as weak map key")] = v
        return m

    def wm_set(this, k=None, v=None, *_):
        d = receiver(this, "WeakMap", "set")
        k = weak_key(k, "as weak map key")
        if k not in d:
            rt.meter.alloc(48)
        d[k] = v
        return this

    make_class("WeakMap", weakmap_ctor, (
        ("delete", lambda this, k=None, *_: receiver(this, "WeakMap", "delete").pop(k, _GONE) is not _GONE, 1),
        ("get", lambda this, k=None, *_: receiver(this, "WeakMap", "get").get(k), 1),
        ("set", wm_set, 2),
        ("has", lambda this, k=None, *_: k in receiver(this, "WeakMap", "has"), 1)))

    def weakset_ctor(this, iterable=None, *_):
        s = JsObject(new_target(this, "WeakSet"), "WeakSet")
        d = s.internal = Entries()
        rt.meter.alloc(64)
        if iterable is not None and iterable is not JS_NULL:
            for v in rt.iterate(iterable):
                d[weak_key(v, "in weak set")] = True
        return s

    def ws_add(this, v=None, *_):
        d = receiver(this, "WeakSet", "add")
        if weak_key(v, "in weak set") not in d:
            rt.meter.alloc(48)
            d[v] = True
        return this

    make_class("WeakSet", weakset_ctor, (
        ("delete", lambda this, v=None, *_: receiver(this, "WeakSet", "delete").pop(v, _GONE) is not _GONE, 1),
        ("has", lambda this, v=None, *_: v in receiver(this, "WeakSet", "has"), 1),
        ("add", ws_add, 1)))
