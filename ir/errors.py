"""The error hierarchy every stage raises.

Everything a user can see derives from :class:`LlmspellError`.  Each error carries
a :class:`~llmspell.ir.source.Span`; :meth:`LlmspellError.render` turns it into
``file:line:col: message`` plus the source line with a caret and, when known, a
hint that says what to do.  Nothing here formats Python tracebacks: if one reaches
a user it is a bug.
"""
from __future__ import annotations

from .source import NO_SPAN, SourceFile, Span


class LlmspellError(Exception):
    """Root of every error llmspell reports to a user."""

    kind = "error"

    def __init__(self, message: str, span: Span | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.span = span or NO_SPAN
        self.hint = hint
        self.source: SourceFile | None = None

    def __str__(self) -> str:
        return self.headline()

    def headline(self) -> str:
        where = f"{self.span}: " if self.span.line else ""
        return f"{where}{self.kind}: {self.message}"

    def render(self, source: SourceFile | None = None) -> str:
        """``file:line:col: kind: message``, the source excerpt, and the hint."""
        source = source or self.source
        out = [self.headline()]
        source = source.for_file(self.span.file) if source is not None else None
        if source is not None and self.span.line:
            excerpt = source.excerpt(self.span)
            if excerpt:
                out.append(excerpt)
        if self.hint:
            out.append(f"hint: {self.hint}")
        return "\n".join(out)


class ParseError(LlmspellError):
    kind = "syntax error"


class CompileError(LlmspellError):
    kind = "compile error"


class VerifyError(LlmspellError):
    """Malformed IR: a front-end bug or a corrupted serialized module."""

    kind = "invalid IR"


class ScriptError(LlmspellError):
    """An error raised by the running spell and not caught by it.

    ``value`` is the script-level error value (a string for most errors);
    ``traceback`` lists the spans of the active calls, innermost first.
    """

    kind = "runtime error"

    def __init__(self, message: str, span: Span | None = None, hint: str | None = None,
                 value=None, traceback: list[Span] | None = None):
        self.lua_message = message          # as the script saw it, "file:line: " prefix included
        if span is not None and span.line:
            prefix = f"{span.file}:{span.line}: "
            if message.startswith(prefix):
                message = message[len(prefix):]     # the headline already says where
        super().__init__(message, span, hint)
        self.value = value
        self.traceback = traceback or []

    def render(self, source: SourceFile | None = None) -> str:
        text = super().render(source)
        source = source or self.source
        frames = [s for s in self.traceback[1:] if s.line]
        if frames:
            lines = []
            for s in frames[:10]:
                file = source.for_file(s.file) if source is not None else None
                code = file.line_text(s.line) if file is not None else None
                lines.append(f"  {s}" + (f"  {code.strip()}" if code else ""))
            if len(frames) > 10:
                lines.append(f"  ... {len(frames) - 10} more")
            text += "\ncalled from:\n" + "\n".join(lines)
        return text


class LimitExceeded(LlmspellError):
    """A sandbox limit was crossed.  Scripts cannot catch this."""

    kind = "LimitExceeded"

    def __init__(self, limit: str, count, span: Span | None = None, hint: str | None = None):
        self.limit = limit
        self.count = count
        super().__init__(f"{limit} ({count})", span, hint)

    def headline(self) -> str:
        where = f" at {self.span}" if self.span.line else ""
        return f"LimitExceeded: {self.limit} ({self.count}){where}"


class InternalError(LlmspellError):
    """A bug in llmspell itself, caught at the edge of a stage so that the user
    sees a positioned message instead of a Python traceback."""

    kind = "internal error"

    @classmethod
    def of(cls, e: BaseException, span: Span | None = None) -> "InternalError":
        return cls(f"{type(e).__name__}: {e} (this is a bug in llmspell; please report it)", span)


class UsageError(LlmspellError):
    """Bad command-line or API usage (exit status 2)."""

    kind = "usage error"
