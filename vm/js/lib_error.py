"""``Error`` and its subclasses, ``Error.prototype.toString`` and
``Error.captureStackTrace``.

The prototypes already exist (``rt.error_protos``, made by the runtime so that
it can throw before this library is open); this module gives them
constructors, ``name`` and ``message``.  Errors made here and errors the
runtime throws (:meth:`JsRuntime.make_error`) have the same shape: own,
non-enumerable ``message`` (absent when none was given), ``cause`` when the
options carry one, and ``stack`` = the error's ``toString`` text followed by
one ``at file:line:col`` line for the script position where it was made.

As in V8, the position is taken when the error is made but the text is
formatted when ``stack`` is first read, so a subclass that sets ``this.name``
after ``super()`` shows its own name.  Until then ``stack`` is an accessor (the
position waits in ``internal``); the first read replaces it by plain data.

Under ``new`` a constructor receives a ``NewTarget`` whose ``proto`` is the
prototype the error must get: that is how ``class MyErr extends Error`` gets
its instances (``rt.super_call`` copies the fields onto the derived object).
"""
from __future__ import annotations

from .lib_object import link
from .runtime import ERROR_KINDS, NewTarget
from .values import CALLABLE, CONSTRUCTOR, NATIVE, Accessor, JsObject, JsSymbol


def error_text(rt, err) -> str:
    """ErrorToString: ``name: message``, either alone when the other is empty."""
    name = rt.get(err, "name")
    name = "Error" if name is None else rt.to_string(name)
    msg = rt.get(err, "message")
    msg = "" if msg is None else rt.to_string(msg)
    if not name:
        return msg
    return f"{name}: {msg}" if msg else name


def where(rt) -> str:
    """The ``at`` line of the running script position (empty outside a script)."""
    span = rt.locate()
    return f"\n    at {span.file}:{span.line}:{span.col}" if span is not None and span.line else ""


def open(rt) -> None:
    protos = rt.error_protos

    def build(this, kind, message, options) -> JsObject:
        err = JsObject(this.proto if type(this) is NewTarget else protos[kind], "Error")
        rt.meter.alloc(128)
        if message is not None:
            err.props["message"] = rt.to_string(message)
        if isinstance(options, JsObject) and rt.has_property(options, "cause"):
            err.props["cause"] = rt.get(options, "cause")
        return err

    def stack_get(this, *_):
        """The first read of ``stack`` formats it and stores it as plain data."""
        text = error_text(rt, this) + (this.internal if type(this.internal) is str else "")
        this.props["stack"] = text
        return text

    def stack_set(this, v=None, *_):
        this.props["stack"] = v

    lazy_stack = Accessor(rt.native("stack", stack_get), rt.native("stack", stack_set, 1))

    def finish(err) -> JsObject:
        err.internal = where(rt)
        err.props["stack"] = lazy_stack
        err.hide(*err.props)
        return err

    def constructor(kind: str):
        def make(this, message=None, options=None, *_):
            return finish(build(this, kind, message, options))
        return make

    def aggregate(this, errors=None, message=None, options=None, *_):
        err = build(this, "AggregateError", message, options)
        err.props["errors"] = rt.new_array(list(rt.iterate(errors)))
        return finish(err)

    base = None
    for kind in ERROR_KINDS:
        if kind == "AggregateError":
            ctor = rt.native(kind, aggregate, 2, CALLABLE | CONSTRUCTOR | NATIVE)
        else:
            ctor = rt.native(kind, constructor(kind), 1, CALLABLE | CONSTRUCTOR | NATIVE)
        proto = protos[kind]
        if base is not None:
            ctor.proto = base
        link(ctor, proto)
        proto.props.update(name=kind, message="")
        proto.hide("name", "message")
        rt.Gh[kind] = ctor
        base = base or ctor

    def to_string(this, *_):
        if not isinstance(this, JsObject):
            shown = "Symbol()" if type(this) is JsSymbol else rt.to_string(this)
            rt.throw("TypeError", f"Method Error.prototype.toString called on incompatible receiver {shown}")
        return error_text(rt, this)

    def capture_stack_trace(this, obj=None, *_):
        if not isinstance(obj, JsObject):
            rt.throw("TypeError", "invalid_argument")
        obj.props["stack"] = error_text(rt, obj) + where(rt)
        obj.hide("stack")

    rt.define(protos["Error"], "toString", to_string, 0)
    rt.define(base, "captureStackTrace", capture_stack_trace, 2)
