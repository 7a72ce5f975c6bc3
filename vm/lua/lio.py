"""``io``, reduced to the spell's own output: ``io.write``.

Spells have no file handles; files are reached through the tools bridge under
the sandbox's permissions.
"""
from __future__ import annotations

from ..values import Table
from .lauxlib import type_error
from .numbers import fmt_g14


def open(rt) -> Table:
    io = Table()

    def write(*args):
        for i, v in enumerate(args, 1):
            t = type(v)
            if t is str:
                rt.write(v)
            elif t is int:
                rt.write(str(v))
            elif t is float:
                rt.write(fmt_g14(v))      # liolib writes floats with "%.14g": 1.0 prints as 1
            else:
                type_error(rt, i, "write", "string", v)
        return io

    io.hash["write"] = write
    return io
