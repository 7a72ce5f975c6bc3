"""Tengo source text -> a Lark parse tree.

The tokens come from :mod:`.lex` (which inserts Go's automatic semicolons and
tells a map literal's ``{`` from a block's); Lark's LALR(1) parser, built from
``grammar.lark`` once per process, turns them into a tree with positions that
:mod:`.lower` walks.  Errors are :class:`ParseError` worded as tengo's parser
words them (``expected 'x', found 'y'``) at the offending token.
"""
from __future__ import annotations

from pathlib import Path

from ...ir.errors import ParseError
from ...ir.source import Span
from .lex import tokens

_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from lark import Lark
        from lark.lexer import Lexer, Token

        class _Tokens(Lexer):
            """Feeds the already-scanned tokens to Lark."""

            def __init__(self, conf):
                pass

            def lex(self, toks):
                for t in toks:
                    if t.type != "$END":
                        yield Token(t.type, t.value, line=t.line, column=t.column, end_line=t.end_line,
                                    end_column=t.end_column)

        grammar = (Path(__file__).parent / "grammar.lark").read_text()
        _PARSER = Lark(grammar, parser="lalr", lexer=_Tokens, maybe_placeholders=True,
                       propagate_positions=True)
    return _PARSER


def parse(source: str, name: str):
    from lark.exceptions import UnexpectedInput
    toks = tokens(source, name)
    try:
        return _parser().parse(toks)
    except UnexpectedInput as e:
        tok = getattr(e, "token", None)
        if tok is None or tok.type == "$END":
            last = toks[-1]
            raise ParseError("unexpected end of file", Span(name, last.line, last.column)) from None
        found = "newline" if tok.value == "\n" else tok.value
        raise ParseError(f"unexpected '{found}'", Span(name, tok.line, tok.column, tok.end_line, tok.end_column),
                         hint=_hint(e)) from None
    except RecursionError:
        raise ParseError("program nested too deeply to parse", Span(name, 1, 1)) from None


def _hint(e) -> str | None:
    expected = sorted(getattr(e, "expected", ()) or ())
    if expected and len(expected) <= 6:
        return "expected one of: " + ", ".join(expected)
    return None


