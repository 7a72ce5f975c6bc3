"""``Reflect``: the object operations as functions (ECMAScript §28.1).

Each is the runtime's own operation — the one ``o.k``, ``o.k = v``, ``k in o``,
``delete o.k`` and ``Object.*`` use — with Reflect's two differences: the
target must be an object (``Reflect.get called on non-object``), and the
operations that can be refused (``set``, ``defineProperty``,
``deleteProperty``, ``setPrototypeOf``, ``preventExtensions``) answer
``false`` instead of throwing.  Messages are worded as V8 words them.
"""
from __future__ import annotations

from .lib_object import (_proto_arg, define_property, descriptor, from_descriptor, is_extensible, is_fixed,
                         lock_of, own_names, shown)
from .values import CONSTRUCTOR, JS_NULL, SYM_TO_STRING_TAG, Accessor, JsFunction, JsObject


def open(rt) -> None:
    R = JsObject(rt.ObjectProto, "Object")

    def target(o, name: str) -> JsObject:
        if not isinstance(o, JsObject):
            rt.throw("TypeError", f"Reflect.{name} called on non-object")
        return o

    def arguments(args) -> list:
        """CreateListFromArrayLike."""
        if not isinstance(args, JsObject):
            rt.throw("TypeError", "CreateListFromArrayLike called on non-object")
        n = int(rt.to_length(rt.get(args, "length")))
        rt.meter.charge(n)
        return [rt.get_index(args, float(i)) for i in range(n)]

    def apply(this, f=None, this_arg=None, args=None, *_):
        if type(f) is not JsFunction:
            kind = "null" if f is JS_NULL else "an object" if isinstance(f, JsObject) else f"a {rt.typeof(f)}"
            rt.throw("TypeError", f"Function.prototype.apply was called on {shown(rt, f)}, which is "
                                  f"{kind} and not a function")
        return rt.call(f, this_arg, *arguments(args))

    def construct(this, f=None, args=None, *rest):
        new_target = rest[0] if rest else f
        for c in (f, new_target):
            if type(c) is not JsFunction or not c.kind & CONSTRUCTOR:     # V8 shows a function's source
                rt.throw("TypeError", f"{rt.to_string(c) if type(c) is JsFunction else shown(rt, c)} "
                                      "is not a constructor")
        return rt.construct_with(f, new_target, arguments(args))

    def define(this, o=None, key=None, desc=None, *_):
        o = target(o, "defineProperty")
        if not isinstance(desc, JsObject):
            rt.throw("TypeError", f"Property description must be an object: {shown(rt, desc)}")
        return define_property(rt, o, rt.to_property_key(key), desc, strict=False)

    def delete(this, o=None, key=None, *_):
        o = target(o, "deleteProperty")
        key = rt.to_property_key(key)
        if rt.has_own(o, key) and is_fixed(o, key):
            return False
        return rt.delete(o, key)

    def get(this, o=None, key=None, *rest):
        o = target(o, "get")
        return rt.get(o, rt.to_property_key(key), *rest[:1])

    def get_own_property_descriptor(this, o=None, key=None, *_):
        d = descriptor(rt, target(o, "getOwnPropertyDescriptor"), rt.to_property_key(key))
        return None if d is None else from_descriptor(rt, d)

    def get_prototype_of(this, o=None, *_):
        p = target(o, "getPrototypeOf").proto
        return JS_NULL if p is None else p

    def has(this, o=None, key=None, *_):
        return rt.has_property(target(o, "has"), rt.to_property_key(key))

    def is_extensible_(this, o=None, *_):
        return is_extensible(target(o, "isExtensible"))

    def own_keys(this, o=None, *_):
        return rt.new_array(own_names(rt, target(o, "ownKeys"), symbols=True))

    def prevent_extensions(this, o=None, *_):
        o = target(o, "preventExtensions")
        if o.frozen is not True:
            lock_of(o).extensible = False
        return True

    def set_(this, o=None, key=None, value=None, *_):
        o = target(o, "set")
        key = rt.to_property_key(key)
        if not settable(o, key):
            return False
        rt.put(o, key, value)
        return True

    def settable(o: JsObject, key) -> bool:
        """Whether ``o[key] = v`` would be allowed ([[Set]] answering true)."""
        obj = o
        while obj is not None:
            d = descriptor(rt, obj, key)
            if d is not None:
                value, writable = d[0], d[1]
                if type(value) is Accessor:
                    return value.set is not None
                return writable and (obj is o or is_extensible(o))
            obj = obj.proto
        return is_extensible(o)

    def set_prototype_of(this, o=None, proto=None, *_):
        o = target(o, "setPrototypeOf")
        proto = _proto_arg(rt, proto)
        if o.proto is proto:
            return True
        if not is_extensible(o):
            return False
        p = proto
        while p is not None:
            if p is o:
                return False
            p = p.proto
        o.proto = proto
        return True

    for name, fn, n in (("apply", apply, 3), ("construct", construct, 2), ("defineProperty", define, 3),
                        ("deleteProperty", delete, 2), ("get", get, 2),
                        ("getOwnPropertyDescriptor", get_own_property_descriptor, 2),
                        ("getPrototypeOf", get_prototype_of, 1), ("has", has, 2),
                        ("isExtensible", is_extensible_, 1), ("ownKeys", own_keys, 1),
                        ("preventExtensions", prevent_extensions, 1), ("set", set_, 3),
                        ("setPrototypeOf", set_prototype_of, 2)):
        rt.define(R, name, fn, n)
    R.props[SYM_TO_STRING_TAG] = "Reflect"
    R.hide(SYM_TO_STRING_TAG)
    rt.Gh["Reflect"] = R
