"""Tengo's standard modules: ``import("name")`` → the module's value.

``fmt`` lives in :mod:`.fmt`; every other module ``NAME`` in ``vm/tengo/mod_NAME.py``,
whose ``module(rt)`` returns an :class:`~.values.ImmutableMap`.  They are loaded
when first imported, once per run (:meth:`TengoRuntime.import_module` caches).
As Tengo's ``BuiltinModule.AsImmutableMap`` does, a module written in Go gets a
``__module_name__`` entry; ``enum``, written in Tengo upstream, does not.

``os`` is not offered: it reaches files, processes and the environment, which
a spell may only reach through the bridges.  The compiler says so
(``ir.tengo.import_problem``); :func:`load` checks again at run time.
"""
from __future__ import annotations

import importlib

from ...ir.tengo import import_problem
from .values import ImmutableMap

SOURCE_MODULES = frozenset({"enum"})


def load(rt, name: str) -> ImmutableMap:
    """Make module *name* for run *rt*; a runtime error if there is none."""
    problem = import_problem(name) or rt.policy.module_problem(name)
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
    rt.disable_builtins({name: value})      # "text.re_match" in [builtins] disable
    return value
