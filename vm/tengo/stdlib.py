"""Tengo's standard modules: ``import("name")`` → the module's value.

``fmt`` lives in :mod:`.fmt`; every other module ``NAME`` in ``vm/tengo/mod_NAME.py``,
whose ``module(rt)`` returns an :class:`~.values.ImmutableMap`.  They are loaded
when first imported, once per run (:meth:`TengoRuntime.import_module` caches).
As Tengo's ``BuiltinModule.AsImmutableMap`` does, a module written in Go gets a
``__module_name__`` entry; ``enum``, written in Tengo upstream, does not.

``os`` is not offered: it reaches files, processes and the environment, which
a spell may only reach through the bridges.  :func:`check` says so at compile
time, :func:`load` at run time.
"""
from __future__ import annotations

import importlib

from .values import ImmutableMap

MODULES = ("fmt", "text", "math", "times", "rand", "json", "base64", "hex", "enum")
SOURCE_MODULES = frozenset({"enum"})
UNAVAILABLE = {
    "os": "module 'os' is not available in llmspell's sandbox: spells cannot touch files, "
          "processes or the environment (the bridges — tools, state, log, ... — are the way out)",
}


def check(name: str) -> str | None:
    """Why ``import(name)`` cannot work, or None if it can (for the compiler)."""
    if name in UNAVAILABLE:
        return UNAVAILABLE[name]
    if name not in MODULES:
        return f"module '{name}' not found"
    return None


def load(rt, name: str) -> ImmutableMap:
    """Make module *name* for run *rt*; a runtime error if there is none."""
    problem = check(name)
    if problem is None:
        path = f"{__package__}.{'fmt' if name == 'fmt' else 'mod_' + name}"
        try:
            mod = importlib.import_module(path)
        except ModuleNotFoundError as e:
            if e.name != path:
                raise
            problem = f"module '{name}' not found"
    if problem is not None:
        rt.error(problem)
    value = mod.module(rt)
    if name not in SOURCE_MODULES:
        value.items.setdefault("__module_name__", name)
    return value
