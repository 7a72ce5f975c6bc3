"""One registry of intrinsics: every bridge function is declared here, once.

An :class:`Intrinsic` names a bridge function (``llm.complete``), declares its
parameters and result with a small schema language (:class:`Field`), the
capability it needs (``net:{host}``, ``read:{path}``, ``tool:{name}``,
``model:{model}``; ``None`` for pure functions) and whether it waits (an LLM
request).  The same declaration drives:

* the call: :mod:`.host` converts script values to plain Python data, checks
  them against ``params`` (errors name the bad field), journals the call, runs
  ``impl`` and converts the result back — one path for every language;
* the static checker (``llmspell check``) and the README's API reference
  (:func:`reference_markdown`).

Methods of bridge objects (``agent:run(x)`` in Lua, ``agent.run(x)`` in JS and
Tengo) are intrinsics too, named ``agent.run`` with ``method_of="agent"``.
"""
from __future__ import annotations

from typing import Any, Callable

import attrs

TYPES = ("string", "number", "integer", "boolean", "table", "array", "function", "any", "object")


@attrs.frozen
class Field:
    """A parameter, result or table field.

    ``type`` is one of :data:`TYPES` or several joined by ``|``; ``fields``
    describes a table's keys, ``items`` an array's elements, ``enum`` the
    allowed values.  ``object`` is a bridge object (an agent, a state, ...)."""

    name: str
    type: str = "any"
    required: bool = False
    doc: str = ""
    default: Any = None
    fields: tuple = ()
    items: "Field | None" = None
    enum: tuple = ()
    extra: bool = True          # a table may carry keys not listed in fields

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self.type.split("|"))


@attrs.frozen
class Intrinsic:
    name: str                                   # qualified: "llm.complete"
    params: tuple[Field, ...]
    impl: Callable
    result: Field | None = None
    doc: str = ""
    capability: str | None = None               # a template filled from the arguments
    waits: bool = False
    method_of: str | None = None                # "agent" for agent.run

    @property
    def namespace(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def short(self) -> str:
        return self.name.split(".", 1)[1]


REGISTRY: dict[str, Intrinsic] = {}

#: per namespace, a function ``(host, table)`` that adds entries beyond the
#: intrinsics (``tools.file_read`` and the other direct tool calls)
SETUP: dict = {}


def namespace_setup(ns: str):
    def register(fn):
        SETUP[ns] = fn
        return fn
    return register


def intrinsic(name: str, params=(), result: Field | None = None, doc: str = "",
              capability: str | None = None, waits: bool = False, method_of: str | None = None):
    """Declare an intrinsic: ``@intrinsic("llm.complete", params=(...))`` over its impl.

    The impl receives ``(call, *args)``: a :class:`~.host.Call` (run context,
    journal, policy) and the validated arguments as plain Python data."""

    def register(fn):
        if name in REGISTRY:
            raise AssertionError(f"intrinsic {name} declared twice")
        REGISTRY[name] = Intrinsic(name, tuple(params), fn, result, doc or (fn.__doc__ or "").strip(),
                                   capability, waits, method_of)
        return fn
    return register


def namespaces() -> dict[str, list[Intrinsic]]:
    """Global namespaces and their (non-method) intrinsics, in declaration order."""
    out: dict[str, list[Intrinsic]] = {}
    for it in REGISTRY.values():
        if it.method_of is None:
            out.setdefault(it.namespace, []).append(it)
    return out


def methods(kind: str) -> list[Intrinsic]:
    return [it for it in REGISTRY.values() if it.method_of == kind]


DOC_ORDER = ("llm", "agent", "tools", "state", "workflow", "events", "hooks", "log")


def _sig(field: Field) -> str:
    if field.fields:
        inner = ", ".join(f"{f.name}{'' if f.required else '?'}" for f in field.fields)
        return "{" + inner + "}"
    return f"{field.name}{'' if field.required else '?'}"


def reference_markdown() -> str:
    """The script API reference, generated from the registry (README section)."""
    lines = []
    kinds: dict = {}
    for it in REGISTRY.values():
        kinds.setdefault(it.method_of or it.namespace, []).append(it)
    # a fixed order, whatever order the bridge modules were imported in
    order = {k: i for i, k in enumerate(DOC_ORDER)}
    for kind in sorted(kinds, key=lambda k: (order.get(k, len(order)), k)):
        items = kinds[kind]
        lines.append(f"### `{kind}`")
        lines.append("")
        for it in items:
            args = ", ".join(_sig(p) for p in it.params)
            call = f"{kind}:{it.short}({args})" if it.method_of else f"{it.name}({args})"
            head = f"- `{call}`"
            if it.capability:
                head += f" — needs `{it.capability}`"
            if it.waits:
                head += " — waits"
            lines.append(head)
            if it.doc:
                lines.append(f"  {it.doc.splitlines()[0]}")
            for p in it.params:
                for f in p.fields:
                    lines.append(f"  - `{f.name}` ({f.type}{', required' if f.required else ''}){': ' + f.doc if f.doc else ''}")
        lines.append("")
    return "\n".join(lines)
