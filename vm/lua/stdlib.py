"""Opens Lua's standard library into a run's globals.

Not offered (the sandbox): ``io`` except ``io.write``/``io.read`` of the spell's
own output/input, ``os`` functions that touch the host (execute, remove, rename,
getenv, exit, tmpname), ``debug``, ``dofile``/``loadfile``, ``package``.
"""
from __future__ import annotations

from ..values import Table
from . import lbase, lcoroutine, lmath, los, lstring, ltable, lutf8


def open_libs(rt) -> None:
    G = rt.G
    lbase.open(rt)
    for name, module in (("string", lstring), ("table", ltable), ("math", lmath), ("os", los),
                         ("utf8", lutf8), ("coroutine", lcoroutine)):
        G.hash[name] = module.open(rt)
    G.hash["io"] = _open_io(rt)


def _open_io(rt) -> Table:
    io = Table()

    def write(*args):
        for i, v in enumerate(args, 1):
            t = type(v)
            if t is str:
                rt.write(v)
            elif t is int or t is float:
                rt.write(rt.tostring(v))
            else:
                from .lauxlib import type_error
                type_error(rt, i, "write", "string", v)
        return io

    io.hash["write"] = write
    return io
