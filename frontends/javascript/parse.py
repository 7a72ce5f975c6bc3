"""JavaScript source → ESTree, through esprima-fork.

Why esprima-fork 5.0.0 rather than esprima 4.0.1 (the design card's first
choice): the issue asks for class fields, private names, ``?.``, ``??`` and
async generators — ES2020+ — which 4.0.1 (ES2017) cannot parse.  The fork keeps
esprima-python's API and ESTree output, parses ES2026, reports early errors
(redeclarations, bad ``break`` targets) and imports in ~8 ms.

A spell is parsed as a *module*: strict mode, top-level ``await`` (the seed's
examples use it: ``const r = await llm.complete(...)``), top-level
declarations local to the spell.
"""
from __future__ import annotations

import re

from ...ir.errors import ParseError
from ...ir.source import Span

_LINE = re.compile(r"^Line \d+: ")


def parse(source: str, name: str):
    import esprima  # lazily: a Lua spell never pays for it
    try:
        return esprima.parseModule(source, {"loc": True, "range": True})
    except esprima.Error as e:
        message = _LINE.sub("", e.message or str(e))
        line = e.lineNumber or 1
        col = e.column or 1
        raise ParseError(message, Span(name, line, col, line, col + 1),
                         hint=_hint(message)) from None
    except AssertionError as e:         # esprima asserts on a few malformed inputs (`${}`)
        raise ParseError(f"invalid syntax ({e})", Span(name, 1, 1)) from None
    except RecursionError:
        raise ParseError("program nested too deeply to parse", Span(name, 1, 1)) from None


def _hint(message: str) -> str | None:
    if "import" in message or "export" in message:
        return "imports and exports go at the top level of the file: import { f } from \"./lib.js\""
    return None
