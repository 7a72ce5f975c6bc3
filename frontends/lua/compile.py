"""Lua source → verified IR module: parse, resolve + lower, verify."""
from __future__ import annotations

from ...ir.model import Module
from ...ir.verify import verify
from .. import lower_deep
from .lower import lower
from .parse import parse


def compile_lua(source: str, name: str) -> Module:
    chunk = parse(source, name)     # the parser caps nesting at ~200 levels
    return lower_deep(lambda: verify(lower(chunk, name, source)), chunk.span)
