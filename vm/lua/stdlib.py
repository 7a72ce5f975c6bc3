"""Opens Lua's standard library into a run's globals.

Not offered (the sandbox): ``io`` except ``io.write``/``io.read`` of the spell's
own output/input, ``os`` functions that touch the host (execute, remove, rename,
getenv, exit, tmpname), ``debug``, ``dofile``/``loadfile``, ``package``.
"""
from __future__ import annotations

from ..runtime import register_library
from . import lbase, lcoroutine, lio, lmath, los, lstring, ltable, lutf8


def open_libs(rt) -> None:
    G = rt.G
    lbase.open(rt)
    register_library("", G)
    for name, module in (("string", lstring), ("table", ltable), ("math", lmath), ("os", los),
                         ("utf8", lutf8), ("coroutine", lcoroutine), ("io", lio)):
        lib = module.open(rt)
        G.hash[name] = lib
        register_library(name + ".", lib)
