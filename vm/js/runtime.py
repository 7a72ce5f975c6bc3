"""The JavaScript runtime: ECMAScript's abstract operations over :mod:`.values`.

Compiled JavaScript calls into this module for everything its inline fast
paths (``vm/js/emit.py``) do not cover: conversions (ToPrimitive, ToNumber,
ToString, ToPropertyKey), the operators whose rules depend on both operand
types (``+``, ``==``, ``<``), property access with prototype chains, getters
and setters, calls and ``new``, and the errors JavaScript throws — worded as
V8 words them, because that is what users search for.

Each run owns its *realm*: the built-in prototypes and the global object are
created per run, so one spell mutating ``Array.prototype`` cannot affect the
next.  The standard library (``vm/js/lib_*.py``) fills them in.
"""
from __future__ import annotations

import math
import sys
from functools import partial
from inspect import CO_VARARGS
from types import FunctionType

from ...ir.errors import ScriptError
from ..runtime import BridgeFailure, Runtime, ScriptThrow, script_frames
from . import fdlibm
from .numconv import number_to_string, string_to_number, to_int32, to_uint32
from .values import (
    CALLABLE,
    CLASS,
    CONSTRUCTOR,
    DERIVED,
    HOLE,
    JS_NULL,
    NATIVE,
    SYM_HAS_INSTANCE,
    SYM_ITERATOR,
    SYM_TO_PRIMITIVE,
    SYM_TO_STRING_TAG,
    TDZ,
    Accessor,
    JsArray,
    JsFunction,
    JSNull,
    JsObject,
    JsSymbol,
    from_host_str,
    index_of_key,
    ordered_keys,
    to_host_str,
)

INF = math.inf
NAN = math.nan
_MISSING = object()

ERROR_KINDS = ("Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError",
               "URIError", "AggregateError")


def key_of_number(x: float) -> str:
    """The property key of a number: ``1.0`` → ``"1"``, ``-0`` → ``"0"``."""
    if x.is_integer() and abs(x) < 1e21:
        return str(int(x))
    return number_to_string(x)


class JsRuntime(Runtime):
    lang = "javascript"

    def __init__(self, policy, out=None, meter=None):
        super().__init__(policy, out, meter)
        self.ObjectProto = JsObject(None)
        self.FunctionProto = JsFunction(lambda this, *a: None, "", 0, CALLABLE | NATIVE, self.ObjectProto)
        self.ArrayProto = JsArray([], self.ObjectProto)
        p = self.ObjectProto
        self.StringProto = JsObject(p, "String")
        self.StringProto.internal = ""
        self.NumberProto = JsObject(p, "Number")
        self.NumberProto.internal = 0.0
        self.BooleanProto = JsObject(p, "Boolean")
        self.BooleanProto.internal = False
        self.SymbolProto = JsObject(p)
        self.IteratorProto = JsObject(p)
        self.error_protos: dict[str, JsObject] = {}
        base = None
        for kind in ERROR_KINDS:
            proto = JsObject(base or p, "Error")
            self.error_protos[kind] = proto
            base = base or proto
        self.iterator_protos: dict[str, JsObject] = {}
        self.iterator_next = self.native("next", self._iterator_next)
        self.array_values = self.string_iter = None     # set by the Array and String libraries
        self.G = JsObject(p, "global")
        self.Gh = self.G.props
        self.bridges = None
        self._new_target = None     # (new.target, the function being constructed) for new_target()
        self._templates: dict = {}  # tagged template call site -> its strings array
        from . import stdlib
        stdlib.open_libs(self)

    # -- making values --------------------------------------------------------------------
    def new_object(self, props: dict | None = None, proto=_MISSING) -> JsObject:
        self.meter.alloc(64 + 24 * len(props) if props else 64)
        return JsObject(self.ObjectProto if proto is _MISSING else proto, "Object", props)

    def new_array(self, items: list) -> JsArray:
        self.meter.alloc(64 + 8 * len(items))
        return JsArray(items, self.ArrayProto)

    def native(self, name: str, fn, nparams: int = 0, kind: int = CALLABLE | NATIVE) -> JsFunction:
        """A built-in function: *fn* takes ``(this, *args)`` and returns one value."""
        return JsFunction(fn, name, nparams, kind, self.FunctionProto)

    def define(self, obj: JsObject, name, fn, nparams: int = 0) -> JsFunction:
        """Install native method *name* on *obj*, non-enumerable as built-ins are."""
        f = self.native(name if type(name) is str else f"[{name.description}]", fn, nparams)
        obj.props[name] = f
        obj.hide(name)
        return f

    def make_error(self, kind: str, message: str) -> JsObject:
        err = JsObject(self.error_protos[kind], "Error")
        err.props["message"] = message
        span = self.locate()
        where = f"\n    at {span.file}:{span.line}:{span.col}" if span is not None and span.line else ""
        err.props["stack"] = f"{kind}: {message}{where}"
        err.hide("message", "stack")
        return err

    def throw(self, kind: str, message: str):
        """Throw a new *kind* error (TypeError, RangeError, ...) at the running
        script position."""
        raise self.thrown(self.make_error(kind, message))

    def thrown(self, value) -> ScriptThrow:
        """The exception carrying a script ``throw value``."""
        tb = self.traceback(sys._getframe(1))
        return ScriptThrow(value, tb[0] if tb else None, tb)

    def to_script_error(self, exc: ScriptThrow) -> ScriptError:
        """An uncaught throw: the message is ``String(value)``, as the script
        would print it; a thrown plain object is also shown whole, as node shows it."""
        value = exc.value
        hint = None
        try:
            msg = to_host_str(self.to_string(value))
            if isinstance(value, JsObject) and value.cls != "Error":
                from .inspect import inspect
                hint = f"the thrown value: {to_host_str(inspect(self, value))}"
        except ScriptThrow:
            msg = "(a thrown value that cannot be converted to a string)"
        return ScriptError(msg, exc.span, hint=hint, value=value, traceback=exc.traceback)

    def _has_own_tostring(self, obj) -> bool:
        f = self.get(obj, "toString")
        return isinstance(f, JsFunction) and f is not self.ObjectProto.props.get("toString")

    # -- type conversion ---------------------------------------------------------------
    def typeof(self, v) -> str:
        t = type(v)
        if t is float:
            return "number"
        if t is str:
            return "string"
        if v is None:
            return "undefined"
        if t is bool:
            return "boolean"
        if t is JsFunction:
            return "function"
        if t is JsSymbol:
            return "symbol"
        return "object"

    @staticmethod
    def truthy(v) -> bool:
        t = type(v)
        if t is bool:
            return v
        if t is float:
            return v == v and v != 0.0
        if t is str:
            return v != ""
        return v is not None and t is not JSNull

    def to_primitive(self, v, hint: str = "default"):
        if not isinstance(v, JsObject):
            return v
        exotic = self.get(v, SYM_TO_PRIMITIVE)
        if exotic is not None and exotic is not JS_NULL:
            r = self.call(exotic, v, hint)
            if isinstance(r, JsObject):
                self.throw("TypeError", "Cannot convert object to primitive value")
            return r
        if hint == "default" and v.cls == "Date":
            hint = "string"
        order = ("toString", "valueOf") if hint == "string" else ("valueOf", "toString")
        for name in order:
            f = self.get(v, name)
            if type(f) is JsFunction:
                r = self.call(f, v)
                if not isinstance(r, JsObject):
                    return r
        self.throw("TypeError", "Cannot convert object to primitive value")

    def to_number(self, v) -> float:
        t = type(v)
        if t is float:
            return v
        if t is str:
            return string_to_number(v)
        if t is bool:
            return 1.0 if v else 0.0
        if v is None:
            return NAN
        if t is JSNull:
            return 0.0
        if t is JsSymbol:
            self.throw("TypeError", "Cannot convert a Symbol value to a number")
        return self.to_number(self.to_primitive(v, "number"))

    def to_string(self, v) -> str:
        t = type(v)
        if t is str:
            return v
        if t is float:
            return number_to_string(v)
        if t is bool:
            return "true" if v else "false"
        if v is None:
            return "undefined"
        if t is JSNull:
            return "null"
        if t is JsSymbol:
            self.throw("TypeError", "Cannot convert a Symbol value to a string")
        return self.to_string(self.to_primitive(v, "string"))

    def to_property_key(self, v):
        t = type(v)
        if t is str or t is JsSymbol or t is PrivateName:
            return v
        if t is float:
            return key_of_number(v)
        if isinstance(v, JsObject):
            v = self.to_primitive(v, "string")
            if type(v) is JsSymbol:
                return v
        return self.to_string(v)

    def to_object(self, v, what: str = "value"):
        if isinstance(v, JsObject):
            return v
        if v is None or v is JS_NULL:
            self.throw("TypeError", "Cannot convert undefined or null to object")
        proto = self._primitive_proto(v)
        w = JsObject(proto, proto.cls)
        w.internal = v
        return w

    def to_integer(self, v) -> float:
        """ToIntegerOrInfinity, as a float (``-0`` becomes ``0``)."""
        if type(v) is float and v.is_integer():
            return v + 0.0
        x = self.to_number(v)
        if x != x:
            return 0.0
        if x in (INF, -INF):
            return x
        return float(math.trunc(x))

    def to_length(self, v) -> int:
        x = self.to_integer(v)
        return 0 if x <= 0 else int(min(x, 2.0 ** 53 - 1))

    def relative_index(self, v, length: int, default: int) -> int:
        """An index argument as ``slice`` reads it: negative counts from the end,
        clamped to ``[0, length]``."""
        if v is None:
            return default
        x = self.to_integer(v)
        if x < 0:
            return int(max(length + x, 0))
        return int(min(x, length))

    # -- property access ------------------------------------------------------------------
    def _primitive_proto(self, v) -> JsObject:
        t = type(v)
        if t is str:
            return self.StringProto
        if t is float:
            return self.NumberProto
        if t is bool:
            return self.BooleanProto
        if t is JsSymbol:
            return self.SymbolProto
        return self.ObjectProto

    def get(self, o, key, receiver=_MISSING):
        """``o[key]`` for a property key (str or symbol) and any value *o*."""
        t = type(o)
        if t is JsArray:
            if type(key) is str:
                i = index_of_key(key)
                if i >= 0:
                    if i < len(o.items):
                        v = o.items[i]
                        return None if v is HOLE else v
                    return self._get_chain(o, key, o)
                if key == "length":
                    return float(len(o.items))
        elif t is str:
            if key == "length":
                return float(len(o))
            i = index_of_key(key)
            if 0 <= i < len(o):
                return o[i]
            return self._get_chain(self.StringProto, key, o)
        elif not isinstance(o, JsObject):
            if o is None or o is JS_NULL:
                what = "undefined" if o is None else "null"
                shown = key if type(key) is str else f"Symbol({key.description or ''})"
                self.throw("TypeError", f"Cannot read properties of {what} (reading '{shown}')")
            return self._get_chain(self._primitive_proto(o), key, o)
        elif o.cls == "String" and type(o.internal) is str and type(key) is str:
            s = o.internal
            if key == "length":
                return float(len(s))
            i = index_of_key(key)
            if 0 <= i < len(s):
                return s[i]
        return self._get_chain(o, key, o if receiver is _MISSING else receiver)

    def get_named(self, o, key: str):
        """``o.key`` for a *key* that is neither an array index nor ``length``
        (compiled code's GET_FIELD off a plain object): arrays, strings and
        String objects have nothing of their own under such a key, so only
        the prototype chain is left to search."""
        if isinstance(o, JsObject):
            return self._get_chain(o, key, o)
        if type(o) is str:
            return self._get_chain(self.StringProto, key, o)
        return self.get(o, key)

    def _get_chain(self, obj, key, receiver):
        if type(key) is PrivateName:
            # fields are own properties; private methods and accessors live on the prototype
            while obj is not None:
                v = obj.props.get(key, _MISSING)
                if v is not _MISSING:
                    return self.call(v.get, receiver) if type(v) is Accessor else v
                obj = obj.proto
            self.throw("TypeError", f"Cannot read private member {key.description} from an object "
                       "whose class did not declare it")
        while obj is not None:
            v = obj.props.get(key, _MISSING)
            if v is not _MISSING:
                if type(v) is Accessor:
                    return None if v.get is None else self.call(v.get, receiver)
                return v
            if type(obj) is JsFunction:
                v = self._function_virtual(obj, key)
                if v is not _MISSING:
                    return v
            obj = obj.proto
        return None

    def _function_virtual(self, f: JsFunction, key):
        """``name``, ``length`` and (made on first use) ``prototype`` of a function."""
        if key == "name":
            return f.name
        if key == "length":
            return float(f.nparams)
        if key == "prototype" and f.kind & CONSTRUCTOR and not f.kind & NATIVE:
            return self.prototype_of(f)
        return _MISSING

    def prototype_of(self, f: JsFunction) -> JsObject:
        proto = f.props.get("prototype")
        if proto is None:
            proto = self.new_object()
            proto.props["constructor"] = f
            proto.hide("constructor")
            f.props["prototype"] = proto
            f.hide("prototype")
        return proto

    def get_index(self, o, k):
        """``o[k]`` for any key value *k* (compiled code's slow path)."""
        if type(k) is float:
            if type(o) is JsArray and 0 <= k < len(o.items) and k.is_integer():
                v = o.items[int(k)]
                return None if v is HOLE else v
            if type(o) is str and 0 <= k < len(o) and k.is_integer():
                return o[int(k)]
            return self.get(o, key_of_number(k))
        if o is None or o is JS_NULL:
            return self.get(o, self.to_property_key(k) if not isinstance(k, JsObject) else "[object]")
        return self.get(o, self.to_property_key(k))

    def put(self, o, key, v):
        """``o[key] = v`` (strict mode: failures throw TypeError)."""
        t = type(o)
        if t is JsArray and type(key) is str:
            i = index_of_key(key)
            if i >= 0:
                self.set_item(o, i, v)
                return
            if key == "length":
                self.set_length(o, v)
                return
        if not isinstance(o, JsObject):
            if o is None or o is JS_NULL:
                what = "undefined" if o is None else "null"
                shown = key if type(key) is str else f"Symbol({key.description or ''})"
                self.throw("TypeError", f"Cannot set properties of {what} (setting '{shown}')")
            shown = self.to_string(o) if type(o) is not JsSymbol else "Symbol()"
            self.throw("TypeError", f"Cannot create property '{key}' on {self.typeof(o)} '{shown}'")
        props = o.props
        cur = props.get(key, _MISSING)
        if cur is not _MISSING and type(cur) is not Accessor and not o.frozen:
            props[key] = v
            return
        # an own accessor, a setter up the chain, or a new property
        obj = o if cur is not _MISSING else o.proto
        while obj is not None:
            d = obj.props.get(key, _MISSING)
            if d is not _MISSING:
                if type(d) is Accessor and o.cls != "Module":      # a namespace's live bindings read as data
                    if d.set is None:
                        self.throw("TypeError", f"Cannot set property {key} of {self._describe_obj(o)} "
                                   "which has only a getter")
                    self.call(d.set, o, v)
                    return
                break
            obj = obj.proto
        lock = o.frozen         # True (frozen) or an Integrity record (lib_object)
        if lock:
            if cur is _MISSING:
                if lock is True or not lock.extensible:
                    self.throw("TypeError", f"Cannot add property {key}, object is not extensible")
            elif lock is True or lock.is_readonly(key):
                self.throw("TypeError", f"Cannot assign to read only property '{key}' of object "
                           f"'{self._describe_obj(o)}'")
        if type(o) is JsFunction and key in ("name", "length") and cur is _MISSING:
            self.throw("TypeError", f"Cannot assign to read only property '{key}' of function")
        self.meter.alloc(24)
        props[key] = v

    def _describe_obj(self, o) -> str:
        if type(o) is JsArray:
            return "[object Array]"
        if o.cls == "Module":
            return "[object Module]"
        return "#<Object>" if o.proto is self.ObjectProto else f"#<{self.constructor_name(o) or 'Object'}>"

    def constructor_name(self, o) -> str | None:
        """The name of the class *o* is an instance of (for printing)."""
        proto = o.proto
        while proto is not None:
            c = proto.props.get("constructor")
            if type(c) is JsFunction:
                return c.name
            proto = proto.proto
        return None

    def set_index(self, o, k, v):
        """``o[k] = v`` for any key value (compiled code's slow path)."""
        if type(k) is float and type(o) is JsArray and k.is_integer() and 0 <= k <= 4294967294:
            self.set_item(o, int(k), v)
            return
        self.put(o, self.to_property_key(k), v)

    def set_item(self, a: JsArray, i: int, v):
        items = a.items
        lock = a.frozen         # True (frozen) or an Integrity record (lib_object)
        if lock:
            if i >= len(items) or items[i] is HOLE:
                if lock is True or not lock.extensible:
                    self.throw("TypeError", f"Cannot add property {i}, object is not extensible")
            elif lock is True or lock.is_readonly(str(i)):
                self.throw("TypeError", f"Cannot assign to read only property '{i}' of object '[object Array]'")
        if i < len(items):
            items[i] = v
            return
        gap = i - len(items)
        self.meter.alloc(8 * (gap + 1), 0)
        if gap:
            items.extend([HOLE] * gap)
        items.append(v)

    def set_length(self, a: JsArray, v):
        n = self.to_number(v)
        if not (n >= 0 and n.is_integer() and n <= 4294967295):
            self.throw("RangeError", "Invalid array length")
        n = int(n)
        if n < len(a.items):
            del a.items[n:]
        elif n > len(a.items):
            self.meter.alloc(8 * (n - len(a.items)), 0)
            a.items.extend([HOLE] * (n - len(a.items)))

    def has_property(self, o, key) -> bool:
        """``key in o``."""
        if not isinstance(o, JsObject):
            shown = self.to_string(key) if type(key) is not JsSymbol else "Symbol()"
            self.throw("TypeError", f"Cannot use 'in' operator to search for '{shown}' in "
                       f"{self.to_string(o) if type(o) is not JsSymbol else 'Symbol()'}")
        key = self.to_property_key(key)
        obj = o
        while obj is not None:
            if self.has_own(obj, key):
                return True
            obj = obj.proto
        return False

    def has_own(self, o: JsObject, key) -> bool:
        if key in o.props:
            return True
        if type(o) is JsArray:
            i = index_of_key(key)
            return 0 <= i < len(o.items) and o.items[i] is not HOLE or key == "length"
        if type(o) is JsFunction:
            return key in ("name", "length") or (key == "prototype" and o.kind & CONSTRUCTOR
                                                 and not o.kind & NATIVE)
        return False

    def delete(self, o, k) -> bool:
        if o is None or o is JS_NULL:
            self.throw("TypeError", "Cannot convert undefined or null to object")
        if not isinstance(o, JsObject):
            return True
        key = self.to_property_key(k)
        lock = o.frozen
        if lock and (lock is True or lock.is_fixed(key)) and self.has_own(o, key):
            self.throw("TypeError", f"Cannot delete property '{key}' of {self._describe_obj(o)}")
        if type(o) is JsArray:
            i = index_of_key(key)
            if 0 <= i < len(o.items):
                o.items[i] = HOLE       # the length stays: `delete` never shrinks an array
                return True
        o.props.pop(key, None)
        if o.hidden:
            o.hidden.discard(key)
        return True

    def own_keys(self, o: JsObject, enumerable_only: bool = True, symbols: bool = False) -> list:
        """Own property keys in JavaScript's order (array indices first)."""
        keys: list = []
        if type(o) is JsArray:
            keys = [str(i) for i, v in enumerate(o.items) if v is not HOLE]
        elif o.cls == "String" and type(o.internal) is str:
            keys = [str(i) for i in range(len(o.internal))]
        hidden = o.hidden if enumerable_only else None
        rest = [k for k in ordered_keys(o.props)
                if (symbols or type(k) is str) and not (hidden and k in hidden)]
        if not enumerable_only and type(o) is JsArray:
            rest.append("length")
        return keys + rest

    def is_enumerable(self, o: JsObject, key) -> bool:
        if type(o) is JsArray and index_of_key(key) >= 0:
            return self.has_own(o, key)
        return key in o.props and not (o.hidden and key in o.hidden)

    def for_in_keys(self, v) -> list:
        """The keys ``for (k in v)`` visits: enumerable string keys up the chain."""
        if v is None or v is JS_NULL:
            return []
        if type(v) is str:
            return [str(i) for i in range(len(v))]
        if not isinstance(v, JsObject):
            return []
        seen: set = set()
        out = []
        obj = v
        while obj is not None:
            for k in self.own_keys(obj, enumerable_only=False):
                if k in seen:
                    continue
                seen.add(k)
                if self.is_enumerable(obj, k):
                    out.append(k)
            obj = obj.proto
        return out

    # -- calls ----------------------------------------------------------------------------
    def call(self, f, this, *args):
        """Call a JS value from library code.  A compiled function given more
        arguments than it declares gets the first ones only (JavaScript ignores
        the extras), cut here because callbacks are routinely passed more
        (``map`` passes three) and a failed Python call costs far more."""
        if type(f) is not JsFunction:
            self.throw("TypeError", f"{self.short(f)} is not a function")
        if f.kind & CALLABLE == 0:
            self.throw("TypeError", f"Class constructor {f.name} cannot be invoked without 'new'")
        fn = f.fn
        if args and type(fn) is FunctionType:
            code = fn.__code__
            if len(args) >= code.co_argcount and not code.co_flags & CO_VARARGS:
                args = args[:code.co_argcount - 1]
        try:
            return fn(this, *args)
        except TypeError as e:
            return self._retry_call(e, f, this, args)

    def caller(self, f, nargs: int):
        """What ``call(f, this, *args)`` does for calls with exactly *nargs*
        arguments, as one Python callable ``(this, *args)``, its checks made once:
        for library loops that call one callback many times (sort's comparator,
        map's callback).  A compiled function is called directly, given the
        arguments it declares (a TypeError it raises is its own, as in ``call``)."""
        fn = f.fn if type(f) is JsFunction and f.kind & CALLABLE else None
        if type(fn) is FunctionType and fn.__code__.co_argcount:
            code = fn.__code__
            if code.co_flags & CO_VARARGS or code.co_argcount > nargs:
                return fn
            k = code.co_argcount - 1
            return lambda this, *args: fn(this, *args[:k])
        return partial(self.call, f)

    def _retry_call(self, exc, f, this, args):
        """The Python call failed before *f* started: too many arguments for a
        compiled function (JavaScript ignores the extras)."""
        if exc.__traceback__.tb_next is not None:
            raise exc
        code = getattr(f.fn, "__code__", None)
        if code is not None and len(args) + 1 > code.co_argcount:
            return f.fn(this, *args[:code.co_argcount - 1])
        raise exc

    def call_site(self, exc, f, this, *args):
        """Compiled code's CALL when ``f.fn(this, ...)`` raised AttributeError or
        TypeError: not a function, a class called without new, extra arguments."""
        if exc.__traceback__.tb_next is not None:
            raise exc
        if type(f) is not JsFunction:
            self.throw("TypeError", f"{self.callee_text()} is not a function")
        return self.call(f, this, *args)

    def callee_text(self) -> str:
        """The source text of the callee of the failing call, as V8 names it
        ("obj.method is not a function"): the CALL's span is its callee's."""
        for frame, info in script_frames(sys._getframe(1)):
            span = info.span_at(frame.f_lineno)
            src = info.module.source_file
            if span.line and span.line == span.end_line:
                text = (src.line_text(span.line) or "")[span.col - 1:span.end_col - 1]
                if text:
                    return text
            return "expression"
        return "expression"

    def short(self, v) -> str:
        """A value as V8 shows it in "x is not a function" messages."""
        if type(v) is str:
            return f'"{v}"'
        if isinstance(v, JsObject):
            return "#<Object>" if type(v) is not JsArray else "object"
        if type(v) is JsSymbol:
            return "Symbol()"
        return self.to_string(v)

    def construct(self, f, *args):
        """``new f(...args)``."""
        if type(f) is not JsFunction or not f.kind & CONSTRUCTOR:
            self.throw("TypeError", f"{self.callee_text()} is not a constructor")
        return self.construct_with(f, f, args)

    def construct_with(self, f: JsFunction, new_target: JsFunction, args):
        proto = new_target.props.get("prototype")    # a class's: an own data property
        if proto is None or type(proto) is Accessor:
            proto = self.get(new_target, "prototype")
        if not isinstance(proto, JsObject):
            proto = self.ObjectProto
        if f.kind & NATIVE:
            # built-in constructors make their own objects (Map, Date, Error, Array)
            r = f.fn(NewTarget(proto), *args)
            return r
        root = f
        while root.kind & DERIVED and type(root.home) is JsFunction:
            root = root.home
        if root.kind & NATIVE:
            this = root.fn(NewTarget(proto), *args[:0])
        else:
            self.meter.alloc(64)
            this = JsObject(proto)
        if not f.kind & DERIVED:
            self.init_fields(f, this)
        r = self._call_ctor(f, this, args)
        return r if isinstance(r, JsObject) else this

    def new_target(self):
        """``new.target`` at the entry of the running function: the constructor
        if it was called by ``new``, else undefined."""
        pending, self._new_target = self._new_target, None
        if pending is not None and pending[1].__code__ is sys._getframe(1).f_code:
            return pending[0]
        return None

    def _call_ctor(self, f, this, args):
        body = f.internal if f.kind & CLASS else f.fn
        self._new_target = (f, body)
        try:
            return body(this, *args)
        except TypeError as e:
            if e.__traceback__.tb_next is not None:
                raise
            return body(this, *args[:body.__code__.co_argcount - 1])

    def class_function(self, body, name: str, length: int, kind: int) -> JsFunction:
        """A class constructor: *body* runs only under ``new`` (kept in
        ``internal``); calling the class throws, as in JavaScript."""
        def called(this, *args):
            self.throw("TypeError", f"Class constructor {name} cannot be invoked without 'new'")
        f = JsFunction(called, name, length, kind, self.FunctionProto)
        f.internal = body
        return f

    def init_fields(self, cls: JsFunction, this):
        if cls.fields is not None:
            cls.fields.fn(this)

    def super_call(self, cls: JsFunction, this, *args):
        """``super(...args)`` in the constructor of derived class *cls*."""
        parent = cls.home
        if type(parent) is not JsFunction:
            self.throw("TypeError", "Super constructor is not a constructor")
        if parent.kind & NATIVE:
            tmp = parent.fn(NewTarget(this.proto), *args)
            if isinstance(tmp, JsObject):
                for k, v in tmp.props.items():
                    this.props[k] = v
                if tmp.hidden:
                    this.hide(*tmp.hidden)
                if this.cls == "Object":
                    this.cls = tmp.cls
                if tmp.internal is not None:    # the root made a blank Map/Date/...: take the real one
                    this.internal = tmp.internal
        else:
            if not parent.kind & DERIVED:
                self.init_fields(parent, this)
            self._call_ctor(parent, this, args)
        self.init_fields(cls, this)
        return this

    def instance_of(self, v, f) -> bool:
        if not isinstance(f, JsObject):
            self.throw("TypeError", "Right-hand side of 'instanceof' is not callable")
        h = self.get(f, SYM_HAS_INSTANCE)
        if h is not None and h is not JS_NULL and h is not self.FunctionProto.props.get(SYM_HAS_INSTANCE):
            return self.truthy(self.call(h, f, v))
        if type(f) is not JsFunction:
            self.throw("TypeError", "Right-hand side of 'instanceof' is not callable")
        if f.kind & NATIVE and type(f.internal) is JsFunction:     # a bound function (lib_function)
            return self.instance_of(v, f.internal)
        if not isinstance(v, JsObject):
            return False
        proto = self.get(f, "prototype")
        obj = v.proto
        while obj is not None:
            if obj is proto:
                return True
            obj = obj.proto
        return False

    def call_site_apply(self, f, this, args: JsArray):
        """``f(...args)``: a call with spread arguments."""
        if type(f) is not JsFunction:
            self.throw("TypeError", f"{self.callee_text()} is not a function")
        return self.call(f, this, *args.items)

    # -- classes and literals ------------------------------------------------------------------
    def make_class(self, cls: JsFunction, parent):
        """Finish class *cls* (``extends parent`` unless *parent* is False);
        returns its prototype object, where the methods go."""
        if parent is False:
            proto_parent = self.ObjectProto
        elif parent is JS_NULL:
            proto_parent = None
        else:
            if type(parent) is not JsFunction or not parent.kind & CONSTRUCTOR:
                self.throw("TypeError", f"Class extends value {self.short(parent)} is not a constructor or null")
            proto_parent = self.get(parent, "prototype")
            if proto_parent is JS_NULL:
                proto_parent = None
            elif not isinstance(proto_parent, JsObject):
                self.throw("TypeError", "Class extends value does not have valid prototype property")
            cls.proto = parent
            cls.home = parent
        proto = JsObject(proto_parent)
        self.meter.alloc(64)
        proto.props["constructor"] = cls
        proto.hide("constructor")
        cls.props["prototype"] = proto
        cls.hide("prototype")
        return proto

    def name_function(self, f, key):
        """SetFunctionName for an anonymous function under a computed key."""
        if type(f) is JsFunction and not f.name:
            f.name = key if type(key) is str else f"[{key.description or ''}]"
        return f

    def set_fields(self, cls: JsFunction, init: JsFunction):
        cls.fields = init

    def define_method(self, target: JsObject, key, f: JsFunction, enumerable: bool):
        f.home = target
        target.props[key] = f
        if not enumerable:
            target.hide(key)
        elif target.hidden:
            target.hidden.discard(key)

    def define_accessor(self, target: JsObject, key, f: JsFunction, is_setter: bool, enumerable: bool):
        f.home = target
        cur = target.props.get(key)
        acc = cur if type(cur) is Accessor else Accessor()
        if is_setter:
            acc.set = f
        else:
            acc.get = f
        target.props[key] = acc
        if not enumerable:
            target.hide(key)

    def super_get(self, home, mode: str, this, key):
        """``super[key]`` in a method whose home is *home*: a class (*mode*
        "instance" or "static") or an object literal ("object")."""
        if mode == "instance":
            home = self.get(home, "prototype")
        start = home.proto if isinstance(home, JsObject) else None
        if start is None:
            return None
        return self._get_chain(start, self.to_property_key(key), this)

    def set_literal_proto(self, obj: JsObject, proto):
        """``{__proto__: p}`` in an object literal."""
        if isinstance(proto, JsObject):
            obj.proto = proto
        elif proto is JS_NULL:
            obj.proto = None

    def template_object(self, site, *parts):
        """The strings array a tag function receives: cooked strings, ``raw``;
        one frozen array per call site (*site* names it), as the spec keeps."""
        hit = self._templates.get(site)
        if hit is not None:
            return hit
        n = len(parts) // 2
        strings = self.new_array(list(parts[:n]))
        raw = self.new_array(list(parts[n:]))
        raw.frozen = True
        strings.props["raw"] = raw
        strings.hide("raw")
        strings.frozen = True
        self._templates[site] = strings
        return strings

    def private_name(self, name: str) -> "PrivateName":
        return PrivateName(name)

    def take(self, v, n: int, rest: bool) -> JsArray:
        """The first *n* values of iterable *v* (and, with *rest*, an array of
        the others as item *n*) — array destructuring pulls only what it binds."""
        if type(v) is JsArray and v.proto is self.ArrayProto and self.array_values is \
                self.ArrayProto.props.get(SYM_ITERATOR):
            items = holes_read(v.items[:n])     # a fresh list: may grow
            items += [None] * (n - len(items))
            if rest:
                items = items + [self.new_array(holes_read(v.items[n:]))]
            return self.new_array(items)
        it = self.iterate(v, True)
        out = []
        for x in it:
            if len(out) >= n and not rest:
                break
            out.append(x)
            if len(out) >= n and not rest:
                break
        if hasattr(it, "close"):
            it.close()
        if rest:
            tail = self.new_array(out[n:])
            out = out[:n] + [None] * (n - len(out[:n])) + [tail]
        else:
            out += [None] * (n - len(out))
        return self.new_array(out)

    def require_object_coercible(self, v, key=None):
        """Object destructuring of undefined/null, worded as V8 words it."""
        if v is None or v is JS_NULL:
            what = "undefined" if v is None else "null"
            if key is None:
                self.throw("TypeError", f"Cannot destructure '{what}' as it is {what}.")
            self.throw("TypeError", f"Cannot destructure property '{key}' of '{what}' as it is {what}.")
        return v

    def make_regexp(self, source: str, flags: str):
        from .lib_regexp import make_regexp
        return make_regexp(self, source, flags)

    # -- operators --------------------------------------------------------------------------
    def add(self, a, b):
        if type(a) is float and type(b) is float:
            return a + b
        if isinstance(a, JsObject):
            a = self.to_primitive(a)
        if isinstance(b, JsObject):
            b = self.to_primitive(b)
        if type(a) is str or type(b) is str:
            s = (a if type(a) is str else self.to_string(a)) + (b if type(b) is str else self.to_string(b))
            self.meter.string(len(s))
            return s
        return self.to_number(a) + self.to_number(b)

    def arith(self, op: str, a, b) -> float:
        x = self.to_number(a)
        y = self.to_number(b)
        return _ARITH[op](x, y)

    def loose_eq(self, a, b) -> bool:
        ta, tb = type(a), type(b)
        if ta is tb:
            return a == b
        nulls = (type(None), JSNull)
        if ta in nulls or tb in nulls:
            return ta in nulls and tb in nulls
        if ta is float and tb is str:
            return a == string_to_number(b)
        if ta is str and tb is float:
            return string_to_number(a) == b
        if ta is bool:
            return self.loose_eq(1.0 if a else 0.0, b)
        if tb is bool:
            return self.loose_eq(a, 1.0 if b else 0.0)
        a_obj, b_obj = isinstance(a, JsObject), isinstance(b, JsObject)
        if a_obj and b_obj:
            return a is b
        if a_obj and tb in (float, str, JsSymbol):
            return self.loose_eq(self.to_primitive(a), b)
        if b_obj and ta in (float, str, JsSymbol):
            return self.loose_eq(a, self.to_primitive(b))
        return False

    def _comparands(self, a, b, left_first: bool):
        """Both operands of a relational comparison as primitives, converted in
        the order the spec's IsLessThan takes (``a > b`` converts ``a`` first)."""
        if left_first:
            a = self.to_primitive(a, "number")
            return a, self.to_primitive(b, "number")
        b = self.to_primitive(b, "number")
        return self.to_primitive(a, "number"), b

    def lt(self, a, b, left_first: bool = True) -> bool:
        """``a < b`` (IsLessThan; undefined results are false)."""
        a, b = self._comparands(a, b, left_first)
        if type(a) is str and type(b) is str:
            return a < b
        return self.to_number(a) < self.to_number(b)

    def le(self, a, b, left_first: bool = True) -> bool:
        """``a <= b``: not (b < a), false when either is NaN."""
        a, b = self._comparands(a, b, left_first)
        if type(a) is str and type(b) is str:
            return a <= b
        return self.to_number(a) <= self.to_number(b)

    def neg(self, a) -> float:
        return -self.to_number(a)

    def bit_not(self, a) -> float:
        return float(~to_int32(self.to_number(a)))

    # -- iteration ------------------------------------------------------------------------------
    def iterate(self, v, syntax: bool = False):
        """A Python iterator over the values ``for (x of v)`` visits.  Arrays,
        strings, Maps and Sets with untouched iterators take a direct path;
        anything else goes through ``[Symbol.iterator]()`` and ``next()``.
        *syntax*: the iteration is the script's own (for-of, spread,
        destructuring), which V8 reports with the expression's source text."""
        f = self.get(v, SYM_ITERATOR) if v is not None and v is not JS_NULL else None
        if f is None or f is JS_NULL:
            if syntax:
                self.throw("TypeError", f"{self.callee_text()} is not iterable")
            what = f"{self.typeof(v)} {self.to_string(v)}" if not isinstance(v, JsObject) else "object"
            if v is None or v is JS_NULL:
                what = self.to_string(v)
            self.throw("TypeError", f"{what} is not iterable (cannot read property Symbol(Symbol.iterator))")
        if type(v) is JsArray and f is self.array_values:
            return _array_iter(v)
        if type(v) is str and f is self.string_iter:
            return string_chars(v)
        it = self.call(f, v)
        if not isinstance(it, JsObject):
            self.throw("TypeError", "Result of the Symbol.iterator method is not an object")
        if it.cls == "Iterator" and it.proto.props.get("next") is self.iterator_next:
            return it.internal          # a built-in iterator: its Python iterator directly
        return self._protocol_iter(it)

    def make_iterator(self, values, tag: str = "Array Iterator") -> JsObject:
        """A built-in iterator object (``arr.keys()``, ``map.entries()``) over the
        Python iterable *values*; node prints it as ``Object [<tag>] {}``."""
        proto = self.iterator_protos.get(tag)
        if proto is None:
            proto = self.iterator_protos[tag] = JsObject(self.IteratorProto)
            proto.props["next"] = self.iterator_next
            proto.props[SYM_TO_STRING_TAG] = tag
            proto.hide("next", SYM_TO_STRING_TAG)
        it = JsObject(proto, "Iterator")
        it.internal = iter(values)
        self.meter.alloc(64)
        return it

    def iter_result(self, value, done: bool) -> JsObject:
        return self.new_object({"value": value, "done": done})

    def _iterator_next(self, this, *args):
        if type(this) is not JsObject or this.cls != "Iterator":
            self.throw("TypeError", "next method called on an incompatible receiver")
        for v in this.internal:
            return self.iter_result(v, False)
        return self.iter_result(None, True)

    def _protocol_iter(self, it):
        nxt = self.get(it, "next")
        done_normally = False
        try:
            while True:
                r = self.call(nxt, it)
                if not isinstance(r, JsObject):
                    self.throw("TypeError", f"Iterator result {self.short(r)} is not an object")
                if self.truthy(self.get(r, "done")):
                    done_normally = True
                    return
                yield self.get(r, "value")
        finally:
            if not done_normally:
                ret = self.get(it, "return")
                if ret is not None and ret is not JS_NULL and sys.exc_info()[0] is not ScriptThrow:
                    self.call(ret, it)

    def for_in(self, v):
        """``for (k in v)``: a key deleted before its turn is skipped, as V8 does."""
        keys = self.for_in_keys(v)
        obj = v if isinstance(v, JsObject) else None
        return self.make_iterator(k for k in keys if obj is None or self.has_property(obj, k))

    # -- modules ---------------------------------------------------------------------------------
    def import_module(self, spec: str) -> JsObject:
        """The namespace object of module *spec* (``import … from spec``); it
        remembers the specifier its first importer used, for messages."""
        ns = self.load_module(spec)
        if ns.internal is None:
            ns.internal = spec
        return ns

    def dynamic_import(self, spec) -> JsObject:
        """``import(spec)``: a promise of the namespace.  llmspell loads a
        module at once (the promise is settled when returned); a module that
        cannot be found or fails while it runs rejects it."""
        try:
            ns = self.import_module(to_host_str(self.to_string(spec)))
        except ScriptThrow as e:
            p = self.new_promise()
            self.reject_promise(p, e.value)
            return p
        return self.promise_resolve(ns)

    def adopt_module(self, value, same_language: bool):
        """What an import of a module that produced *value* sees: a JavaScript
        module's own namespace (a script without imports or exports has an
        empty one), another language's value as :meth:`namespace_of` makes it."""
        if same_language:
            return value if isinstance(value, JsObject) else self._seal_namespace(JsObject(None, "Module"), {})
        return self.namespace_of(value)

    def module_namespace(self, *pairs) -> JsObject:
        """A module's namespace from (name, box) pairs: a frozen object
        without prototype, its names in code-unit order, tagged "Module",
        each name a live binding reading the module's box.  It is handed to
        the loader at once, so that an import cycle back to this module finds
        it while the module is still running."""
        self.meter.alloc(64 + 12 * len(pairs))
        ns = self._seal_namespace(JsObject(None, "Module"), {
            pairs[i]: self._live(pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2)})
        if self.imports is not None:
            self.imports.publish(self, ns)
        return ns

    def _live(self, name: str, box: list) -> Accessor:
        def read(this, *_):
            v = box[0]
            if v is TDZ:
                self.throw("ReferenceError", f"Cannot access '{name}' before initialization")
            return v
        return Accessor(self.native(name, read))

    def namespace_of(self, value) -> JsObject:
        """Another language's module value as a namespace: the value is the
        default export, and an object's own properties are named exports too
        (so ``import { greet } from "./lib.lua"`` reads the returned table)."""
        pairs = {} if not isinstance(value, JsObject) or isinstance(value, JsFunction) else \
            {k: self.get(value, k) for k in self.own_keys(value)}
        pairs.setdefault("default", value)
        self.meter.alloc(64 + 12 * len(pairs))
        return self._seal_namespace(JsObject(None, "Module"), pairs)

    @staticmethod
    def _seal_namespace(ns: JsObject, props: dict) -> JsObject:
        ns.props = dict(sorted(props.items()))
        ns.props[SYM_TO_STRING_TAG] = "Module"
        ns.hide(SYM_TO_STRING_TAG)
        ns.frozen = True
        return ns

    def import_binding(self, ns: JsObject, name: str):
        """An import's check that the module exports *name* (node's link-time SyntaxError)."""
        if type(name) is not str or name not in ns.props:
            self.throw("SyntaxError", f"The requested module '{ns.internal}' does not provide an export "
                                      f"named '{name}'")

    def import_get(self, ns: JsObject, name: str):
        """A read of an import binding: the export's value now (live)."""
        return self.get(ns, name)

    def export_from(self, ns: JsObject, name: str, other: JsObject, other_name: str):
        """``export { a as b } from "m"``: *name* reads *other_name* in m, live."""
        self._seal_namespace(ns, {**self._names(ns), name: Accessor(
            self.native(name, lambda this, *_: self.get(other, other_name)))})

    def export_star(self, ns: JsObject, other: JsObject):
        """``export * from``: the other module's names, except ``default`` and
        the names this module exports itself, as it holds them (live)."""
        props = self._names(ns)
        for k in self._names(other):
            if k != "default":
                props.setdefault(k, other.props[k])
        self._seal_namespace(ns, props)

    @staticmethod
    def _names(ns: JsObject) -> dict:
        return {k: v for k, v in ns.props.items() if type(k) is str}

    # -- host values ----------------------------------------------------------------------------
    def to_host(self, v, host, depth: int = 0):
        """Script value → plain Python data for a bridge."""
        t = type(v)
        if t is float:
            return int(v) if v.is_integer() and abs(v) < 2 ** 53 else v
        if t is str:
            return to_host_str(v)
        if v is None or v is JS_NULL or t is bool:
            return None if t is JSNull else v
        if depth > 64:
            raise BridgeFailure("value nested too deeply to pass to the host")
        obj = host.object_for(v)
        if obj is not None:
            return obj
        if t is JsArray:
            return [self.to_host(x, host, depth + 1) for x in holes_read(v.items)]
        if t is JsFunction:
            return host.script_function(v)
        if isinstance(v, JsObject):
            return {to_host_str(k): self.to_host(self.get(v, k), host, depth + 1) for k in self.own_keys(v)}
        return None

    def from_host(self, v, host):
        t = type(v)
        if v is None or t is bool:
            return v
        if t is int or t is float:
            return float(v)
        if t is str:
            return from_host_str(v)
        if t is dict:
            return self.new_object({from_host_str(str(k)): self.from_host(x, host) for k, x in v.items()})
        if t in (list, tuple):
            return self.new_array([self.from_host(x, host) for x in v])
        return host.script_value(v)

    @staticmethod
    def main_results(result) -> tuple:
        return ()           # a module returns nothing

    def main_args(self, args: tuple) -> tuple:
        """A JavaScript spell reads its inputs from the global ``args`` (an
        object, empty without ``--arg``); its main function takes only ``this``."""
        inputs = super().main_args(args)
        self.Gh["args"] = inputs[0] if inputs and isinstance(inputs[0], JsObject) else self.new_object()
        return ()

    def error(self, message: str):
        """A bridge failure: an ``Error`` the spell can catch."""
        self.throw("Error", message)

    @staticmethod
    def members(v) -> dict | None:
        return v.props if isinstance(v, JsObject) else None

    @staticmethod
    def shape_members(v) -> dict | None:
        if not isinstance(v, JsObject):
            return None
        out: dict = {}
        while v is not None:
            for k, x in v.props.items():
                out.setdefault(k, x)
            v = v.proto
        return out

    def new_namespace(self, members: dict) -> JsObject:
        return self.new_object(dict(members))

    def set_namespace_member(self, ns, name, value):
        ns.props[name] = value

    def host_function(self, name: str, fn, waits: bool = False):
        """A bridge function as a script value: called as ``fn(*args)``, ``this``
        dropped; one that waits (a model call) returns a promise."""
        if waits:
            return self.native(name, self.waiting_bridge(fn))
        return self.native(name, lambda this, *args: fn(*args))

    def call_from_host(self, f, *args):
        return self.call(f, None, *args)

    def set_global(self, name: str, value):
        self.Gh[name] = value

    def get_global(self, name: str):
        return self.Gh.get(name)

    # -- the names compiled code uses ------------------------------------------------------------
    def helpers(self) -> dict:
        meter = self.meter
        from .emit import intrinsic_helpers
        h = {
            "JsObject": JsObject, "JsArray": JsArray, "JsFunction": JsFunction, "Accessor": Accessor,
            "JS_NULL": JS_NULL, "INF": INF, "NAN": NAN, "NNAN": -NAN, "FP": self.FunctionProto,
            "OP": self.ObjectProto, "AP": self.ArrayProto, "SP": self.StringProto,
            "G": self.G, "Gh": self.Gh,
            "refuel": meter.refuel, "stuck": meter.stuck, "too_deep": meter.too_deep, "alloc": meter.alloc, "enter": meter.enter,
            "ScriptThrow": ScriptThrow,
            "getp": self.get, "getn": self.get_named, "geti": self.get_index, "setp": self.put, "seti": self.set_index,
            "add": self.add, "arith": self.arith, "lt": self.lt, "le": self.le, "truthy": self.truthy,
            "neg": self.neg, "bnot": self.bit_not, "callx": self.call_site, "iterate": lambda v: self.iterate(v, True),
            "tostr": self.to_string, "tonum": self.to_number, "strcharge": self.meter.string,
            "caught": self.caught, "throw": self.thrown, "gmiss": self.global_missing,
            "TDZ": TDZ, "tdz_error": self.tdz_error, "HOLE": HOLE,
            "new_object": self.new_object, "new_array": self.new_array, "mkclass": self.class_function,
        }
        h.update(intrinsic_helpers(self))
        return h

    def caught(self, exc: ScriptThrow):
        return exc.value

    def tdz_error(self, name: str):
        if name == "this":
            self.throw("ReferenceError", "Must call super constructor in derived class before accessing "
                       "'this' or returning from derived constructor")
        self.throw("ReferenceError", f"Cannot access '{name}' before initialization")

    def global_missing(self, name: str):
        self.throw("ReferenceError", f"{name} is not defined")


class PrivateName(JsSymbol):
    """The key of a private member ``#x``: one per class evaluation, never
    enumerated (key listings take ``str`` and exactly-``JsSymbol`` keys only)."""

    __slots__ = ()


class NewTarget:
    """What a native constructor receives as ``this`` under ``new``: the
    prototype the new object must have (``class X extends Map``)."""

    __slots__ = ("proto",)

    def __init__(self, proto):
        self.proto = proto


def _array_iter(a: JsArray):
    items = a.items
    i = 0
    while i < len(items):      # re-read: the loop body may push
        v = items[i]
        yield None if v is HOLE else v
        i += 1


def holes_read(items: list) -> list:
    """*items* as script code reads them: a hole is undefined (the list itself
    when it has none, so dense arrays pay one scan at C speed)."""
    if HOLE not in items:
        return items
    return [None if v is HOLE else v for v in items]


def string_chars(s: str):
    """The characters ``for (c of s)`` visits: code points, a surrogate pair as one."""
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if "\ud800" <= c <= "\udbff" and i + 1 < n and "\udc00" <= s[i + 1] <= "\udfff":
            yield s[i:i + 2]
            i += 2
        else:
            yield c
            i += 1


def _div(x: float, y: float) -> float:
    try:
        return x / y
    except ZeroDivisionError:
        if x != x or x == 0:
            return NAN
        return INF if (x > 0) == (math.copysign(1.0, y) > 0) else -INF


def _mod(x: float, y: float) -> float:
    if y == 0 or x != x or y != y or x in (INF, -INF):
        return NAN
    if y in (INF, -INF):
        return x
    if x == 0:
        return x
    r = math.fmod(x, y)
    return r if r != 0 else math.copysign(0.0, x)


def _shl(x, y):
    return float(to_int32(to_int32(x) << (to_uint32(y) & 31)))


def _sar(x, y):
    return float(to_int32(x) >> (to_uint32(y) & 31))


def _shr(x, y):
    return float(to_uint32(x) >> (to_uint32(y) & 31))


_ARITH = {
    "SUB": lambda x, y: x - y,
    "MUL": lambda x, y: x * y,
    "DIV": _div,
    "MOD": _mod,
    "POW": fdlibm.pow,
    "BAND": lambda x, y: float(to_int32(to_int32(x) & to_int32(y))),
    "BOR": lambda x, y: float(to_int32(to_int32(x) | to_int32(y))),
    "BXOR": lambda x, y: float(to_int32(to_int32(x) ^ to_int32(y))),
    "SHL": _shl,
    "SHR": _sar,
    "USHR": _shr,
}

