"""Tengo source → verified IR module: scan, parse (Lark LALR), lower, verify."""
from __future__ import annotations

from ...ir.model import Module
from ...ir.verify import verify
from .. import lower_deep
from .lower import lower
from .parse import parse


def compile_tengo(source: str, name: str, host_globals=(), is_module: bool = False) -> Module:
    tree = parse(source, name)
    return lower_deep(lambda: verify(lower(tree, name, source, host_globals, is_module)), None)
