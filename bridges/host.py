"""Binding the registry into a run: conversion, validation, capabilities, journal.

:class:`BridgeHost` installs one global table per namespace (``llm``,
``tools``, ...) into a runtime.  Every call goes through :meth:`BridgeHost.invoke`:

1. script values → plain Python data (the runtime's ``to_host``: tables become
   dicts/lists, functions become :class:`ScriptFunction` callables, bridge
   objects come back as themselves);
2. arguments checked against the intrinsic's :class:`~.registry.Field` schema
   — an error names the bad field: ``bad argument 'model' to 'llm.complete'
   (string expected, got nil)``;
3. the capability it needs (filled from the arguments) checked against the
   policy — a denial names the capability and the flag that grants it;
4. the call journaled (name, arguments, result, fuel at that moment);
5. ``impl(call, *args)`` runs; a :class:`BridgeFailure` becomes a script error
   at the spell's position; the result is converted back.

Nothing here knows which language the spell is written in.
"""
from __future__ import annotations

from typing import Any

from ..sandbox.unknown import Static
from ..vm.runtime import BridgeFailure, ScriptThrow, register_function
from .registry import REGISTRY, SETUP, Field, Intrinsic, methods, namespaces


class BridgeObject:
    """A host-side object the script holds a handle to (an agent, a state, ...).

    ``kind`` selects its methods in the registry (``agent`` → ``agent.run``)."""

    kind = "object"


class ScriptFunction:
    """A script function as the host sees it: call it with Python data."""

    __slots__ = ("host", "fn")

    def __init__(self, host: "BridgeHost", fn):
        self.host = host
        self.fn = fn

    def __call__(self, *args):
        rt = self.host.rt
        return self.host.to_host(rt.call_from_host(self.fn, *[self.host.to_script(a) for a in args]))


class Call:
    """What an impl sees of its call: the host, the intrinsic, the run."""

    __slots__ = ("host", "intrinsic")

    def __init__(self, host: "BridgeHost", intrinsic: Intrinsic):
        self.host = host
        self.intrinsic = intrinsic

    @property
    def rt(self):
        return self.host.rt

    @property
    def policy(self):
        return self.host.rt.policy

    def fail(self, message: str):
        raise BridgeFailure(message)


class BridgeHost:
    def __init__(self, rt):
        self.rt = rt
        self.journal: list[dict] = []
        self._tables: dict[int, Any] = {}      # id(script table) -> BridgeObject
        self._handles: dict[int, Any] = {}     # id(BridgeObject) -> script table
        self._pairs: list = []                 # keeps both alive, so their ids stay theirs
        self._foreign: dict[int, Any] = {}     # id(another runtime's function) -> its wrapper here
        self._origins: dict[int, Any] = {}     # id(such a wrapper) -> the ScriptFunction it wraps
        rt.bridges = self

    # -- installation -------------------------------------------------------------------
    def install(self) -> None:
        rt = self.rt
        for ns, items in namespaces().items():
            table = rt.new_namespace({it.short: self.bind(it) for it in items})
            if ns in SETUP:
                SETUP[ns](self, table)
            rt.set_global(ns, table)

    def bind(self, it: Intrinsic, obj: BridgeObject | None = None):
        host = self

        def bridge_call(*args):
            return host.invoke(it, args, obj)
        register_function(it.name, bridge_call)
        return self.rt.host_function(it.name, bridge_call, bool(it.waits))

    # -- conversion (the runtime knows its language's values) ------------------------------
    def to_host(self, v):
        return self.rt.to_host(v, self)

    def to_script(self, v):
        return self.rt.from_host(v, self)

    def object_for(self, v) -> BridgeObject | None:
        """The host object a script handle stands for, if *v* is one."""
        return self._tables.get(id(v))

    def script_function(self, fn) -> "ScriptFunction":
        """*fn* as the host sees it — the original, when *fn* is this
        language's wrapper of another language's function (so a function that
        goes out and comes back is itself again)."""
        return self._origins.get(id(fn)) or ScriptFunction(self, fn)

    def script_value(self, v):
        """A host value that is not plain data, for the script."""
        if isinstance(v, BridgeObject):
            return self.handle(v)
        if type(v) is ScriptFunction:
            return v.fn if v.host is self else self.foreign(v)
        raise BridgeFailure(f"cannot pass a {type(v).__name__} to the script")

    def foreign(self, f: ScriptFunction):
        """A function of another language's runtime in this run (a module's
        export), callable here: arguments and results cross by the same
        conversion as bridge values; an error it throws becomes an error of
        this language (in Tengo an error value, as a failed bridge call
        returns), and so does a Tengo error value it returns; a JavaScript
        promise it returns is awaited."""
        key = id(f.fn)
        fn = self._foreign.get(key)
        if fn is None:
            other = f.host.rt
            settle = getattr(other, "settle_now", None)

            def call_foreign(*args):
                try:
                    values = [f.host.to_script(self.to_host(a)) for a in args]
                    try:
                        r = other.call_from_host(f.fn, *values)
                        if settle is not None:
                            r = settle(r)
                    except ScriptThrow as e:
                        return self.rt.bridge_failure(other.to_script_error(e).message)
                    failed = other.failure_of(r)
                    if failed is not None:
                        return self.rt.bridge_failure(failed)
                    return self.to_script(f.host.to_host(r))
                except BridgeFailure as e:          # a value that cannot cross (nested too deeply)
                    return self.rt.bridge_failure(str(e))
            fn = self._foreign[key] = self.rt.host_function(_function_name(f.fn), call_foreign)
            self._origins[id(fn)] = f
            self._pairs.append((f.fn, fn))
        return fn

    def handle(self, obj: BridgeObject):
        """The script object standing for *obj* (one per object, so identity holds)."""
        table = self._handles.get(id(obj))
        if table is None:
            table = self.rt.new_namespace({it.short: self.bind(it, obj) for it in methods(obj.kind)})
            self._handles[id(obj)] = table
            self._tables[id(table)] = obj
            self._pairs.append((obj, table))
        return table

    # -- the call ------------------------------------------------------------------------
    def invoke(self, it: Intrinsic, args: tuple, obj: BridgeObject | None):
        rt = self.rt
        if obj is not None:
            # agent:run(x) passes the handle first; agent.run(x) does not
            if args and self._tables.get(id(args[0])) is obj:
                args = args[1:]
        if it.waits:
            here = rt.locate()
            if here is not None:            # a limit crossed during the wait is reported here
                rt.meter.waiting_at = here
        try:
            values = [self.to_host(a) for a in args]
            values = check_args(it, values)
            cap = capability_of(it, values)
            if cap is not None:
                self.require(cap)
            entry = {"call": it.name, "args": _journal_value(values), "fuel": rt.meter.instructions}
            self.journal.append(entry)
            call = Call(self, it)
            result = it.impl(call, obj, *values) if obj is not None else it.impl(call, *values)
            entry["result"] = _journal_value(result)
            return self.to_script(result)
        except BridgeFailure as e:
            return rt.bridge_failure(f"{it.name}: {e}")

    def require(self, capability: str):
        policy = self.rt.policy
        if not policy.allows(capability):
            raise BridgeFailure(policy.denial(capability))


def _function_name(fn) -> str:
    """A name for another language's function (its own, when it has one)."""
    name = getattr(fn, "name", None) or getattr(fn, "__name__", None)
    return name if type(name) is str and name and not name.startswith("<") else "function"


def check_args(it: Intrinsic, values: list) -> list:
    """Validate positional *values* against the intrinsic's params; fill defaults."""
    out = []
    for i, p in enumerate(it.params):
        v = values[i] if i < len(values) else None
        out.append(check_value(it, p, v, p.name))
    if len(values) > len(it.params) and not (it.params and it.params[-1].name.startswith("...")):
        extra = values[len(it.params):]
        if any(x is not None for x in extra):
            raise BridgeFailure(f"takes {len(it.params)} argument(s), got {len(values)}")
    return out


_PY_TYPES = {
    "string": (str,), "number": (int, float), "integer": (int,), "boolean": (bool,),
    "table": (dict, list), "array": (list,), "function": (ScriptFunction,), "object": (BridgeObject,),
}


def kind_of(v, arrays: bool = False) -> str:
    """The script-side type name of host value *v* ("nil", "table", "agent", ...);
    with *arrays*, lists are called "array"."""
    if v is None:
        return "nil"
    if type(v) is bool:
        return "boolean"
    if type(v) in (int, float):
        return "number"
    if type(v) is str:
        return "string"
    if isinstance(v, list) and arrays:
        return "array"
    if isinstance(v, (dict, list)):
        return "table"
    if isinstance(v, ScriptFunction):
        return "function"
    if isinstance(v, BridgeObject):
        return v.kind
    return type(v).__name__


def check_value(it: Intrinsic, f: Field, v, path: str):
    if isinstance(v, Static):       # llmspell check: a value known only by its kind
        if v.kind is None or "any" in f.types or v.kind in f.types:
            return v
        raise BridgeFailure(f"bad argument '{path}' ({f.type} expected, got {v.name or v.kind})")
    if v is None:
        if f.required:
            raise BridgeFailure(f"bad argument '{path}' ({f.type} expected, got nil)")
        return f.default
    types = f.types
    if "any" not in types:
        ok = False
        for t in types:
            py = _PY_TYPES[t]
            if isinstance(v, py) and not (type(v) is bool and t in ("number", "integer")):
                ok = True
            elif t == "integer" and type(v) is float and v.is_integer():
                v = int(v)
                ok = True
            elif t == "array" and v == {}:
                v = []
                ok = True
            elif t == "table" and isinstance(v, dict) is False and type(v) is list:
                ok = True
            if ok:
                break
        if not ok:
            raise BridgeFailure(f"bad argument '{path}' ({f.type} expected, got {kind_of(v)})")
    if f.enum and v not in f.enum:
        choices = ", ".join(repr(e) for e in f.enum)
        raise BridgeFailure(f"bad argument '{path}' (one of {choices} expected, got {v!r})")
    if f.fields and isinstance(v, dict):
        known = {g.name for g in f.fields}
        if not f.extra:
            for k in v:
                if k not in known:
                    raise BridgeFailure(f"bad argument '{path}' (unknown field '{k}')")
        v = type(v)(v)          # llmspell check's open tables stay open
        for g in f.fields:
            # an options table's fields are named bare: 'model', not 'request.model'
            sub = g.name if path in top_names(it) else f"{path}.{g.name}"
            checked = check_value(it, g, v.get(g.name), sub)
            if checked is not None:
                v[g.name] = checked
    if f.items is not None and isinstance(v, list):
        v = [check_value(it, f.items, x, f"{path}[{i + 1}]") for i, x in enumerate(v)]
    return v


def top_names(it: Intrinsic) -> set:
    return {p.name for p in it.params if p.fields}


def capability_of(it: Intrinsic, values: list) -> str | None:
    """The intrinsic's capability template filled from its arguments."""
    if it.capability is None:
        return None
    fields: dict = {}
    for p, v in zip(it.params, values):
        fields[p.name] = v
        if type(v) is dict:
            for k, x in v.items():
                if type(x) in (str, int, float):
                    fields.setdefault(k, x)
    try:
        return it.capability.format(**fields)
    except (KeyError, IndexError):
        return it.capability


def _journal_value(v, depth: int = 0):
    if v is None or type(v) in (bool, int, float, str):
        return v
    if depth > 32:
        return "<deep>"
    if type(v) is dict:
        return {str(k): _journal_value(x, depth + 1) for k, x in v.items()}
    if type(v) in (list, tuple):
        return [_journal_value(x, depth + 1) for x in v]
    if isinstance(v, ScriptFunction):
        return "<function>"
    if isinstance(v, BridgeObject):
        return f"<{v.kind}>"
    return f"<{type(v).__name__}>"


__all__ = ["BridgeHost", "BridgeObject", "BridgeFailure", "Call", "ScriptFunction", "REGISTRY"]
