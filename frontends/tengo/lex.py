"""Tengo source text -> tokens, with Go's automatic semicolon insertion.

A newline (or the end of the file) ends a statement when the line's last token
could end one — an identifier, a literal, ``break``/``continue``/``return``,
``true``/``false``/``undefined``, ``++``/``--`` or a closing bracket — which is
Go's rule (and tengo's scanner's): the grammar then only ever sees ``;``.
"""
from __future__ import annotations

import re

from ...ir.errors import ParseError
from ...ir.source import Span

KEYWORDS = {"break", "continue", "else", "for", "func", "if", "return", "export", "true", "false",
            "in", "undefined", "import", "error", "immutable"}
_ENDS_STATEMENT = {"IDENT", "INT", "FLOAT", "CHAR", "STRING", "BREAK", "CONTINUE", "RETURN", "TRUE", "FALSE",
                   "UNDEFINED", "INC", "DEC", "RPAR", "RSQB", "RBRACE"}
_PUNCT = [
    ("...", "ELLIPSIS"), ("&^=", "ANDNOT_ASSIGN"), ("<<=", "SHL_ASSIGN"), (">>=", "SHR_ASSIGN"),
    (":=", "DEFINE"), ("+=", "ADD_ASSIGN"), ("-=", "SUB_ASSIGN"), ("*=", "MUL_ASSIGN"), ("/=", "QUO_ASSIGN"),
    ("%=", "REM_ASSIGN"), ("&=", "AND_ASSIGN"), ("|=", "OR_ASSIGN"), ("^=", "XOR_ASSIGN"),
    ("&&", "LAND"), ("||", "LOR"), ("++", "INC"), ("--", "DEC"), ("==", "EQL"), ("!=", "NEQ"),
    ("<=", "LEQ"), (">=", "GEQ"), ("<<", "SHL"), (">>", "SHR"), ("&^", "ANDNOT"),
    ("+", "ADD"), ("-", "SUB"), ("*", "MUL"), ("/", "QUO"), ("%", "REM"), ("&", "AND"), ("|", "OR"),
    ("^", "XOR"), ("<", "LSS"), (">", "GTR"), ("=", "ASSIGN"), ("!", "NOT"), ("(", "LPAR"), (")", "RPAR"),
    ("[", "LSQB"), ("]", "RSQB"), ("{", "LBRACE"), ("}", "RBRACE"), (",", "COMMA"), (";", "SEMICOLON"),
    (":", "COLON"), (".", "PERIOD"), ("?", "QUESTION"),
]
#: tokens after which `{` opens a map literal (an operand is expected there)
_BEFORE_MAP = {"ASSIGN", "DEFINE", "ADD_ASSIGN", "SUB_ASSIGN", "MUL_ASSIGN", "QUO_ASSIGN", "REM_ASSIGN",
               "AND_ASSIGN", "OR_ASSIGN", "XOR_ASSIGN", "SHL_ASSIGN", "SHR_ASSIGN", "ANDNOT_ASSIGN",
               "COMMA", "LPAR", "LSQB", "LMAP", "COLON", "QUESTION", "RETURN", "EXPORT", "IN", "LAND", "LOR",
               "EQL", "NEQ", "LSS", "LEQ", "GTR", "GEQ", "ADD", "SUB", "MUL", "QUO", "REM", "AND", "OR", "XOR",
               "SHL", "SHR", "ANDNOT", "NOT"}
_NUMBER = re.compile(r"0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|"
                     r"(?:[0-9][0-9_]*\.?[0-9_]*|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9]+)?")
_IDENT = re.compile(r"[^\W\d]\w*")          # Go's identifiers: Unicode letters and digits
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\",
            "'": "'", '"': '"'}


class Tok:
    __slots__ = ("type", "value", "line", "column", "end_line", "end_column")

    def __init__(self, type_, value, line, column, end_line, end_column):
        self.type = type_
        self.value = value
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column

    def __repr__(self) -> str:
        return f"Tok({self.type}, {self.value!r}, {self.line}:{self.column})"


def tokens(source: str, name: str) -> list[Tok]:
    out: list[Tok] = []
    brackets: list[str] = []
    i, n = 0, len(source)
    line, line_start = 1, 0

    def err(msg, at):
        col = at - line_start + 1
        return ParseError(msg, Span(name, line, col, line, col + 1))

    def add(type_, value, start, end):
        out.append(Tok(type_, value, line, start - line_start + 1, line, end - line_start + 1))

    def newline_semicolon(at):
        if out and out[-1].type in _ENDS_STATEMENT:
            out.append(Tok("SEMICOLON", "\n", line, at - line_start + 1, line, at - line_start + 2))

    while i < n:
        c = source[i]
        if c == "\n":
            newline_semicolon(i)
            i += 1
            line, line_start = line + 1, i
            continue
        if c in " \t\r":
            i += 1
            continue
        if source.startswith("//", i):
            j = source.find("\n", i)
            i = n if j < 0 else j
            continue
        if source.startswith("/*", i):
            j = source.find("*/", i + 2)
            if j < 0:
                raise err("comment not terminated", i)
            if "\n" in source[i:j]:
                newline_semicolon(i)
                line += source.count("\n", i, j)
                line_start = source.rfind("\n", i, j) + 1
            i = j + 2
            continue
        start = i
        if c.isalpha() or c == "_":      # (str.isalpha is Unicode's letter class, as Go's scanner)
            m = _IDENT.match(source, i)
            word = m.group()
            i = m.end()
            add(word.upper() if word in KEYWORDS else "IDENT", word, start, i)
            continue
        if "0" <= c <= "9" or (c == "." and i + 1 < n and "0" <= source[i + 1] <= "9"):
            m = _NUMBER.match(source, i)
            text = m.group()
            i = m.end()
            add("FLOAT" if _is_float(text) else "INT", text, start, i)
            continue
        if c == '"':
            i, value = _quoted(source, i + 1, '"', err)
            add("STRING", value, start, i)
            continue
        if c == "`":
            j = source.find("`", i + 1)
            if j < 0:
                raise err("raw string literal not terminated", i)
            value = source[i + 1:j].replace("\r", "")
            line += value.count("\n")
            if "\n" in value:
                line_start = source.rfind("\n", i, j) + 1
            i = j + 1
            out.append(Tok("STRING", value, line, 1, line, i - line_start + 1))
            continue
        if c == "'":
            i, value = _quoted(source, i + 1, "'", err)
            if len(value) != 1:
                raise err("illegal rune literal", start)
            add("CHAR", value, start, i)
            continue
        for text, type_ in _PUNCT:
            if source.startswith(text, i):
                i += len(text)
                if type_ == "LBRACE" and out and out[-1].type in _BEFORE_MAP:
                    type_ = "LMAP"      # `{` where an expression starts: a map literal, not a block
                if type_ in ("LPAR", "LSQB", "LMAP", "LBRACE"):
                    brackets.append(type_)
                elif type_ in ("RPAR", "RSQB", "RBRACE") and brackets:
                    opener = brackets.pop()
                    if opener != "LBRACE" and out and out[-1].type == "SEMICOLON" and out[-1].value == "\n":
                        out.pop()       # a newline before the closing bracket of a literal or a call
                add(type_, text, start, i)
                break
        else:
            raise err(f"illegal character {c!r}", i)
    newline_semicolon(n)
    out.append(Tok("$END", "", line, n - line_start + 1, line, n - line_start + 1))
    return out


def _byte(b: int) -> str:
    """A ``\\xHH`` byte: ASCII as itself; above 0x7f a surrogate escape, so that
    the string's UTF-8 bytes (Go's string) are exactly the ones written."""
    return chr(b) if b < 0x80 else chr(0xDC00 + b)


def _is_float(text: str) -> bool:
    if text[:2].lower() in ("0x", "0b", "0o"):
        return False
    return "." in text or "e" in text or "E" in text


def _quoted(source: str, i: int, quote: str, err):
    """The value of a "..." or '...' literal starting after its quote: (end, value)."""
    out = []
    n = len(source)
    while True:
        if i >= n or source[i] == "\n":
            raise err("string literal not terminated" if quote == '"' else "rune literal not terminated", i)
        c = source[i]
        if c == quote:
            return i + 1, "".join(out)
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = source[i + 1:i + 2]
        if e in _ESCAPES:
            out.append(_ESCAPES[e])
            i += 2
        elif e in ("x", "u", "U"):
            width = {"x": 2, "u": 4, "U": 8}[e]
            digits = source[i + 2:i + 2 + width]
            if len(digits) != width or any(d not in "0123456789abcdefABCDEF" for d in digits):
                raise err("invalid escape sequence", i)
            code = int(digits, 16)
            if e != "x" and (0xD800 <= code <= 0xDFFF or code > 0x10FFFF):
                raise err("escape sequence is invalid Unicode code point", i)
            out.append(_byte(code) if e == "x" else chr(code))
            i += 2 + width
        elif e.isdigit():
            digits = source[i + 1:i + 4]
            if len(digits) != 3 or any(d not in "01234567" for d in digits):
                raise err("invalid escape sequence", i)
            out.append(_byte(int(digits, 8)))
            i += 4
        else:
            raise err("unknown escape sequence", i)
