"""``Object``: the constructor, its statics and ``Object.prototype``.

Property attributes.  A data property's *enumerable* flag lives in
``JsObject.hidden`` (the set of non-enumerable keys).  *writable* and
*configurable* and the object's *extensible* flag live in ``JsObject.frozen``:

* ``False`` — an ordinary object: every property writable and configurable;
* ``True``  — ``Object.freeze``: nothing writable, nothing configurable, not
  extensible;
* an :class:`Integrity` record — anything in between (``defineProperty`` with
  ``writable: false``, ``Object.seal``, ``Object.preventExtensions``).

The record is truthy, so the runtime's fast paths, which test ``not
o.frozen``, leave such objects to the slow path, and ordinary objects pay
nothing for the feature.  ``Object.seal`` is the record with ``sealed`` set
(every key non-configurable) and ``extensible`` cleared; it is not a second
kind of freeze.

The runtime keeps some properties outside ``props`` (array elements and
``length``, a function's ``name``/``length``, a String wrapper's characters);
:func:`descriptor` reports their attributes as V8 does.
"""
from __future__ import annotations

from .runtime import NewTarget
from .values import (CALLABLE, CONSTRUCTOR, HOLE, JS_NULL, NATIVE, SYM_TO_STRING_TAG, Accessor, JsArray, JsFunction,
                     JsObject, JsSymbol, index_of_key)


class Integrity:
    """Per-key integrity of an object that is neither ordinary nor frozen."""

    __slots__ = ("readonly", "fixed", "sealed", "extensible")

    def __init__(self):
        self.readonly: set = set()      # non-writable keys
        self.fixed: set = set()         # non-configurable keys
        self.sealed = False             # every key non-configurable (Object.seal)
        self.extensible = True

    def is_readonly(self, key) -> bool:
        return key in self.readonly

    def is_fixed(self, key) -> bool:
        return self.sealed or key in self.fixed


def lock_of(o: JsObject) -> Integrity:
    """*o*'s integrity record, created on first use (not for frozen objects)."""
    lock = o.frozen
    if lock is False:
        lock = o.frozen = Integrity()
    return lock


def is_readonly(o: JsObject, key) -> bool:
    lock = o.frozen
    return lock is True or (bool(lock) and lock.is_readonly(key))


def is_fixed(o: JsObject, key) -> bool:
    lock = o.frozen
    return lock is True or (bool(lock) and lock.is_fixed(key))


def is_extensible(o: JsObject) -> bool:
    lock = o.frozen
    return lock is False or (lock is not True and lock.extensible)


def link(ctor: JsObject, proto: JsObject) -> None:
    """Connect a built-in constructor and its prototype, both links hidden."""
    ctor.props["prototype"] = proto
    proto.props["constructor"] = ctor
    ctor.hide("prototype")
    proto.hide("constructor")


def constants(obj: JsObject, *keys) -> None:
    """Make *keys* of *obj* read-only, hidden and fixed (``Math.PI``, ``Number.EPSILON``)."""
    obj.hide(*keys)
    lock = lock_of(obj)
    lock.readonly.update(keys)
    lock.fixed.update(keys)


# -- own properties, including the ones the runtime keeps outside ``props`` --------------------
def has_own(rt, o: JsObject, key) -> bool:
    """``rt.has_own`` plus the indices and length of a String wrapper object."""
    if o.cls == "String" and type(o.internal) is str and type(key) is str:
        if key == "length" or 0 <= index_of_key(key) < len(o.internal):
            return True
    return rt.has_own(o, key)


def own_names(rt, o: JsObject, symbols: bool = False) -> list:
    """Every own key, enumerable or not, in JavaScript's order."""
    keys = rt.own_keys(o, enumerable_only=False, symbols=symbols)
    rt.meter.charge(len(keys))
    if o.cls == "String" and type(o.internal) is str:
        keys.append("length")
    elif type(o) is JsFunction:
        extra = ["length", "name"]
        if o.kind & CONSTRUCTOR and not o.kind & NATIVE and "prototype" not in o.props:
            extra.append("prototype")
        keys = extra + [k for k in keys if k not in extra]
    return keys


def descriptor(rt, o: JsObject, key):
    """The own property *key* of *o* as ``(value_or_Accessor, writable, enumerable,
    configurable)``, or None when *o* has no such own property."""
    frozen = o.frozen is True
    if type(o) is JsArray and type(key) is str:
        i = index_of_key(key)
        if 0 <= i < len(o.items) and o.items[i] is not HOLE:
            return o.items[i], not frozen, True, not is_fixed(o, key)
        if key == "length":
            return float(len(o.items)), not frozen, False, False
    elif o.cls == "String" and type(o.internal) is str and type(key) is str:
        i = index_of_key(key)
        if 0 <= i < len(o.internal):
            return o.internal[i], False, True, False
        if key == "length":
            return float(len(o.internal)), False, False, False
    if o.cls == "Module" and type(key) is str and key in o.props:
        return rt.get(o, key), True, True, False        # an export: writable, as the spec's namespace says
    if key in o.props:
        v = o.props[key]
        return (v, type(v) is not Accessor and not is_readonly(o, key), not (o.hidden and key in o.hidden),
                not is_fixed(o, key))
    if type(o) is JsFunction and rt.has_own(o, key):
        if key == "prototype":
            return rt.prototype_of(o), not frozen, False, False
        return rt.get(o, key), False, False, not frozen
    return None


def define_property(rt, o: JsObject, key, desc: JsObject, strict: bool = True) -> bool:
    """``Object.defineProperty(o, key, desc)`` for an object *o* and a property key;
    not *strict* (``Reflect.defineProperty``), a refusal is False, not a TypeError."""
    def field(name):
        return rt.get(desc, name) if rt.has_property(desc, name) else _ABSENT

    value, writable = field("value"), field("writable")
    getter, setter = field("get"), field("set")
    enumerable, configurable = field("enumerable"), field("configurable")
    for f, what in ((getter, "Getter"), (setter, "Setter")):
        if f is not _ABSENT and f is not None and type(f) is not JsFunction:
            rt.throw("TypeError", f"{what} must be a function: {shown(rt, f)}")
    accessor = getter is not _ABSENT or setter is not _ABSENT
    if accessor and (value is not _ABSENT or writable is not _ABSENT):
        rt.throw("TypeError", "Invalid property descriptor. Cannot both specify accessors and a value or "
                 "writable attribute, #<Object>")
    name = key if type(key) is str else f"Symbol({key.description or ''})"
    if type(o) is JsArray and type(key) is str and (key == "length" or index_of_key(key) >= 0):
        if accessor:
            rt.throw("TypeError", f"Cannot define an accessor for array element '{name}' in llmspell")
        if value is not _ABSENT:
            rt.put(o, key, value)
        return True
    current = descriptor(rt, o, key)
    if current is None:
        if not is_extensible(o):
            if not strict:
                return False
            rt.throw("TypeError", f"Cannot define property {name}, object is not extensible")
        rt.meter.alloc(24)
        cur_value, cur_w, cur_e, cur_c = None, False, False, False
        is_new = True
    else:
        cur_value, cur_w, cur_e, cur_c = current
        is_new = False
        if not cur_c and _redefines(rt, current, value, writable, getter, setter, enumerable, configurable,
                                    accessor):
            if not strict:
                return False
            rt.throw("TypeError", f"Cannot redefine property: {name}")
    if accessor:
        old = cur_value if type(cur_value) is Accessor else Accessor()
        o.props[key] = Accessor(old.get if getter is _ABSENT else getter,
                                old.set if setter is _ABSENT else setter)
        writable_now = True
    else:
        if value is not _ABSENT:
            o.props[key] = value
        elif is_new or type(cur_value) is Accessor:
            o.props[key] = None
        elif key not in o.props:
            o.props[key] = cur_value       # a function's virtual name/length made real
        writable_now = (cur_w and type(cur_value) is not Accessor) if writable is _ABSENT else rt.truthy(writable)
    enum_now = cur_e if enumerable is _ABSENT else rt.truthy(enumerable)
    conf_now = cur_c if configurable is _ABSENT else rt.truthy(configurable)
    if enum_now:
        if o.hidden:
            o.hidden.discard(key)
    else:
        o.hide(key)
    if o.frozen is True:
        return True
    if not writable_now or not conf_now:
        lock = lock_of(o)
        (lock.readonly.discard if writable_now else lock.readonly.add)(key)
        (lock.fixed.discard if conf_now else lock.fixed.add)(key)
    elif o.frozen:
        o.frozen.readonly.discard(key)
        o.frozen.fixed.discard(key)
    return True


def _redefines(rt, current, value, writable, getter, setter, enumerable, configurable, accessor) -> bool:
    """Whether a descriptor changes a non-configurable property in a way the spec forbids."""
    cur_value, cur_w, cur_e, _ = current
    if configurable is not _ABSENT and rt.truthy(configurable):
        return True
    if enumerable is not _ABSENT and rt.truthy(enumerable) != cur_e:
        return True
    was_accessor = type(cur_value) is Accessor
    if accessor:
        return not was_accessor or (getter is not _ABSENT and getter is not cur_value.get) or (
            setter is not _ABSENT and setter is not cur_value.set)
    if was_accessor:
        return value is not _ABSENT or writable is not _ABSENT
    if cur_w:
        return False
    return (writable is not _ABSENT and rt.truthy(writable)) or (
        value is not _ABSENT and not same_value(value, cur_value))


def from_descriptor(rt, current):
    """A descriptor tuple as the object ``getOwnPropertyDescriptor`` returns."""
    v, w, e, c = current
    if type(v) is Accessor:
        return rt.new_object({"get": v.get, "set": v.set, "enumerable": e, "configurable": c})
    return rt.new_object({"value": v, "writable": w, "enumerable": e, "configurable": c})


def same_value(a, b) -> bool:
    """SameValue: ``Object.is``."""
    if type(a) is not type(b):
        return False
    if type(a) is float:
        if a != a:
            return b != b
        return a == b and (a != 0 or str(a) == str(b))
    return a is b or (type(a) is str and a == b)


_ABSENT = object()


def shown(rt, v) -> str:
    """A value as V8 names it inside a message ("Getter must be a function: #<Object>")."""
    if isinstance(v, JsObject):
        return rt._describe_obj(v)
    if type(v) is JsSymbol:
        return f"Symbol({v.description or ''})"
    return rt.to_string(v)


def need_function(rt, f) -> JsFunction:
    """*f*, which a built-in is about to call back (``forEach``'s callback)."""
    if type(f) is not JsFunction:
        rt.throw("TypeError", f"{shown(rt, f)} is not a function")
    return f


def _proto_arg(rt, proto):
    if proto is not JS_NULL and not isinstance(proto, JsObject):
        rt.throw("TypeError", f"Object prototype may only be an Object or null: {shown(rt, proto)}")
    return None if proto is JS_NULL else proto


def set_prototype(rt, o: JsObject, proto) -> None:
    """[[SetPrototypeOf]] with its cycle and extensibility checks (*proto* already checked)."""
    if o.proto is proto:
        return
    if not is_extensible(o):
        rt.throw("TypeError", f"{rt._describe_obj(o)} is not extensible")
    p = proto
    while p is not None:
        if p is o:
            rt.throw("TypeError", "Cyclic __proto__ value")
        p = p.proto
    o.proto = proto


def _entries_from(rt, iterable):
    """``[key, value]`` pairs of an iterable of entry objects (``Object.fromEntries``)."""
    for entry in rt.iterate(iterable):
        if not isinstance(entry, JsObject):
            rt.throw("TypeError", f"Iterator value {shown(rt, entry)} is not an entry object")
        rt.meter.charge(1)
        yield rt.get(entry, "0"), rt.get(entry, "1")


def group_by(rt, items, callback, key_of):
    """The groups of ``Object.groupBy``/``Map.groupBy`` as a dict key -> (key, list);
    *key_of* turns the callback's result into the grouping key."""
    need_function(rt, callback)
    groups: dict = {}
    for i, v in enumerate(rt.iterate(items)):
        rt.meter.charge(1)
        k = rt.call(callback, None, v, float(i))
        norm, k = key_of(k)
        g = groups.get(norm)
        if g is None:
            g = groups[norm] = (k, [])
        g[1].append(v)
    return groups


def open(rt) -> None:
    OP = rt.ObjectProto

    def Object_(this, value=None, *_):
        if type(this) is NewTarget and this.proto is not OP:
            return JsObject(this.proto)
        if value is None or value is JS_NULL:
            return rt.new_object()
        return rt.to_object(value)

    Obj = rt.native("Object", Object_, 1, CALLABLE | CONSTRUCTOR | NATIVE)
    link(Obj, OP)
    rt.Gh["Object"] = Obj

    def obj_arg(v, fname):
        if not isinstance(v, JsObject):
            rt.throw("TypeError", f"Object.{fname} called on non-object")
        return v

    def enum_keys(v):
        """The enumerable own string keys of ``Object.keys(v)``."""
        o = rt.to_object(v)
        keys = rt.own_keys(o)
        rt.meter.charge(len(keys))
        return keys

    # -- statics ----------------------------------------------------------------------------
    def keys(this, v=None, *_):
        return rt.new_array(enum_keys(v))

    def values(this, v=None, *_):
        return rt.new_array([rt.get(v, k) for k in enum_keys(v)])

    def entries(this, v=None, *_):
        return rt.new_array([rt.new_array([k, rt.get(v, k)]) for k in enum_keys(v)])

    def assign(this, target=None, *sources):
        t = rt.to_object(target)
        for src in sources:
            if src is None or src is JS_NULL:
                continue
            s = rt.to_object(src)
            ks = rt.own_keys(s, symbols=True)
            rt.meter.charge(len(ks))
            for k in ks:
                rt.put(t, k, rt.get(src, k))
        return t

    def freeze(this, o=None, *_):
        if isinstance(o, JsObject):
            o.frozen = True
        return o

    def seal(this, o=None, *_):
        if isinstance(o, JsObject) and o.frozen is not True:
            lock = lock_of(o)
            lock.sealed = True
            lock.extensible = False
        return o

    def prevent_extensions(this, o=None, *_):
        if isinstance(o, JsObject) and o.frozen is not True:
            lock_of(o).extensible = False
        return o

    def test_all(o, prop_ok) -> bool:
        """Not extensible and *prop_ok(key, descriptor)* for every own property."""
        if is_extensible(o):
            return False
        if o.frozen is True and o.cls != "Module":       # a namespace's exports say they are writable
            return True
        for k in own_names(rt, o, symbols=True):
            rt.meter.charge(1)
            if not prop_ok(descriptor(rt, o, k)):
                return False
        return True

    def is_frozen(this, o=None, *_):
        if not isinstance(o, JsObject):
            return True
        return test_all(o, lambda d: not d[3] and (type(d[0]) is Accessor or not d[1]))

    def is_sealed(this, o=None, *_):
        if not isinstance(o, JsObject):
            return True
        return test_all(o, lambda d: not d[3])

    def is_extensible_(this, o=None, *_):
        return isinstance(o, JsObject) and is_extensible(o)

    def create(this, proto=None, props=None, *_):
        o = JsObject(_proto_arg(rt, proto))
        rt.meter.alloc(64)
        if props is not None:
            define_properties(None, o, props)
        return o

    def get_prototype_of(this, v=None, *_):
        p = rt.to_object(v).proto
        return JS_NULL if p is None else p

    def set_prototype_of(this, o=None, proto=None, *_):
        if o is None or o is JS_NULL:
            rt.throw("TypeError", "Object.setPrototypeOf called on null or undefined")
        proto = _proto_arg(rt, proto)
        if isinstance(o, JsObject):
            set_prototype(rt, o, proto)
        return o

    def define_property_(this, o=None, key=None, desc=None, *_):
        o = obj_arg(o, "defineProperty")
        key = rt.to_property_key(key)
        if not isinstance(desc, JsObject):
            rt.throw("TypeError", f"Property description must be an object: {shown(rt, desc)}")
        define_property(rt, o, key, desc)
        return o

    def define_properties(this, o=None, props=None, *_):
        o = obj_arg(o, "defineProperties")
        src = rt.to_object(props)
        descs = []
        for k in rt.own_keys(src, symbols=True):
            d = rt.get(src, k)
            if not isinstance(d, JsObject):
                rt.throw("TypeError", f"Property description must be an object: {shown(rt, d)}")
            descs.append((k, d))
        rt.meter.charge(len(descs))
        for k, d in descs:
            define_property(rt, o, k, d)
        return o

    def get_own_property_names(this, v=None, *_):
        return rt.new_array(own_names(rt, rt.to_object(v)))

    def get_own_property_symbols(this, v=None, *_):
        return rt.new_array([k for k in rt.to_object(v).props if type(k) is JsSymbol])

    def get_own_property_descriptor(this, v=None, key=None, *_):
        o = rt.to_object(v)
        d = descriptor(rt, o, rt.to_property_key(key))
        return None if d is None else from_descriptor(rt, d)

    def get_own_property_descriptors(this, v=None, *_):
        o = rt.to_object(v)
        names = own_names(rt, o, symbols=True)
        rt.meter.charge(len(names))
        return rt.new_object({k: from_descriptor(rt, descriptor(rt, o, k)) for k in names})

    def from_entries(this, iterable=None, *_):
        o = rt.new_object()
        for k, v in _entries_from(rt, iterable):
            key = rt.to_property_key(k)       # CreateDataProperty: no setters run
            if key not in o.props:
                rt.meter.alloc(24)
            o.props[key] = v
        return o

    def is_(this, a=None, b=None, *_):
        return same_value(a, b)

    def has_own_(this, v=None, key=None, *_):
        o = rt.to_object(v)
        return has_own(rt, o, rt.to_property_key(key))

    def group_by_(this, items=None, callback=None, *_):
        groups = group_by(rt, items, callback, lambda k: (rt.to_property_key(k),) * 2)
        o = JsObject(None)
        rt.meter.alloc(64 + 24 * len(groups))
        for k, vs in groups.values():
            o.props[k] = rt.new_array(vs)
        return o

    for name, fn, n in (("keys", keys, 1), ("values", values, 1), ("entries", entries, 1),
                        ("assign", assign, 2), ("freeze", freeze, 1), ("isFrozen", is_frozen, 1),
                        ("seal", seal, 1), ("isSealed", is_sealed, 1),
                        ("preventExtensions", prevent_extensions, 1), ("isExtensible", is_extensible_, 1),
                        ("create", create, 2), ("getPrototypeOf", get_prototype_of, 1),
                        ("setPrototypeOf", set_prototype_of, 2), ("defineProperty", define_property_, 3),
                        ("defineProperties", define_properties, 2),
                        ("getOwnPropertyNames", get_own_property_names, 1),
                        ("getOwnPropertySymbols", get_own_property_symbols, 1),
                        ("getOwnPropertyDescriptor", get_own_property_descriptor, 2),
                        ("getOwnPropertyDescriptors", get_own_property_descriptors, 1),
                        ("fromEntries", from_entries, 1), ("is", is_, 2), ("hasOwn", has_own_, 2),
                        ("groupBy", group_by_, 2)):
        rt.define(Obj, name, fn, n)

    # -- Object.prototype ---------------------------------------------------------------------
    def has_own_property(this, key=None, *_):
        key = rt.to_property_key(key)
        return has_own(rt, rt.to_object(this), key)

    def is_prototype_of(this, v=None, *_):
        if not isinstance(v, JsObject):
            return False
        o = rt.to_object(this)
        p = v.proto
        while p is not None:
            if p is o:
                return True
            p = p.proto
        return False

    def property_is_enumerable(this, key=None, *_):
        key = rt.to_property_key(key)
        d = descriptor(rt, rt.to_object(this), key)
        return d is not None and d[2]

    def to_string(this, *_):
        if this is None:
            return "[object Undefined]"
        if this is JS_NULL:
            return "[object Null]"
        o = rt.to_object(this)
        tag = rt.get(o, SYM_TO_STRING_TAG)
        if type(tag) is not str:
            tag = o.cls if o.cls in _BUILTIN_TAGS else "Object"
        return f"[object {tag}]"

    def to_locale_string(this, *_):
        return rt.call(rt.get(this, "toString"), this)

    def value_of(this, *_):
        return rt.to_object(this)

    def proto_get(this, *_):
        p = rt.to_object(this).proto
        return JS_NULL if p is None else p

    def proto_set(this, proto=None, *_):
        if this is None or this is JS_NULL:
            rt.throw("TypeError", "Object.prototype.__proto__ called on null or undefined")
        if isinstance(this, JsObject) and (proto is JS_NULL or isinstance(proto, JsObject)):
            set_prototype(rt, this, None if proto is JS_NULL else proto)

    for name, fn, n in (("hasOwnProperty", has_own_property, 1), ("isPrototypeOf", is_prototype_of, 1),
                        ("propertyIsEnumerable", property_is_enumerable, 1), ("toString", to_string, 0),
                        ("toLocaleString", to_locale_string, 0), ("valueOf", value_of, 0)):
        rt.define(OP, name, fn, n)
    OP.props["__proto__"] = Accessor(rt.native("get __proto__", proto_get), rt.native("set __proto__", proto_set, 1))
    OP.hide("__proto__")


#: objects whose class tag Object.prototype.toString shows without a Symbol.toStringTag
_BUILTIN_TAGS = frozenset(("Array", "Function", "Error", "Boolean", "Number", "String", "Date", "RegExp",
                           "Arguments"))
