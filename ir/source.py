"""Source files and spans.

A :class:`Span` is where a piece of IR or AST came from: file name plus 1-based
line/column of its start and end.  Spans are plain data; they become text only
when an error is reported (:meth:`SourceFile.excerpt` draws the line and caret).
"""
from __future__ import annotations

import attrs


@attrs.frozen(slots=True)
class Span:
    file: str
    line: int
    col: int
    end_line: int = 0
    end_col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


NO_SPAN = Span("?", 0, 0)


@attrs.frozen(slots=True)
class SourceFile:
    """A spell's text under the name used in messages."""

    name: str
    text: str

    def for_file(self, name: str) -> "SourceFile | None":
        """This file's text if *name* is its name (see :class:`SourceSet`)."""
        return self if name == self.name else None

    def line_text(self, line: int) -> str | None:
        lines = self.text.splitlines()
        if 1 <= line <= len(lines):
            return lines[line - 1]
        return None

    def excerpt(self, span: Span) -> str:
        """The source line of *span* with a caret under its start column."""
        text = self.line_text(span.line)
        if text is None:
            return ""
        text = text.expandtabs(1)
        col = max(span.col, 1)
        width = 1
        if span.end_line == span.line and span.end_col > span.col:
            width = span.end_col - span.col
        width = max(1, min(width, len(text) - col + 1))
        return f"{span.line:>5} | {text}\n      | {' ' * (col - 1)}{'^' * width}"


@attrs.frozen(slots=True)
class SourceSet:
    """The texts of a spell and the modules it loaded, by name: an error in a
    module, or a traceback through several files, shows each file's own line."""

    files: dict

    def for_file(self, name: str) -> SourceFile | None:
        return self.files.get(name)
