"""``Function.prototype`` (call, apply, bind, toString, Symbol.hasInstance) and
the global ``Function``.

``Function`` exists so that ``f instanceof Function`` and
``Function.prototype`` work, but it refuses to compile source text: llmspell
has no ``eval``, and building code from strings at run time would bypass the
compile-time checks a spell goes through.

``toString`` prints a compiled function's own source text (found through
its code object's IR function span, as V8 keeps the source range); built-ins
print as ``function NAME() { [native code] }``.

A bound function keeps its target in ``internal`` so that ``instanceof`` can
see through it (OrdinaryHasInstance step 2).
"""
from __future__ import annotations

from ..runtime import CODEMAP

from .lib_object import link
from .runtime import NewTarget, holes_read
from .values import (CALLABLE, CLASS, CONSTRUCTOR, JS_NULL, NATIVE, SYM_HAS_INSTANCE, JsArray, JsFunction, JsObject,
                     from_host_str)


def list_from_array_like(rt, v) -> list:
    """CreateListFromArrayLike: the arguments ``apply`` passes."""
    if v is None or v is JS_NULL:
        return []
    if type(v) is JsArray:
        rt.meter.charge(len(v.items))
        return list(holes_read(v.items))
    if not isinstance(v, JsObject):
        rt.throw("TypeError", "CreateListFromArrayLike called on non-object")
    n = rt.to_length(rt.get(v, "length"))
    rt.meter.charge(n)
    rt.meter.alloc(8 * n)
    return [rt.get(v, str(i)) for i in range(n)]


def has_instance(rt, f, v) -> bool:
    """OrdinaryHasInstance(f, v)."""
    if type(f) is not JsFunction:
        return False
    if f.kind & NATIVE and type(f.internal) is JsFunction:      # a bound function
        return rt.instance_of(v, f.internal)
    if not isinstance(v, JsObject):
        return False
    proto = rt.get(f, "prototype")
    if not isinstance(proto, JsObject):
        rt.throw("TypeError", "Function has non-object prototype 'undefined' in instanceof check")
    p = v.proto
    while p is not None:
        if p is proto:
            return True
        p = p.proto
    return False


def open(rt) -> None:
    FP = rt.FunctionProto

    def call(this, this_arg=None, *args):
        return rt.call(this, this_arg, *args)

    def apply(this, this_arg=None, arr=None, *_):
        if type(this) is not JsFunction:
            rt.call(this, None)         # throws "... is not a function"
        return rt.call(this, this_arg, *list_from_array_like(rt, arr))

    def bind(this, this_arg=None, *bound):
        if type(this) is not JsFunction:
            rt.throw("TypeError", "Bind must be called on a function")
        target = this

        def bound_fn(this, *args):
            if type(this) is NewTarget:
                return rt.construct(target, *bound, *args)
            return rt.call(target, this_arg, *bound, *args)

        name = rt.get(target, "name")
        length = rt.get(target, "length")
        n = rt.to_integer(length) if type(length) is float else 0.0
        f = rt.native("bound " + (name if type(name) is str else ""), bound_fn,
                      int(max(0.0, min(n, 2.0 ** 53 - 1) - len(bound))),
                      CALLABLE | NATIVE | (target.kind & CONSTRUCTOR))
        f.internal = target
        rt.meter.alloc(64 + 8 * len(bound))
        return f

    def to_string(this, *_):
        if type(this) is not JsFunction:
            rt.throw("TypeError", "Function.prototype.toString requires that 'this' be a Function")
        text = source_text(this)
        return text if text is not None else f"function {this.name}() {{ [native code] }}"

    def has_instance_(this, v=None, *_):
        return has_instance(rt, this, v)

    for name, fn, n in (("call", call, 1), ("apply", apply, 2), ("bind", bind, 1), ("toString", to_string, 0)):
        rt.define(FP, name, fn, n)
    FP.props[SYM_HAS_INSTANCE] = rt.native("[Symbol.hasInstance]", has_instance_, 1)
    FP.hide(SYM_HAS_INSTANCE)

    def Function_(this, *_):
        rt.throw("TypeError", "Function constructor is not available in llmspell")

    F = rt.native("Function", Function_, 1, CALLABLE | CONSTRUCTOR | NATIVE)
    link(F, FP)
    rt.Gh["Function"] = F


def source_text(f) -> str | None:
    """The source of compiled function *f* (a class: its whole declaration)."""
    body = f.internal if f.kind & CLASS else f.fn
    info = CODEMAP.get(getattr(body, "__code__", None))
    if info is None:
        return None
    span = info.fn.span
    lines = info.module.source.splitlines()[span.line - 1:span.end_line]
    if not lines:
        return None
    if len(lines) == 1:
        return from_host_str(lines[0][span.col - 1:span.end_col - 1])
    lines[0] = lines[0][span.col - 1:]
    lines[-1] = lines[-1][:span.end_col - 1]
    return from_host_str("\n".join(lines))
