"""Opening JavaScript's standard library into a run's realm.

Each ``lib_*`` module has ``open(rt)``, which fills the realm's prototypes
(``rt.ArrayProto`` ...) and defines its globals in ``rt.Gh``.  The order
matters only where a library uses another's objects (Object first: the others
hang off ``Object.prototype``).
"""
from __future__ import annotations

import importlib

from .values import SYM_ITERATOR

LIBRARIES = ("lib_object", "lib_reflect", "lib_function", "lib_error", "lib_array", "lib_string", "lib_number",
             "lib_math", "lib_json", "lib_collections", "lib_regexp", "lib_date", "lib_symbol",
             "lib_promise", "lib_generator", "lib_console")


def open_libs(rt) -> None:
    rt.define(rt.IteratorProto, SYM_ITERATOR, lambda this, *_: this)
    for name in LIBRARIES:
        try:
            mod = importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError:
            continue
        mod.open(rt)
    rt.Gh["globalThis"] = rt.G
    rt.Gh["undefined"] = None
    rt.Gh["NaN"] = float("nan")
    rt.Gh["Infinity"] = float("inf")
