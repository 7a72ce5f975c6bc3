"""Lua source → verified IR module: parse, resolve + lower, verify."""
from __future__ import annotations

import sys

from ...ir.errors import CompileError
from ...ir.model import Module
from ...ir.verify import verify
from .lower import lower
from .parse import parse


#: Python frames resolve/lower may use; the parser caps nesting at ~200 levels,
#: but a long a.b.c... or f()()... chain is still a deep tree
COMPILE_RECURSION = 30_000


def compile_lua(source: str, name: str) -> Module:
    chunk = parse(source, name)
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, COMPILE_RECURSION))
    try:
        return verify(lower(chunk, name, source))
    except RecursionError:
        raise CompileError("expression too complex to compile", chunk.span,
                           hint="split very long chains of calls or fields into several statements") from None
    finally:
        sys.setrecursionlimit(old)
