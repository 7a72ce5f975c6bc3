"""JavaScript source → verified IR module: parse (esprima), lower, verify."""
from __future__ import annotations

from ...ir.model import Module
from ...ir.verify import verify
from .. import lower_deep
from .lower import lower
from .parse import parse


def compile_js(source: str, name: str) -> Module:
    prog = parse(source, name)
    return lower_deep(lambda: verify(lower(prog, name, source)), None)
