"""JavaScript source → verified IR module: parse (esprima), lower, verify."""
from __future__ import annotations

import sys

from ...ir.errors import CompileError
from ...ir.model import Module
from ...ir.verify import verify
from .lower import lower
from .parse import parse

#: Python frames the lowering may use on a deeply nested expression
COMPILE_RECURSION = 30_000


def compile_js(source: str, name: str) -> Module:
    prog = parse(source, name)
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, COMPILE_RECURSION))
    try:
        return verify(lower(prog, name, source))
    except RecursionError:
        raise CompileError("expression too complex to compile", None,
                           hint="split very long chains of calls or operators into several statements") from None
    finally:
        sys.setrecursionlimit(old)
