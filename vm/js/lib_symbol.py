"""``Symbol``: the function, the well-known symbols, the per-run registry
(``Symbol.for``/``Symbol.keyFor``) and ``Symbol.prototype``.

The well-known symbols are shared by every run (they carry no state); the
registry belongs to the run, so ``Symbol.for("x")`` in one spell is not the
one of another.  ``new Symbol()`` reaches the function (so that ``class X
extends Symbol`` fails where node fails), which throws "Symbol is not a
constructor".
"""
from __future__ import annotations

from .lib_object import link
from .runtime import NewTarget
from .values import (CALLABLE, CONSTRUCTOR, NATIVE, SYM_TO_PRIMITIVE, SYM_TO_STRING_TAG, WELL_KNOWN, Accessor, JsObject,
                     JsSymbol)


def open(rt) -> None:
    SP = rt.SymbolProto
    registry: dict[str, JsSymbol] = {}

    def Symbol_(this, desc=None, *_):
        if type(this) is NewTarget:
            rt.throw("TypeError", "Symbol is not a constructor")
        rt.meter.alloc(48)
        return JsSymbol(None if desc is None else rt.to_string(desc))

    def this_symbol(this, method: str) -> JsSymbol:
        if type(this) is JsSymbol:
            return this
        if isinstance(this, JsObject) and type(this.internal) is JsSymbol:
            return this.internal
        rt.throw("TypeError", f"Symbol.prototype.{method} requires that 'this' be a Symbol")

    def for_(this, key=None, *_):
        key = rt.to_string(key)
        sym = registry.get(key)
        if sym is None:
            sym = registry[key] = JsSymbol(key)
        return sym

    def key_for(this, sym=None, *_):
        if type(sym) is not JsSymbol:
            rt.throw("TypeError", f"{rt.to_string(sym)} is not a symbol")
        return sym.description if registry.get(sym.description) is sym else None

    def to_string(this, *_):
        return f"Symbol({this_symbol(this, 'toString').description or ''})"

    def description(this, *_):
        return this_symbol(this, "description").description

    Sym = rt.native("Symbol", Symbol_, 0, CALLABLE | CONSTRUCTOR | NATIVE)
    rt.define(Sym, "for", for_, 1)
    rt.define(Sym, "keyFor", key_for, 1)
    for name, sym in WELL_KNOWN.items():
        Sym.props[name] = sym
    Sym.hide(*WELL_KNOWN)
    link(Sym, SP)
    rt.define(SP, "toString", to_string, 0)
    rt.define(SP, "valueOf", lambda this, *_: this_symbol(this, "valueOf"), 0)
    SP.props[SYM_TO_PRIMITIVE] = rt.native("[Symbol.toPrimitive]",
                                           lambda this, *_: this_symbol(this, "[Symbol.toPrimitive]"), 1)
    SP.props["description"] = Accessor(rt.native("get description", description))
    SP.props[SYM_TO_STRING_TAG] = "Symbol"
    SP.hide(SYM_TO_PRIMITIVE, "description", SYM_TO_STRING_TAG)
    rt.Gh["Symbol"] = Sym
