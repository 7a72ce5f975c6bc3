"""The Lua 5.4 tokenizer: the hand-written lexer of the LALR parser in :mod:`.parse`.

Input: a :class:`Source` (the text and the file name used in spans).
Output: a stream of :class:`Tok` whose ``type`` is a terminal of
``grammar.lark`` (``NAME``, ``NUMBER``, ``STRING``, a keyword in capitals such as
``WHILE``, or a symbol name such as ``LPAR``) and whose ``value`` is already
decoded: numbers are Python ``int`` (wrapped to 64 bits) or ``float``, strings are
script strings (UTF-8 with surrogate escapes for other bytes).

Invariants, all following ``llex.c`` of Lua 5.4:

* Lines are counted the way Lua counts them (``\\n``, ``\\r``, ``\\r\\n`` and
  ``\\n\\r`` are one line break each), so every error names the line Lua names.
* A numeral is read greedily as Lua reads it (hex digits, dots, exponent marks
  with signs, plus one touching letter) and then converted, so ``3x`` or ``0xg``
  fail as "malformed number near '3x'".
* Errors are :class:`~llmspell.ir.errors.ParseError` with Lua's wording and
  Lua's "near" text (the token text as far as it was read).
* The lexer also tracks the open brackets and blocks of the tokens the parser has
  accepted (:attr:`Source.openers`): the parser uses it to say which opener an
  expected ``end`` or ``)`` closes, and the nesting depth is capped at
  :data:`MAX_DEPTH` (Lua stops at a similar depth with "C stack overflow") so no
  later stage ever sees a tree deep enough to exhaust Python's stack.
"""
from __future__ import annotations

import re

from ...ir.errors import ParseError
from ...ir.ints import MAXI, wrap
from ...ir.source import Span

#: Deepest nesting of brackets, blocks and operators accepted; real Lua 5.4 (its
#: LUAI_MAXCCALLS of 200 minus the levels its own ``load`` uses) accepts exactly
#: 196 nested parentheses, calls, indexes or unary operators.
MAX_DEPTH = 196

KEYWORDS = {w: w.upper() for w in (
    "and break do else elseif end false for function goto if in local nil not or "
    "repeat return then true until while").split()}

SYMBOLS = {
    "+": "PLUS", "-": "MINUS", "*": "STAR", "/": "SLASH", "//": "DSLASH", "%": "PERCENT",
    "^": "CARET", "#": "HASH", "&": "AMP", "~": "TILDE", "|": "PIPE", "<<": "SHL", ">>": "SHR",
    "..": "CONCAT", "...": "DOTS", "==": "EQ", "~=": "NE", "<=": "LE", ">=": "GE", "<": "LT",
    ">": "GT", "=": "ASSIGN", "(": "LPAR", ")": "RPAR", "{": "LBRACE", "}": "RBRACE",
    "[": "LBRACK", "]": "RBRACK", "::": "DBCOLON", ";": "SEMI", ":": "COLON", ",": "COMMA",
    ".": "DOT",
}

#: The source text of each fixed token type (for messages).
TOKEN_TEXT = {v: k for k, v in SYMBOLS.items()} | {v: k for k, v in KEYWORDS.items()}

# One match = leading whitespace and short comments, then one token (or the start of
# one that needs the slow path).  Possessive quantifiers keep the skip linear.
_TOKEN = re.compile(r"""
    (?:[ \t\f\v\r\n]++|--(?!\[=*\[)[^\r\n]*+)*+
    (?:
        (?P<N>[A-Za-z_][A-Za-z0-9_]*+)
      | (?P<D>(?:0[xX](?:[pP][-+]?|[0-9a-fA-F.])*+|(?:[0-9]|\.[0-9])(?:[eE][-+]?|[0-9a-fA-F.])*+)[A-Za-z_]?)
      | (?P<S>"[^"\\\r\n]*+"|'[^'\\\r\n]*+')
      | (?P<Q>["'])
      | (?P<C>--\[=*\[)
      | (?P<L>\[=*\[|\[=+)
      | (?P<O>\.\.\.|\.\.|==|~=|<=|>=|<<|>>|//|::|[-+*/%^\#&~|<>=(){}\[\];:,.])
      | (?P<E>\Z)
      | (?P<X>.)
    )""", re.VERBOSE | re.DOTALL)

_NEWLINE = re.compile(r"\n\r?|\r\n?")
_DEC_INT = re.compile(r"[0-9]+\Z")
_HEX_INT = re.compile(r"0[xX][0-9a-fA-F]+\Z")
_DEC_FLOAT = re.compile(r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_HEX_FLOAT = re.compile(r"0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][-+]?[0-9]+)?\Z")
_STR_CHUNK = {'"': re.compile(r'[^"\\\r\n]*+'), "'": re.compile(r"[^'\\\r\n]*+")}
_SPACE = re.compile(r"[ \t\n\v\f\r]*+")

_SIMPLE_ESCAPES = {"a": b"\a", "b": b"\b", "f": b"\f", "n": b"\n", "r": b"\r", "t": b"\t",
                   "v": b"\v", "\\": b"\\", '"': b'"', "'": b"'"}
_HEX = "0123456789abcdefABCDEF"

# Nesting bookkeeping (see Source.openers).
_OPENERS = {"LPAR", "LBRACK", "LBRACE", "IF", "REPEAT", "WHILE", "FOR", "DO", "FUNCTION"}
_CLOSERS = {"RPAR", "RBRACK", "RBRACE", "END", "UNTIL"}
_TRACKED = _OPENERS | _CLOSERS | {"DOTS"}
# After these tokens ``function`` starts a statement (one nesting level, like Lua's
# ``statement``); anywhere else it is an expression (two levels: the expression
# and the statements of its body).
_ENDS_STATEMENT = {None, "END", "NAME", "NUMBER", "STRING", "RPAR", "RBRACK", "RBRACE", "SEMI", "DO",
                   "THEN", "ELSE", "REPEAT", "BREAK", "DBCOLON", "NIL", "TRUE", "FALSE", "DOTS",
                   "LOCAL"}


class Tok:
    """One token: its terminal ``type``, decoded ``value``, source offsets and
    1-based line/column of its start and end."""

    __slots__ = ("type", "value", "start_pos", "end_pos", "line", "column", "end_line", "end_column")

    def __init__(self, type, value, start_pos, end_pos, line, column, end_line, end_column):
        self.type = type
        self.value = value
        self.start_pos = start_pos
        self.end_pos = end_pos
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column

    def __repr__(self) -> str:
        return f"Tok({self.type}, {self.value!r}, {self.line}:{self.column})"


class Opener:
    """An unclosed bracket or block: what Lua names in "(to close 'x' at line n)"."""

    __slots__ = ("type", "line", "weight", "awaiting_do", "closes_quietly", "vararg")

    def __init__(self, type, line, weight, awaiting_do=False, closes_quietly=False):
        self.type = type
        self.line = line
        self.weight = weight
        self.awaiting_do = awaiting_do          # a while/for whose 'do' is still ahead
        self.closes_quietly = closes_quietly    # a parameter list: Lua says just "')' expected"
        self.vararg = False                     # a function with '...' among its parameters


class Source:
    """One text being tokenized, and what the parser needs to know about it."""

    def __init__(self, text: str, name: str):
        self.text = text
        self.name = name
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self.eof_line = len(self.line_starts)
        self.eof_col = len(text) - self.line_starts[-1] + 1
        self.openers: list[Opener] = []
        self.depth = 0
        self.params_next = False        # the last tracked token was 'function'

    # -- positions --------------------------------------------------------------------------
    def line_col(self, pos: int) -> tuple[int, int]:
        """1-based line and column of offset *pos* (binary search; for the rare paths)."""
        starts = self.line_starts
        lo, hi = 0, len(starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid
        return lo + 1, pos - starts[lo] + 1

    def error(self, message: str, pos: int, near: str) -> ParseError:
        """A lexical error found at offset *pos* (where Lua's lexer stands, so the
        line is the one Lua reports)."""
        line, col = self.line_col(pos)
        return ParseError(f"{message} near {near}", Span(self.name, line, col, line, col + 1))

    def error_span(self, tok) -> Span:
        """Where an error at *tok* is reported.  The line is the one Lua names:
        where its lexer stands after reading the token, which for a token spanning
        lines is its last line."""
        if tok.line != tok.end_line:
            return Span(self.name, tok.end_line, 1, tok.end_line, tok.end_column)
        return Span(self.name, tok.line, tok.column, tok.end_line, tok.end_column)

    def near(self, tok) -> str:
        """Lua's " near T" suffix for an error at a token (``luaX_token2str`` /
        ``txtToken``).  A NUL byte is token 0, which Lua takes for "no token":
        then there is no suffix at all."""
        t = tok.type
        if t == "$END":
            return " near <eof>"
        if t == "NAME":
            return f" near '{tok.value}'"
        if t == "STRING":
            raw = self.text[tok.start_pos:tok.end_pos]
            if raw[0] == "[":
                level = raw.index("[", 1) + 1
                return " near " + quote(raw[:level] + tok.value + raw[len(raw) - level:])
            return " near " + quote(raw[0] + tok.value + raw[0])
        if t == "NUMBER":
            return f" near '{self.text[tok.start_pos:tok.end_pos]}'"
        if t == "CHAR":
            b = first_byte(tok.value)
            if b == 0:
                return ""
            return f" near '{tok.value}'" if 32 <= b < 127 else f" near '<\\{b}>'"
        return f" near '{TOKEN_TEXT[t]}'"

    def in_vararg_function(self) -> bool:
        """Whether the innermost open function (or the main chunk) takes '...'."""
        for op in reversed(self.openers):
            if op.type == "FUNCTION":
                return op.vararg
        return True

    # -- nesting ---------------------------------------------------------------------------
    def track(self, tok: Tok, prev_type) -> None:
        """Record how *tok* (just accepted by the parser, after a token of type
        *prev_type*) opens or closes a level."""
        t = tok.type
        openers = self.openers
        params = self.params_next
        self.params_next = t == "FUNCTION"      # its next '(' opens the parameter list
        if t == "DOTS":
            if openers and openers[-1].closes_quietly:
                openers[-2].vararg = True
            return
        if t in _CLOSERS:
            if openers:
                self.depth -= openers.pop().weight
            return
        if t == "DO" and openers and openers[-1].awaiting_do:
            openers[-1].awaiting_do = False
            return
        weight = 1
        if t == "FUNCTION" and prev_type not in _ENDS_STATEMENT:
            weight = 2
        elif params and t == "LPAR":
            weight = 0                          # a parameter list nests nothing
        openers.append(Opener(t, tok.line, weight, t in ("WHILE", "FOR"), t == "LPAR" and params))
        self.depth += weight
        if self.depth > MAX_DEPTH:
            raise too_deep(self.name, tok)


def first_byte(ch: str) -> int:
    """The first byte of character *ch* in the script's byte view."""
    return ord(ch) if ord(ch) < 128 else ch.encode("utf-8", "surrogateescape")[0]


def quote(text: str) -> str:
    """Lua's ``'%s'`` of a token buffer: C strings end at the first NUL byte."""
    return "'" + text.split("\0", 1)[0] + "'"


def too_deep(file: str, tok) -> ParseError:
    return ParseError(
        "chunk has too many syntax levels",
        Span(file, tok.line, tok.column, tok.end_line, tok.end_column),
        hint=f"more than {MAX_DEPTH} nested blocks, brackets or operators "
             "(real Lua stops with 'C stack overflow'); split the code into smaller functions")


# ------------------------------------------------------------------------------- numerals
def numeral(text: str):
    """The value of a numeral as Lua's ``luaO_str2num`` reads it, or ``None``."""
    if _DEC_INT.match(text):
        v = int(text)
        return v if v <= MAXI else float(text)      # too big for an integer: a float
    if _HEX_INT.match(text):
        return wrap(int(text[2:], 16))              # hex integers wrap around
    if _DEC_FLOAT.match(text):
        return float(text)                          # overflow gives inf, like strtod
    if _HEX_FLOAT.match(text):
        try:
            return float.fromhex(text)
        except OverflowError:
            return float("inf")
    return None


# -------------------------------------------------------------------------------- strings
def _utf8(cp: int) -> bytes:
    """Lua's ``luaO_utf8esc``: up to six bytes, for code points up to 2^31."""
    if cp < 0x80:
        return bytes((cp,))
    out = []
    mfb = 0x3F                      # largest value that fits in the first byte
    while cp > mfb:
        out.append(0x80 | (cp & 0x3F))
        cp >>= 6
        mfb >>= 1
    out.append(((~mfb << 1) & 0xFF) | cp)
    return bytes(reversed(out))


def read_string(src: Source, start: int) -> tuple[str, int]:
    """Decode the short string whose delimiter is at *start*; returns (value, end)."""
    text = src.text
    delim = text[start]
    chunk = _STR_CHUNK[delim]
    parts: list[bytes] = []
    pos = start + 1
    n = len(text)

    def fail(msg: str, esc: int, bad: int):
        # Lua's buffer: the delimiter, what is decoded so far, the raw escape and the
        # offending character (when there is one).
        shown = b"".join(parts).decode("utf-8", "surrogateescape") + text[esc:min(bad, n)]
        if bad < n:     # Lua shows one byte of the offending character
            shown += bytes((first_byte(text[bad]),)).decode("utf-8", "surrogateescape")
        return src.error(msg, bad if bad < n else n, quote(delim + shown))

    while True:
        m = chunk.match(text, pos)
        if m.end() > pos:
            parts.append(m.group().encode("utf-8", "surrogateescape"))
            pos = m.end()
        if pos >= n:
            raise src.error("unfinished string", n, "<eof>")
        c = text[pos]
        if c == delim:
            return b"".join(parts).decode("utf-8", "surrogateescape"), pos + 1
        if c in "\r\n":
            shown = b"".join(parts).decode("utf-8", "surrogateescape")
            raise src.error("unfinished string", pos, quote(delim + shown))
        # an escape sequence
        esc = pos
        pos += 1
        if pos >= n:
            raise src.error("unfinished string", n, "<eof>")
        c = text[pos]
        simple = _SIMPLE_ESCAPES.get(c)
        if simple is not None:
            parts.append(simple)
            pos += 1
        elif c in "\r\n":
            nl = _NEWLINE.match(text, pos)
            parts.append(b"\n")
            pos = nl.end()
        elif c == "x":
            for k in (1, 2):
                if pos + k >= n or text[pos + k] not in _HEX:
                    raise fail("hexadecimal digit expected", esc, pos + k)
            parts.append(bytes((int(text[pos + 1:pos + 3], 16),)))
            pos += 3
        elif c == "z":
            pos = _SPACE.match(text, pos + 1).end()
        elif c == "u":
            pos += 1
            if pos >= n or text[pos] != "{":
                raise fail("missing '{'", esc, pos)
            pos += 1
            if pos >= n or text[pos] not in _HEX:
                raise fail("hexadecimal digit expected", esc, pos)
            cp = 0
            while pos < n and text[pos] in _HEX:
                if cp > (0x7FFFFFFF >> 4):
                    raise fail("UTF-8 value too large", esc, pos)
                cp = (cp << 4) + int(text[pos], 16)
                pos += 1
            if pos >= n or text[pos] != "}":
                raise fail("missing '}'", esc, pos)
            parts.append(_utf8(cp))
            pos += 1
        elif c.isdigit() and c.isascii():
            end = pos
            while end < n and end < pos + 3 and text[end].isdigit() and text[end].isascii():
                end += 1
            v = int(text[pos:end])
            if v > 255:
                raise fail("decimal escape too large", esc, end)
            parts.append(bytes((v,)))
            pos = end
        else:
            raise fail("invalid escape sequence", esc, pos)


def long_bracket_end(src: Source, start: int, open_len: int, what: str) -> tuple[int, int]:
    """For the long bracket opening at *start* (``[==[`` is *open_len* long), the
    offsets where its content starts and ends (first newline skipped)."""
    text = src.text
    close = "]" + "=" * (open_len - 2) + "]"
    body = start + open_len
    end = text.find(close, body)
    if end < 0:
        line, _ = src.line_col(start)
        raise src.error(f"unfinished long {what} (starting at line {line})", len(text), "<eof>")
    nl = _NEWLINE.match(text, body)
    if nl is not None and nl.start() < end:
        body = nl.end()
    return body, end


def long_string(src: Source, start: int, open_len: int) -> tuple[str, int]:
    body, end = long_bracket_end(src, start, open_len, "string")
    value = src.text[body:end]
    if "\r" in value:
        value = _NEWLINE.sub("\n", value)   # Lua stores every line break as "\n"
    return value, end + open_len


# ------------------------------------------------------------------------------ tokenizer
def tokens(src: Source):
    """Yield the tokens of *src*, the last one of type ``$END``.  Before yielding
    a token, the previous one has been accepted by the parser (LALR(1) reads one
    token ahead), so that is when its nesting effect is recorded."""
    text = src.text
    starts = src.line_starts
    nstarts = len(starts)
    beyond = len(text) + 1
    match = _TOKEN.match
    keywords = KEYWORDS
    symbols = SYMBOLS
    tracked = _TRACKED
    track = src.track
    # Like luaL_loadfile: skip a UTF-8 byte order mark, then a first line starting
    # with '#' ("#!/usr/bin/env lua"), keeping its line break so lines stay right.
    pos = 1 if text.startswith("\ufeff") else 0
    if text.startswith("#", pos):
        nl = _NEWLINE.search(text, pos)
        pos = nl.start() if nl else len(text)
    line = 1
    next_start = starts[1] if nstarts > 1 else beyond
    line_start = 0
    prev = None
    prev_type = None
    while True:
        m = match(text, pos)
        kind = m.lastgroup
        tstart = m.start(kind)
        pos = m.end()
        while tstart >= next_start:         # advance the line counter
            line_start = next_start
            line += 1
            next_start = starts[line] if line < nstarts else beyond
        if kind == "N":
            word = text[tstart:pos]
            tok = Tok(keywords.get(word, "NAME"), word, tstart, pos, line,
                      tstart - line_start + 1, line, pos - line_start + 1)
        elif kind == "O":
            sym = text[tstart:pos]
            tok = Tok(symbols[sym], sym, tstart, pos, line, tstart - line_start + 1, line,
                      pos - line_start + 1)
        elif kind == "D":
            raw = text[tstart:pos]
            value = numeral(raw)
            if value is None:
                raise src.error("malformed number", tstart, f"'{raw}'")
            tok = Tok("NUMBER", value, tstart, pos, line, tstart - line_start + 1, line,
                      pos - line_start + 1)
        elif kind == "S":
            tok = Tok("STRING", text[tstart + 1:pos - 1], tstart, pos, line, tstart - line_start + 1,
                      line, pos - line_start + 1)
        elif kind == "E":
            tok = Tok("$END", None, tstart, pos, src.eof_line, src.eof_col, src.eof_line, src.eof_col)
        elif kind == "X":
            tok = Tok("CHAR", text[tstart], tstart, pos, line, tstart - line_start + 1, line,
                      pos - line_start + 1)
        elif kind == "C":
            opening = pos - tstart - 2
            _, end = long_bracket_end(src, tstart + 2, opening, "comment")
            pos = end + opening
            continue
        else:
            if kind == "Q":
                value, pos = read_string(src, tstart)
            else:
                opening = text[tstart:pos]
                if opening[-1] != "[":
                    raise src.error("invalid long string delimiter", tstart, f"'{opening}'")
                value, pos = long_string(src, tstart, len(opening))
            eline, ecol = src.line_col(pos)
            tok = Tok("STRING", value, tstart, pos, line, tstart - line_start + 1, eline, ecol)
        if prev is not None:
            ptype = prev.type
            if ptype in tracked:
                track(prev, prev_type)
            prev_type = ptype
        prev = tok
        yield tok
        if kind == "E":
            return
