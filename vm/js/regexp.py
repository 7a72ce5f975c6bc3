"""JavaScript (ECMAScript 2023) regular expressions: parser, compiler and a metered matcher.

Why not Python's ``re``: its matcher cannot be interrupted, so one catastrophic
pattern (``/(a+)+$/`` on ``"aaa…!"``) would hang the sandbox, and its semantics
differ from JavaScript's anyway (capture reset per iteration, empty-loop check,
backreferences to unmatched groups, lookbehind, case folding).  Here a pattern is
parsed (following V8's parser, Annex B leniency included, so errors carry V8's
messages), compiled to a small instruction list, and run by a backtracking VM with
an explicit stack: no Python recursion grows with the input, and the VM calls
``charge(n)`` every :data:`CHUNK` units of work so the sandbox's limit can stop it.

API (all a caller needs)::

    prog = compile(source, flags)        # RegExpError on bad flags / syntax / unsupported
                                         # (cached: equal arguments give the same Program)
    prog.ngroups, prog.names             # capture count (without group 0), {name: index}
    exec_at(prog, s, start, charge)      # sticky: match starting exactly at start
    search(prog, s, start, charge)       # first match at or after start

``s`` is a string of UTF-16 code units (astral characters as surrogate pairs).  A
result is the flat list ``[s0, e0, s1, e1, …]`` with -1 for unmatched groups, or None.
Without the ``u`` flag pattern and input are code units; with it, code points.

Work units: one per VM instruction, one per character a greedy single-character
loop scans, one per backtrack, one per 16 characters skipped by the search's literal
or first-character scan; the total for a given (pattern, input, start) is always the
same, and is charged exactly (the remainder on return).  ``charge`` may raise: the
exception propagates and nothing is left behind (all match state is local).  A
backtrack stack beyond :data:`STACK_LIMIT` raises :class:`RegExpStackOverflow`, as V8
throws "Maximum call stack size exceeded", so memory stays bounded too.

Unicode data: General_Category and case mappings come from Python's ``unicodedata``
(Unicode 14 on Python 3.11), the four supported scripts from node 20's ICU; characters
assigned after Unicode 14 may differ from node.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache

__all__ = ["CHUNK", "Program", "RegExpError", "RegExpStackOverflow", "compile", "exec_at", "search"]

CHUNK = 128                  # work units between two charge() calls
INF = (1 << 31) - 1          # V8's kInfinity: {n,} and quantifier bounds that overflow
MAX_CAPTURES = 1 << 16       # V8's RegExpMacroAssembler::kMaxCaptures
STACK_LIMIT = 1 << 23        # backtrack stack slots (two per entry); V8 also gives up around there
MAX_NESTING = 200            # deeper group nesting is refused (the compiler recurses on it)
END = -1                     # parser's end-of-pattern marker
LINE_TERMINATORS = "\n\r\u2028\u2029"
_WHITE = ("\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
          "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
_FLAGS = "dgimsuvy"          # V8 prints flags in this order in its messages


class RegExpError(Exception):
    """A SyntaxError to the script: message worded like V8's (or naming what is unsupported)."""


class RegExpStackOverflow(RegExpError):
    """The backtrack stack outgrew :data:`STACK_LIMIT` (V8 throws a RangeError with this
    message, "Maximum call stack size exceeded"); raised by the matcher, not by compile."""


# --------------------------------------------------------------------------------------
# Character data: case canonicalization, character sets, property escapes
# --------------------------------------------------------------------------------------

def _canon_nonunicode(c: int) -> int:
    """Canonicalize without u (spec 22.2.2.7.3): toUppercase, kept only if it is one
    code unit and does not map a non-ASCII unit into ASCII."""
    u = chr(c).upper()
    if len(u) != 1 or ord(u) > 0xFFFF:
        return c
    cu = ord(u)
    return c if (c >= 128 and cu < 128) else cu


# CaseFolding.txt 'S' entries that lower() does not give (the char is its own lowercase).
_SIMPLE_FOLD_EXTRA = {0x1FD3: 0x390, 0x1FE3: 0x3B0, 0xFB05: 0xFB06}


def _canon_unicode(c: int) -> int:
    """Canonicalize with u: simple case folding (CaseFolding.txt C + S)."""
    ch = chr(c)
    f = ch.casefold()
    if len(f) == 1:
        return ord(f)
    if c in _SIMPLE_FOLD_EXTRA:
        return _SIMPLE_FOLD_EXTRA[c]
    low = ch.lower()
    return ord(low) if len(low) == 1 else c


@lru_cache(maxsize=2)
def _case_tables(unicode: bool):
    """(canon, eq): canon maps a character to its canonical form (only where it
    changes), eq maps a character to every character with the same canonical form
    (only where there are several).  Built once, on first case-insensitive use."""
    limit, fn = (0x1F000, _canon_unicode) if unicode else (0x10000, _canon_nonunicode)
    canon, groups = {}, {}
    for c in range(limit):
        k = fn(c)
        if k != c:
            canon[c] = k
        groups.setdefault(k, []).append(c)
    eq = {}
    for k, members in groups.items():
        if k not in members:
            members.append(k)
        if len(members) > 1:
            t = tuple(sorted(members))
            for m in t:
                eq[m] = t
    return canon, eq


_GC = {  # General_Category value aliases (PropertyValueAliases.txt) -> category set
    "C": "Cc Cf Cn Co Cs", "Other": "Cc Cf Cn Co Cs", "Cc": "Cc", "Control": "Cc", "cntrl": "Cc",
    "Cf": "Cf", "Format": "Cf", "Cn": "Cn", "Unassigned": "Cn", "Co": "Co", "Private_Use": "Co",
    "Cs": "Cs", "Surrogate": "Cs", "L": "Lu Ll Lt Lm Lo", "Letter": "Lu Ll Lt Lm Lo",
    "LC": "Lu Ll Lt", "Cased_Letter": "Lu Ll Lt", "Ll": "Ll", "Lowercase_Letter": "Ll",
    "Lm": "Lm", "Modifier_Letter": "Lm", "Lo": "Lo", "Other_Letter": "Lo", "Lt": "Lt",
    "Titlecase_Letter": "Lt", "Lu": "Lu", "Uppercase_Letter": "Lu", "M": "Mn Mc Me",
    "Mark": "Mn Mc Me", "Combining_Mark": "Mn Mc Me", "Mc": "Mc", "Spacing_Mark": "Mc",
    "Me": "Me", "Enclosing_Mark": "Me", "Mn": "Mn", "Nonspacing_Mark": "Mn", "N": "Nd Nl No",
    "Number": "Nd Nl No", "Nd": "Nd", "Decimal_Number": "Nd", "digit": "Nd", "Nl": "Nl",
    "Letter_Number": "Nl", "No": "No", "Other_Number": "No", "P": "Pc Pd Ps Pe Pi Pf Po",
    "Punctuation": "Pc Pd Ps Pe Pi Pf Po", "punct": "Pc Pd Ps Pe Pi Pf Po", "Pc": "Pc",
    "Connector_Punctuation": "Pc", "Pd": "Pd", "Dash_Punctuation": "Pd", "Pe": "Pe",
    "Close_Punctuation": "Pe", "Pf": "Pf", "Final_Punctuation": "Pf", "Pi": "Pi",
    "Initial_Punctuation": "Pi", "Po": "Po", "Other_Punctuation": "Po", "Ps": "Ps",
    "Open_Punctuation": "Ps", "S": "Sm Sc Sk So", "Symbol": "Sm Sc Sk So", "Sc": "Sc",
    "Currency_Symbol": "Sc", "Sk": "Sk", "Modifier_Symbol": "Sk", "Sm": "Sm", "Math_Symbol": "Sm",
    "So": "So", "Other_Symbol": "So", "Z": "Zs Zl Zp", "Separator": "Zs Zl Zp", "Zl": "Zl",
    "Line_Separator": "Zl", "Zp": "Zp", "Paragraph_Separator": "Zp", "Zs": "Zs",
    "Space_Separator": "Zs",
}
# Binary properties V8 accepts: named in the "unsupported" error rather than called invalid.
_BINARY_PROPS = frozenset("""Alphabetic Alpha ASCII_Hex_Digit AHex Bidi_Control Bidi_C Bidi_Mirrored Bidi_M
Case_Ignorable CI Cased Changes_When_Casefolded CWCF Changes_When_Casemapped CWCM Changes_When_Lowercased
CWL Changes_When_NFKC_Casefolded CWKCF Changes_When_Titlecased CWT Changes_When_Uppercased CWU Dash
Default_Ignorable_Code_Point DI Deprecated Dep Diacritic Dia Emoji Emoji_Component EComp
Emoji_Modifier_Base EBase Emoji_Modifier EMod Emoji_Presentation EPres Extended_Pictographic ExtPict
Extender Ext Grapheme_Base Gr_Base Grapheme_Extend Gr_Ext Hex_Digit Hex ID_Continue IDC ID_Start IDS
Ideographic Ideo IDS_Binary_Operator IDSB IDS_Trinary_Operator IDST Join_Control Join_C
Logical_Order_Exception LOE Lowercase Lower Math Noncharacter_Code_Point NChar Pattern_Syntax Pat_Syn
Pattern_White_Space Pat_WS Quotation_Mark QMark Radical Regional_Indicator RI Sentence_Terminal STerm
Soft_Dotted SD Terminal_Punctuation Term Unified_Ideograph UIdeo Uppercase Upper Variation_Selector VS
White_Space space XID_Continue XIDC XID_Start XIDS""".split())  # noqa: SIM905 - a word list
# Script ranges (hex, inclusive), generated from node 20's ICU (Unicode 17): unicodedata has no
# Script property.  Only these scripts are supported.
_SCRIPTS = {
    ("Latin", "Latn"): """41-5A 61-7A AA BA C0-D6 D8-F6 F8-2B8 2E0-2E4 1D00-1D25 1D2C-1D5C 1D62-1D65
        1D6B-1D77 1D79-1DBE 1E00-1EFF 2071 207F 2090-209C 212A-212B 2132 214E 2160-2188 2C60-2C7F
        A722-A787 A78B-A7DC A7F1-A7FF AB30-AB5A AB5C-AB64 AB66-AB69 FB00-FB06 FF21-FF3A FF41-FF5A
        10780-10785 10787-107B0 107B2-107BA 1DF00-1DF1E 1DF25-1DF2A""",
    ("Greek", "Grek"): """370-373 375-377 37A-37D 37F 384 386 388-38A 38C 38E-3A1 3A3-3E1 3F0-3FF
        1D26-1D2A 1D5D-1D61 1D66-1D6A 1DBF 1F00-1F15 1F18-1F1D 1F20-1F45 1F48-1F4D 1F50-1F57 1F59
        1F5B 1F5D 1F5F-1F7D 1F80-1FB4 1FB6-1FC4 1FC6-1FD3 1FD6-1FDB 1FDD-1FEF 1FF2-1FF4 1FF6-1FFE
        2126 AB65 10140-1018E 101A0 1D200-1D245""",
    ("Cyrillic", "Cyrl"): """400-484 487-52F 1C80-1C8A 1D2B 1D78 2DE0-2DFF A640-A69F FE2E-FE2F
        1E030-1E06D 1E08F""",
    ("Han", "Hani"): """2E80-2E99 2E9B-2EF3 2F00-2FD5 3005 3007 3021-3029 3038-303B 3400-4DBF
        4E00-9FFF F900-FA6D FA70-FAD9 16FE2-16FE3 16FF0-16FF6 20000-2A6DF 2A700-2B81D 2B820-2CEAD
        2CEB0-2EBE0 2EBF0-2EE5D 2F800-2FA1D 30000-3134A 31350-33479""",
}


def _script_ranges(name: str):
    for names, text in _SCRIPTS.items():
        if name in names:
            out = []
            for item in text.split():
                lo, _, hi = item.partition("-")
                out.append((int(lo, 16), int(hi or lo, 16)))
            return out
    return None


def _complement(ranges):
    out, nxt = [], 0
    for lo, hi in sorted(ranges):
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = max(nxt, hi + 1)
    if nxt <= 0x10FFFF:
        out.append((nxt, 0x10FFFF))
    return out


_DIGIT = [(0x30, 0x39)]
_WORD = [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]
_WORD_IU = _WORD + [(0x17F, 0x17F), (0x212A, 0x212A)]   # chars whose u-canonical form is a word char
_SPACE = [(ord(c), ord(c)) for c in _WHITE]


class CharSet:
    """A set of characters (code units, or code points under u) as the matcher sees it:
    ranges plus General_Category tests, optional negation, and — under i — the spec's
    rule that a character matches when any character of its case-equivalence class is
    in the set.  ``low`` answers for characters below 256 with one index."""

    __slots__ = ("cats", "eq", "his", "los", "low", "negate")

    def __init__(self, ranges, cats=(), negate=False, eq=None):
        merged = []
        for lo, hi in sorted(ranges):
            if merged and lo <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        self.los = [r[0] for r in merged]
        self.his = [r[1] for r in merged]
        self.cats = tuple(cats)          # (frozenset of categories, negated) pairs
        self.negate = negate
        self.eq = eq
        self.low = bytes(self.matches(c) for c in range(256))

    def _raw(self, c: int) -> bool:
        i = bisect_right(self.los, c) - 1
        if i >= 0 and c <= self.his[i]:
            return True
        for cats, neg in self.cats:
            if (unicodedata.category(chr(c)) in cats) != neg:
                return True
        return False

    def matches(self, c: int) -> bool:
        """Membership of any character (the VM looks up ``low`` first when c < 256)."""
        alts = self.eq.get(c) if self.eq is not None else None
        hit = any(self._raw(a) for a in alts) if alts else self._raw(c)
        return hit != self.negate

    def members(self, limit: int):
        """The characters in the set (case-closed), or None if more than *limit* or not finite."""
        if self.negate or self.cats or sum(h - lo + 1 for lo, h in zip(self.los, self.his)) > limit:
            return None
        out = set()
        for lo, hi in zip(self.los, self.his):
            for c in range(lo, hi + 1):
                out.update(self.eq.get(c, (c,)) if self.eq is not None else (c,))
        return out if len(out) <= limit else None


_DOT = CharSet(_complement([(ord(x), ord(x)) for x in LINE_TERMINATORS]))
_DOT_ALL = CharSet([(0, 0x10FFFF)])


# --------------------------------------------------------------------------------------
# Parser (mirrors V8's regexp-parser.cc, so errors and Annex B leniency match node)
# --------------------------------------------------------------------------------------
# AST nodes are tuples:
#   ("char", cp)  ("set", CharSet)  ("seq", [nodes])  ("alt", [nodes])  ("cap", index, node)
#   ("look", behind, negative, node)  ("rep", min, max, greedy, node)  ("bref", index)
#   ("nref", name)  ("assert", kind)  with kind in bol eol bolm eolm wb nwb

class _Open:
    """One open parenthesis (or the whole pattern) while parsing: its alternatives so far."""

    __slots__ = ("alts", "behind", "index", "kind", "name", "negative", "terms")

    def __init__(self, kind, index=0, name=None, behind=False, negative=False):
        self.kind, self.index, self.name = kind, index, name
        self.behind, self.negative = behind, negative
        self.alts, self.terms = [], []

    def node(self):
        alts = self.alts + [self.terms]
        nodes = [t[0] if len(t) == 1 else ("seq", t) for t in alts]
        return nodes[0] if len(nodes) == 1 else ("alt", nodes)


def _is_syntax_char(c):
    return c >= 0 and chr(c) in "^$\\.*+?()[]{}|/"


def _hexval(c):
    if 0x30 <= c <= 0x39:
        return c - 0x30
    if 0x61 <= c <= 0x66 or 0x41 <= c <= 0x46:
        return (c | 0x20) - 0x61 + 10
    return -1


def _id_start(c):
    return c in (0x24, 0x5F) or (0 <= c <= 0x10FFFF and not 0xD800 <= c <= 0xDFFF and chr(c).isidentifier())


def _id_part(c):
    return c in (0x24, 0x200C, 0x200D) or (0 <= c <= 0x10FFFF and not 0xD800 <= c <= 0xDFFF
                                            and ("a" + chr(c)).isidentifier())


def _utf16(cp):
    if cp < 0x10000:
        return chr(cp)
    cp -= 0x10000
    return chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF))


class _Parser:
    def __init__(self, src: str, flags: str):
        self.src, self.n = src, len(src)
        self.flags = "".join(f for f in _FLAGS if f in flags)
        self.u, self.icase = "u" in flags, "i" in flags
        self.multiline, self.dotall = "m" in flags, "s" in flags
        self.force_u = False              # group names read surrogate pairs even without u
        self.captures = 0                 # captures started so far
        self.names = {}
        self.has_named = False
        self.grouped = False              # any parenthesis seen (V8's atom fast path needs none)
        self.bare_look = None             # the lookaround just closed, if that was the last atom
        self.scanned = None               # capture count once the whole pattern was scanned
        self.nrefs = []
        self.eq = _case_tables(self.u)[1] if self.icase else None
        self.reset(0)

    # -- cursor ------------------------------------------------------------------------
    def read(self, i):
        if i >= self.n:
            return END, 0
        c = ord(self.src[i])
        if (self.u or self.force_u) and 0xD800 <= c <= 0xDBFF and i + 1 < self.n:
            d = ord(self.src[i + 1])
            if 0xDC00 <= d <= 0xDFFF:
                return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00), 2
        return c, 1

    def reset(self, i):
        self.i = i
        self.cur, self.w = self.read(i)

    def adv(self, k=1):
        for _ in range(k):
            self.reset(self.i + self.w if self.cur != END else self.i)

    def nxt(self):
        return self.read(self.i + self.w)[0] if self.cur != END else END

    def error(self, msg):
        raise RegExpError(f"Invalid regular expression: /{self.src}/{self.flags}: {msg}")

    # -- pattern -------------------------------------------------------------------------
    def parse(self):
        stack = []
        st = _Open("top")
        while True:
            c = self.cur
            if c == END:
                if stack:
                    self.error("Unterminated group")
                node = st.node()
                self.resolve_named_refs()
                return node
            ch = chr(c)
            if ch == ")":
                if not stack:
                    self.error("Unmatched ')'")
                self.adv()
                body = st.node()
                if st.kind == "cap":
                    if st.name is not None:
                        if st.name in self.names:
                            self.error("Duplicate capture group name")
                        self.names[st.name] = st.index
                    atom = ("cap", st.index, body)
                elif st.kind == "group":
                    atom = body
                else:
                    atom = ("look", st.behind, st.negative, body)
                # Only a lookaround itself (not a group around one) refuses a quantifier.
                self.bare_look = atom if st.kind == "look" else None
                st = stack.pop()
                st.terms.append(atom)
            elif ch == "|":
                self.adv()
                st.alts.append(st.terms)
                st.terms = []
                continue
            elif ch in "*+?":
                self.error("Nothing to repeat")
            elif ch == "^":
                self.adv()
                st.terms.append(("assert", "bolm" if self.multiline else "bol"))
                continue
            elif ch == "$":
                self.adv()
                st.terms.append(("assert", "eolm" if self.multiline else "eol"))
                continue
            elif ch == ".":
                self.adv()
                st.terms.append(("set", _DOT_ALL if self.dotall else _DOT))
            elif ch == "(":
                stack.append(st)
                if len(stack) > MAX_NESTING:
                    self.error(f"unsupported: groups nested more than {MAX_NESTING} deep")
                st = self.open_paren()
                continue
            elif ch == "[":
                st.terms.append(self.parse_class())
            elif ch == "\\":
                atom = self.atom_escape()
                if atom[0] == "assert":   # \b or \B: not quantifiable
                    st.terms.append(atom)
                    continue
                st.terms.append(atom)
            elif ch == "{" and self.interval() is not None:
                self.error("Nothing to repeat")
            elif ch in "{}]" and self.u:
                self.error("Lone quantifier brackets")
            else:
                self.adv()
                st.terms.append(("char", c))
            self.quantifier(st)

    def quantifier(self, st):
        ch = chr(self.cur) if self.cur != END else ""
        if ch == "*":
            lo, hi = 0, INF
        elif ch == "+":
            lo, hi = 1, INF
        elif ch == "?":
            lo, hi = 0, 1
        elif ch == "{":
            r = self.interval(consume=True)
            if r is None:
                if self.u:
                    self.error("Incomplete quantifier")
                return
            lo, hi = r
            if hi < lo:
                self.error("numbers out of order in {} quantifier")
        else:
            return
        if ch != "{":
            self.adv()
        greedy = True
        if self.cur == 0x3F:
            greedy = False
            self.adv()
        atom = st.terms.pop()
        if atom is self.bare_look and (self.u or atom[1]):
            self.error("Invalid quantifier")
        if _zero_width(atom):
            # V8: an atom that can only match empty is dropped under min 0, else kept once.
            if lo > 0:
                st.terms.append(atom)
            return
        st.terms.append(("rep", lo, hi, greedy, atom))

    def interval(self, consume=False):
        """{n}, {n,}, {n,m} at the cursor: (min, max), or None (cursor unmoved)."""
        start = self.i
        self.adv()

        def digits():
            v = 0
            while 0x30 <= self.cur <= 0x39:
                v = min(INF, v * 10 + self.cur - 0x30)
                self.adv()
            return v

        if not 0x30 <= self.cur <= 0x39:
            self.reset(start)
            return None
        lo = digits()
        if self.cur == 0x7D:
            hi = lo
        elif self.cur == 0x2C:
            self.adv()
            if self.cur == 0x7D:
                hi = INF
            elif 0x30 <= self.cur <= 0x39:
                hi = digits()
                if self.cur != 0x7D:
                    self.reset(start)
                    return None
            else:
                self.reset(start)
                return None
        else:
            self.reset(start)
            return None
        self.adv()
        if not consume:
            self.reset(start)
        return lo, hi

    def open_paren(self):
        self.grouped = True
        self.adv()
        kind, name, behind, negative = "cap", None, False, False
        if self.cur == 0x3F:  # ?
            n = self.nxt()
            if n == 0x3A:
                self.adv(2)
                kind = "group"
            elif n in (0x3D, 0x21):
                self.adv(2)
                kind, negative = "look", n == 0x21
            elif n == 0x3C:
                self.adv()
                n = self.nxt()
                if n in (0x3D, 0x21):
                    self.adv(2)
                    kind, behind, negative = "look", True, n == 0x21
                else:
                    self.has_named = True
                    self.adv()
                    name = ""
            else:
                self.error("Invalid group")
        if kind != "cap":
            return _Open(kind, behind=behind, negative=negative)
        if self.captures >= MAX_CAPTURES:
            self.error("Too many captures")
        self.captures += 1
        if name is not None:
            name = self.group_name()
        return _Open("cap", self.captures, name)

    def group_name(self):
        """RegExpIdentifierName up to '>' (always read as if u were set)."""
        self.force_u = True
        self.reset(self.i)
        out = []
        try:
            while True:
                c = self.cur
                if c == 0x5C and self.nxt() == 0x75:  # \u
                    self.adv(2)
                    c = self.unicode_escape()
                    if c is None:
                        self.error("Invalid Unicode escape")
                else:
                    self.adv()
                if c == 0x5C:
                    self.error("Invalid capture group name")
                if not out:
                    if not _id_start(c):
                        self.error("Invalid capture group name")
                elif c == 0x3E:
                    break
                elif not _id_part(c):
                    self.error("Invalid capture group name")
                out.append(_utf16(c))
        finally:
            self.force_u = False
            self.reset(self.i)
        return "".join(out)

    # -- escapes -------------------------------------------------------------------------
    def atom_escape(self):
        n = self.nxt()
        if n == END:
            self.error("\\ at end of pattern")
        ch = chr(n)
        if "1" <= ch <= "9":
            start = self.i
            index = self.backref_index()
            if index is not None:
                return ("bref", index)
            if self.u:
                self.error("Invalid escape")
            self.reset(start)
            if ch in "89":
                self.adv(2)
                return ("char", n)
            self.adv()
            return ("char", self.octal())
        if ch == "0":
            self.adv()
            if self.u and 0x30 <= self.nxt() <= 0x39:
                self.error("Invalid decimal escape")
            return ("char", self.octal())
        if ch in "bB":
            self.adv(2)
            return ("assert", "wb" if ch == "b" else "nwb")
        if ch in "dDsSwWpP":
            cls = self.class_escape(n, in_class=False)
            if cls is not None:
                return ("set", CharSet(cls[0], cls[1], False, self.eq))
            self.adv(2)
            return ("char", n)
        if ch == "k" and (self.u or self.named_captures_ahead(in_class=False)):
            self.adv(2)
            if self.cur != 0x3C:
                self.error("Invalid named reference")
            self.adv()
            name = self.group_name()
            self.nrefs.append(name)
            return ("nref", name)
        return ("char", self.char_escape(in_class=False))

    def backref_index(self):
        """\\N at the cursor that names an existing group: its index (cursor after it)."""
        start = self.i
        self.adv()
        value = 0
        while 0x30 <= self.cur <= 0x39:
            value = value * 10 + self.cur - 0x30
            if value > MAX_CAPTURES:
                self.reset(start)
                return None
            self.adv()
        if value > self.captures:
            if self.scanned is None:
                self.scan_captures(in_class=False)
            if value > self.scanned:
                self.reset(start)
                return None
        return value

    def named_captures_ahead(self, in_class):
        if self.has_named or self.scanned is not None:
            return self.has_named
        self.scan_captures(in_class)
        return self.has_named

    def scan_captures(self, in_class):
        """V8's ScanForCaptures: count the capturing groups from the cursor on."""
        saved = self.i
        count = self.captures
        src, n, i = self.src, self.n, self.i
        if in_class:
            while i < n:
                c = src[i]
                i += 2 if c == "\\" else 1
                if c == "]":
                    break
        while i < n:
            c = src[i]
            i += 1
            if c == "\\":
                i += 1
            elif c == "[":
                depth = 0
                while i < n:
                    d = src[i]
                    i += 1
                    if d == "\\":
                        i += 1
                    elif d == "[":
                        depth += 1
                    elif d == "]":
                        if depth == 0:
                            break
                        depth -= 1
            elif c == "(":
                if i < n and src[i] == "?":
                    i += 1
                    if i >= n or src[i] != "<":
                        continue
                    i += 1
                    if i < n and src[i] in "=!":
                        continue
                    self.has_named = True
                count += 1
        self.scanned = count
        self.reset(saved)

    def octal(self):
        """LegacyOctalEscapeSequence at the cursor (a digit 0-7): up to three digits, below 256."""
        v = self.cur - 0x30
        self.adv()
        if 0x30 <= self.cur <= 0x37:
            v = v * 8 + self.cur - 0x30
            self.adv()
            if v < 32 and 0x30 <= self.cur <= 0x37:
                v = v * 8 + self.cur - 0x30
                self.adv()
        return v

    def hex_digits(self, count):
        start, v = self.i, 0
        for _ in range(count):
            d = _hexval(self.cur)
            if d < 0:
                self.reset(start)
                return None
            v = v * 16 + d
            self.adv()
        return v

    def unicode_escape(self):
        """After \\u: XXXX, a XXXX\\uXXXX surrogate pair (u), or {X…} (u): the code point or None."""
        unicode = self.u or self.force_u
        if self.cur == 0x7B and unicode:
            start = self.i
            self.adv()
            v, ok = 0, _hexval(self.cur) >= 0
            while ok and _hexval(self.cur) >= 0:
                v = v * 16 + _hexval(self.cur)
                ok = v <= 0x10FFFF
                self.adv()
            if ok and self.cur == 0x7D:
                self.adv()
                return v
            self.reset(start)
            return None
        v = self.hex_digits(4)
        if v is not None and unicode and 0xD800 <= v <= 0xDBFF and self.cur == 0x5C:
            start = self.i
            if self.nxt() == 0x75:
                self.adv(2)
                t = self.hex_digits(4)
                if t is not None and 0xDC00 <= t <= 0xDFFF:
                    return 0x10000 + ((v - 0xD800) << 10) + (t - 0xDC00)
            self.reset(start)
        return v

    def char_escape(self, in_class):
        """CharacterEscape after a backslash at the cursor: the character's value."""
        self.adv()
        c = self.cur
        ch = chr(c) if c != END else ""
        simple = {"f": 12, "n": 10, "r": 13, "t": 9, "v": 11}
        if ch in simple:
            self.adv()
            return simple[ch]
        if ch == "c":
            n = self.nxt()
            if 0x41 <= (n & ~0x20) <= 0x5A and n != END:
                self.adv(2)
                return n & 0x1F
            if self.u:
                self.error("Invalid Unicode escape")
            if in_class and (0x30 <= n <= 0x39 or n == 0x5F):
                self.adv(2)
                return n & 0x1F
            return 0x5C   # the backslash is a literal; "c" is read next
        if ch == "0" and not 0x30 <= self.nxt() <= 0x39:
            self.adv()
            return 0
        if ch and "0" <= ch <= "7":
            if self.u:
                self.error("Invalid class escape")
            return self.octal()
        if ch == "x":
            self.adv()
            v = self.hex_digits(2)
            if v is not None:
                return v
            if self.u:
                self.error("Invalid escape")
            return 0x78
        if ch == "u":
            self.adv()
            v = self.unicode_escape()
            if v is not None:
                return v
            if self.u:
                self.error("Invalid Unicode escape")
            return 0x75
        if self.u:
            if not _is_syntax_char(c):
                self.error("Invalid escape")
            self.adv()
            return c
        self.adv()
        if ch == "k" and self.named_captures_ahead(in_class):
            self.error("Invalid escape")
        return c

    def class_escape(self, n, in_class):
        """\\d \\s \\w (and negations), \\p{…} \\P{…} under u: (ranges, cats), or None."""
        ch = chr(n)
        if ch in "dDsSwW":
            base = {"d": _DIGIT, "s": _SPACE, "w": _WORD_IU if (self.u and self.icase) else _WORD}[ch.lower()]
            self.adv(2)
            return (_complement(base) if ch.isupper() else base), ()
        if ch in "pP" and self.u:
            self.adv(2)
            return self.property(negate=ch == "P", in_class=in_class)
        return None

    def property(self, negate, in_class):
        bad = "Invalid property name in character class" if in_class else "Invalid property name"
        if self.cur != 0x7B:
            self.error(bad)
        names, part = ["", None], 0
        self.adv()
        while self.cur != 0x7D:
            c = self.cur
            if c == 0x3D and part == 0:
                part, names[1] = 1, ""
            elif c == END or not (chr(c).isascii() and (chr(c).isalnum() or c == 0x5F)) or self.nxt() == END:
                self.error(bad)
            else:
                names[part] += chr(c)
            self.adv()
        self.adv()
        name, value = names
        text = "\\" + ("P" if negate else "p") + "{" + name + ("" if value is None else "=" + value) + "}"
        cats = ranges = None
        if value is None:
            if name in _GC:
                cats = _GC[name]
            elif name == "Any":
                ranges = [(0, 0x10FFFF)]
            elif name == "ASCII":
                ranges = [(0, 0x7F)]
            elif name == "Assigned":
                cats, negate = "Cn", not negate
            elif name in _BINARY_PROPS:
                self.error(f"unsupported: {text}")
            else:
                self.error(bad)
        elif name in ("General_Category", "gc"):
            if value not in _GC:
                self.error(bad)
            cats = _GC[value]
        elif name in ("Script", "sc", "Script_Extensions", "scx"):
            ranges = _script_ranges(value) if name in ("Script", "sc") else None
            if ranges is None:
                self.error(f"unsupported: {text}")
        else:
            self.error(bad)
        if cats is not None:
            return [], [(frozenset(cats.split()), negate)]
        return (_complement(ranges) if negate else ranges), []

    # -- character classes ---------------------------------------------------------------
    def parse_class(self):
        self.adv()
        negate = self.cur == 0x5E
        if negate:
            self.adv()
        ranges, cats = [], []
        while self.cur != END and self.cur != 0x5D:
            c1 = self.class_atom(ranges, cats)
            if self.cur == 0x2D:  # -
                self.adv()
                if self.cur == END:
                    break
                if self.cur == 0x5D:
                    if c1 is not None:
                        ranges.append((c1, c1))
                    ranges.append((0x2D, 0x2D))
                    break
                c2 = self.class_atom(ranges, cats)
                if c1 is None or c2 is None:
                    if self.u:
                        self.error("Invalid character class")
                    for c in (c1, 0x2D, c2):
                        if c is not None:
                            ranges.append((c, c))
                    continue
                if c1 > c2:
                    self.error("Range out of order in character class")
                ranges.append((c1, c2))
            elif c1 is not None:
                ranges.append((c1, c1))
        if self.cur == END:
            self.error("Unterminated character class")
        self.adv()
        return ("set", CharSet(ranges, cats, negate, self.eq))

    def class_atom(self, ranges, cats):
        """One ClassAtom: its character, or None after adding a class escape to ranges/cats."""
        c = self.cur
        if c != 0x5C:
            self.adv()
            return c
        n = self.nxt()
        if n == 0x62:          # \b is backspace in a class
            self.adv(2)
            return 8
        if n == 0x2D and self.u:
            self.adv(2)
            return 0x2D
        if n == END:
            self.error("\\ at end of pattern")
        cls = self.class_escape(n, in_class=True)
        if cls is not None:
            ranges.extend(cls[0])
            cats.extend(cls[1])
            return None
        return self.char_escape(in_class=True)

    def resolve_named_refs(self):
        if self.nrefs and not self.names:
            self.error("Invalid named capture referenced")
        for name in self.nrefs:
            if name not in self.names:
                self.error("Invalid named capture referenced")


# --------------------------------------------------------------------------------------
# AST analyses
# --------------------------------------------------------------------------------------

def _zero_width(node) -> bool:
    """True when the node can only ever match the empty string (V8's max_match() == 0)."""
    k = node[0]
    if k in ("look", "assert"):
        return True
    if k in ("seq", "alt"):
        return all(_zero_width(x) for x in node[1])
    if k == "cap":
        return _zero_width(node[2])
    if k == "rep":
        return node[2] == 0 or _zero_width(node[4])
    return False


def _nullable(node) -> bool:
    k = node[0]
    if k in ("char", "set"):
        return False
    if k == "seq":
        return all(_nullable(x) for x in node[1])
    if k == "alt":
        return any(_nullable(x) for x in node[1])
    if k == "cap":
        return _nullable(node[2])
    if k == "rep":
        return node[1] == 0 or _nullable(node[4])
    return True


def _groups(node, out):
    """Collect the capture indices inside node."""
    k = node[0]
    if k in ("seq", "alt"):
        for x in node[1]:
            _groups(x, out)
    elif k == "cap":
        out.append(node[1])
        _groups(node[2], out)
    elif k == "look":
        _groups(node[3], out)
    elif k == "rep":
        _groups(node[4], out)
    return out


def _first_units(node, eq):
    """(set of code units a match can start with or None for 'any', nullable)."""
    k = node[0]
    if k == "char":
        cps = eq.get(node[1], (node[1],)) if eq is not None else (node[1],)
        return {_utf16(c)[0] for c in cps}, False
    if k == "set":
        m = node[1].members(64)
        return (None if m is None else {_utf16(c)[0] for c in m}), False
    if k in ("seq", "alt"):
        acc, any_nullable = set(), False
        for x in node[1]:
            f, nl = _first_units(x, eq)
            if f is None:
                return None, False
            acc |= f
            any_nullable |= nl
            if k == "seq" and not nl:
                return acc, False
        return acc, (k == "seq" or any_nullable)
    if k == "cap":
        return _first_units(node[2], eq)
    if k == "rep":
        if node[2] == 0:
            return set(), True
        f, nl = _first_units(node[4], eq)
        return f, nl or node[1] == 0
    if k in ("bref", "nref"):
        return None, True
    return set(), True      # assertions and lookarounds consume nothing


def _literal_prefix(node, u):
    """(text every match starts with, whether node is exactly that text)."""
    k = node[0]
    if k == "char":
        c = node[1]
        if u and 0xD800 <= c <= 0xDFFF:
            return "", False
        return _utf16(c), True
    if k == "seq":
        out = ""
        for x in node[1]:
            t, whole = _literal_prefix(x, u)
            out += t
            if not whole:
                return out, False
        return out, True
    if k == "cap":
        return _literal_prefix(node[2], u)
    return "", False


def _v8_atom(ast, u, icase, grouped) -> bool:
    """Whether V8 runs this pattern as a plain substring search (regexp.cc): its tree is
    one RegExpAtom (literal characters only, no group; under u an astral character is
    an atom only alone), not ignoring case, and not of so few distinct characters that
    V8 prefers its regexp engine.  That path never backs up into a surrogate pair."""
    chars = [ast] if ast[0] == "char" else ast[1] if ast[0] == "seq" else []
    if icase or grouped or not chars or any(x[0] != "char" for x in chars):
        return False
    cps = [x[1] for x in chars]
    if u and (any(0xD800 <= c <= 0xDFFF for c in cps) or (len(cps) > 1 and max(cps) > 0xFFFF)):
        return False
    head = "".join(_utf16(c) for c in cps)[:8]
    if len(head) <= 2:
        return True
    return len({ord(c) & 127 for c in head}) * 3 > len(head)


def _anchored(node) -> bool:
    k = node[0]
    if k == "assert":
        return node[1] == "bol"
    if k == "seq":
        return bool(node[1]) and _anchored(node[1][0])
    if k == "alt":
        return all(_anchored(x) for x in node[1])
    if k == "cap":
        return _anchored(node[2])
    return False


# --------------------------------------------------------------------------------------
# Compiler: AST -> instruction tuples (op, operands…)
# --------------------------------------------------------------------------------------
# Opcodes.  Consuming instructions come in a fast forward form and a general one
# (backward for lookbehind, or code points under u).
#   CHAR c / STR text / STRB text        literal code units, forward / backward
#   STRI sets / STRIB sets               one frozenset of case variants per code unit (i)
#   SET low cls / SETX low cls u back    one character of a CharSet
#   SPLIT a b                            try a, on failure b;  JMP a
#   SAVE reg                             reg = pos (undo recorded)
#   STAR low cls min max reg u hint      greedy single-character loop: scan ahead, then
#   STARBACK u hint                        give back one character per backtrack (to the
#                                          last `hint` character, the next literal, if any)
#   LSTAR low cls min u / LSTARMORE      lazy single-character loop without maximum
#   REPINIT cnt                          general loop: counter = 0
#   REP greedy min max cnt exit          loop head: iterate, stop, or both (a choice)
#   ITER cnt posr caps_lo caps_hi        new iteration: clear the body's captures, note
#                                          pos for the empty check, count
#   REPEND top min cnt posr              fail an optional iteration that matched empty
#   LOOK reg caps_lo caps_hi fail        lookaround entry: choice point at `fail`
#   LOOKEND reg negative [cont]          body matched: cut the stack back to the entry
#   BREF reg canon u back                backreference (canon: case table under i)
#   ASSERT kind words                    ^ $ (m) \b \B
#   FAIL / MATCH
(CHAR, STR, STRB, STRI, STRIB, SET, SETX, SPLIT, JMP, SAVE, STAR, STARBACK, LSTAR, LSTARMORE,
 REPINIT, REP, ITER, REPEND, LOOK, LOOKEND, BREF, ASSERT, FAIL, MATCH) = range(24)


class _Compiler:
    def __init__(self, u, icase, ngroups, names):
        self.u, self.icase = u, icase
        self.canon, self.eq = _case_tables(u) if icase else (None, None)
        self.names = names
        self.code = []
        self.nregs = 2 * (ngroups + 1)
        # The characters \b counts as word characters (u+i adds the two that fold into \w).
        self.words = frozenset(chr(c) for lo, hi in (_WORD_IU if u and icase else _WORD)
                               for c in range(lo, hi + 1))

    def reg(self):
        self.nregs += 1
        return self.nregs - 1

    def emit(self, *ins):
        self.code.append(ins)
        return len(self.code) - 1

    def patch(self, at, *ins):
        self.code[at] = ins

    def node(self, nd, fwd, after=None):
        k = nd[0]
        if k in ("char", "set"):
            self.seq([nd], fwd)
        elif k == "seq":
            self.seq(nd[1], fwd)
        elif k == "alt":
            self.alt(nd[1], fwd)
        elif k == "cap":
            a, b = 2 * nd[1], 2 * nd[1] + 1
            self.emit(SAVE, a if fwd else b)
            self.node(nd[2], fwd)
            self.emit(SAVE, b if fwd else a)
        elif k == "look":
            self.look(nd)
        elif k == "rep":
            self.rep(nd, fwd, after)
        elif k in ("bref", "nref"):
            g = nd[1] if k == "bref" else self.names[nd[1]]
            self.emit(BREF, 2 * g, self.canon if self.icase else None, self.u, not fwd)
        elif k == "assert":
            self.emit(ASSERT, nd[1], self.words)
        else:  # pragma: no cover - the parser makes no other node
            raise AssertionError(k)

    # -- literals and sequences ----------------------------------------------------------
    def char_set(self, cp):
        return CharSet([(cp, cp)], (), False, self.eq)

    def seq(self, nodes, fwd):
        order = list(nodes) if fwd else list(reversed(nodes))
        run = []   # pending literal items: strings (exact) or frozensets (case-insensitive unit)
        for i, nd in enumerate(order):
            if nd[0] == "char":
                unit = self.literal_units(nd[1])
                if unit is not None:
                    run.extend(unit if fwd else reversed(unit))
                    continue
                nd = ("set", self.char_set(nd[1]))
            self.flush(run, fwd)
            run = []
            if nd[0] == "set":
                cls = nd[1]
                if fwd and not self.u:
                    self.emit(SET, cls.low, cls)
                else:
                    self.emit(SETX, cls.low, cls, self.u, not fwd)
            else:
                nxt = order[i + 1] if i + 1 < len(order) else None
                self.node(nd, fwd, after=nxt)
        self.flush(run, fwd)

    def literal_units(self, cp):
        """A character as literal items per code unit, or None when it needs a CharSet
        (a lone surrogate under u, or a case class that leaves the BMP)."""
        if self.u and 0xD800 <= cp <= 0xDFFF:
            return None
        if not self.icase:
            return list(_utf16(cp))
        alts = self.eq.get(cp, (cp,))
        if len(alts) == 1:
            return list(_utf16(cp))
        if self.u and any(a > 0xFFFF or 0xD800 <= a <= 0xDFFF for a in alts):
            return None
        return [frozenset(chr(a) for a in alts)]

    def flush(self, run, fwd):
        if not run:
            return
        items = run if fwd else list(reversed(run))
        if all(isinstance(x, str) for x in items):
            text = "".join(items)
            if fwd and len(text) == 1:
                self.emit(CHAR, text)
            else:
                self.emit(STR if fwd else STRB, text)
        else:
            sets = tuple(frozenset((x,)) if isinstance(x, str) else x for x in items)
            self.emit(STRI if fwd else STRIB, sets)

    # -- alternation, repetition, lookaround ---------------------------------------------
    def alt(self, nodes, fwd):
        jumps = []
        for i, nd in enumerate(nodes):
            if i < len(nodes) - 1:
                split = self.emit(None)
                self.node(nd, fwd)
                jumps.append(self.emit(None))
                self.patch(split, SPLIT, split + 1, len(self.code))
            else:
                self.node(nd, fwd)
        for j in jumps:
            self.patch(j, JMP, len(self.code))

    def single_char(self, nd):
        """The CharSet of a node matching exactly one character, else None."""
        if nd[0] == "set":
            return nd[1]
        if nd[0] == "char":
            return self.char_set(nd[1])
        return None

    def rep(self, nd, fwd, after):
        _, lo, hi, greedy, body = nd
        if hi == 0:
            return
        if lo == 1 and hi == 1:
            self.node(body, fwd)
            return
        cls = self.single_char(body)
        if cls is not None and fwd and (greedy or hi == INF):
            if greedy:
                hint = None
                if after is not None and after[0] == "char" and not self.icase and not 0xD800 <= after[1] <= 0xDFFF:
                    hint = _utf16(after[1])[0]
                self.emit(STAR, cls.low, cls, lo, hi, self.reg(), self.u, hint)
                self.emit(STARBACK, self.u, hint)
            else:
                self.emit(LSTAR, cls.low, cls, lo, self.u)
                self.emit(LSTARMORE, cls.low, cls, self.u)
            return
        groups = _groups(body, [])
        caps = (2 * min(groups), 2 * max(groups) + 2) if groups else (0, 0)
        cnt = self.reg() if (lo, hi) != (0, INF) else -1
        posr = self.reg() if _nullable(body) else -1
        if cnt < 0 and posr < 0 and not groups:
            # Plain star over a body that always consumes: a split and a jump back.
            top = self.emit(None)
            self.node(body, fwd)
            self.emit(JMP, top)
            exit_ = len(self.code)
            self.patch(top, SPLIT, *((top + 1, exit_) if greedy else (exit_, top + 1)))
            return
        if cnt >= 0:
            self.emit(REPINIT, cnt)
        top = self.emit(None)
        self.emit(ITER, cnt, posr, caps[0], caps[1])
        self.node(body, fwd)
        self.emit(REPEND, top, lo, cnt, posr)
        self.patch(top, REP, greedy, lo, hi, cnt, len(self.code))

    def look(self, nd):
        """Lookahead bodies run forward and lookbehind bodies backward, whatever the
        direction around them."""
        _, behind, negative, body = nd
        groups = _groups(body, [])
        caps = (2 * min(groups), 2 * max(groups) + 2) if groups else (0, 0)
        reg = self.reg()
        enter = self.emit(None)
        self.node(body, not behind)
        self.emit(LOOKEND, reg, negative)
        if negative:
            self.patch(enter, LOOK, reg, caps[0], caps[1], len(self.code))
        else:
            fail = self.emit(FAIL)
            self.patch(enter, LOOK, reg, caps[0], caps[1], fail)
            self.patch(fail - 1, LOOKEND, reg, negative, fail + 1)


# --------------------------------------------------------------------------------------
# Program
# --------------------------------------------------------------------------------------

class Program:
    """A compiled pattern: immutable, shareable between calls and strings."""

    __slots__ = ("anchored", "atom", "code", "first", "flags", "names", "ngroups", "nregs", "prefix",
                 "source", "unicode")

    def __init__(self, source, flags, ngroups, names, code, nregs, unicode, prefix, first, anchored, atom):
        self.source, self.flags = source, flags
        self.ngroups, self.names = ngroups, names
        self.code, self.nregs, self.unicode = code, nregs, unicode
        self.prefix = prefix          # literal text every match starts with ("" if none)
        self.first = first            # frozenset of possible first code units, or None
        self.anchored = anchored      # every match starts at index 0
        self.atom = atom              # V8 would search it as a plain substring

    def __repr__(self):
        return f"<regexp /{self.source}/{self.flags}>"


@lru_cache(maxsize=256)
def compile(source: str, flags: str) -> Program:
    """Validate flags, parse and compile.  Raises RegExpError (V8's message) on bad input.
    Programs are cached by (source, flags): they are immutable (callers must not mutate
    ``names``)."""
    if any(f not in _FLAGS for f in flags) or len(set(flags)) != len(flags):
        raise RegExpError(f"Invalid flags supplied to RegExp constructor '{flags}'")
    p = _Parser(source, flags)
    if "v" in flags:
        p.error("unsupported: the v (unicodeSets) flag")
    ast = p.parse()
    c = _Compiler(p.u, p.icase, p.captures, p.names)
    c.node(ast, True)
    c.emit(MATCH)
    prefix = _literal_prefix(ast, p.u)[0] if not p.icase else ""
    first, nullable = _first_units(ast, c.eq)
    first = None if (nullable or first is None or len(first) > 32) else frozenset(first)
    return Program(source, p.flags, p.captures, dict(p.names), tuple(c.code), c.nregs, p.u,
                   prefix, first, _anchored(ast), _v8_atom(ast, p.u, p.icase, p.grouped))


def exec_at(prog: Program, s: str, start: int, charge):
    """Match starting exactly at ``start`` (sticky); flat capture list or None."""
    return _run(prog, s, start, charge, True)


def search(prog: Program, s: str, start: int, charge):
    """First match starting at or after ``start``; flat capture list or None."""
    return _run(prog, s, start, charge, False)


def _is_mid_pair(s, i):
    return 0 < i < len(s) and "\udc00" <= s[i] <= "\udfff" and "\ud800" <= s[i - 1] <= "\udbff"


def _read_u(s, p, n):
    """(code point, width) read forward at p < n under u.  Width 0 when p is inside a
    surrogate pair: V8 reads no character there (its lone-surrogate matchers check the
    neighbour), so a match cannot start with half a pair."""
    c = ord(s[p])
    if 0xD800 <= c <= 0xDBFF:
        if p + 1 < n and 0xDC00 <= ord(s[p + 1]) <= 0xDFFF:
            return 0x10000 + ((c - 0xD800) << 10) + ord(s[p + 1]) - 0xDC00, 2
    elif 0xDC00 <= c <= 0xDFFF and p > 0 and 0xD800 <= ord(s[p - 1]) <= 0xDBFF:
        return c, 0
    return c, 1


def _read_back_u(s, p, n):
    """As _read_u, reading backward from p > 0."""
    c = ord(s[p - 1])
    if 0xDC00 <= c <= 0xDFFF:
        if p > 1 and 0xD800 <= ord(s[p - 2]) <= 0xDBFF:
            return 0x10000 + ((ord(s[p - 2]) - 0xD800) << 10) + c - 0xDC00, 2
    elif 0xD800 <= c <= 0xDBFF and p < n and 0xDC00 <= ord(s[p]) <= 0xDFFF:
        return c, 0
    return c, 1


def _canon_eq(canon, s, a, b, n):
    """Case-insensitive comparison of s[a:a+n] and s[b:b+n] (code unit by code unit:
    canonical forms never cross the BMP boundary, and surrogates map to themselves)."""
    get = canon.get
    for k in range(n):
        x, y = ord(s[a + k]), ord(s[b + k])
        if x != y and get(x, x) != get(y, y):
            return False
    return True


def _canon_eq_u(canon, s, a, b, n):
    """As _canon_eq, code point by code point (pairs decoded on both sides)."""
    k = 0
    get = canon.get
    while k < n:
        x, y = ord(s[a + k]), ord(s[b + k])
        w = 1
        if 0xD800 <= x <= 0xDBFF and k + 1 < n and 0xDC00 <= ord(s[a + k + 1]) <= 0xDFFF:
            x = 0x10000 + ((x - 0xD800) << 10) + ord(s[a + k + 1]) - 0xDC00
            w = 2
        if 0xD800 <= y <= 0xDBFF and k + 1 < n and 0xDC00 <= ord(s[b + k + 1]) <= 0xDFFF:
            y = 0x10000 + ((y - 0xD800) << 10) + ord(s[b + k + 1]) - 0xDC00
        elif w == 2:
            return False
        if x != y and get(x, x) != get(y, y):
            return False
        k += w
    return True


def _run(prog, s, start, charge, sticky):
    """The VM: tries positions from ``start`` (just ``start`` when sticky).

    The backtrack stack holds pairs of ints, flat: (pc, pos) choice points and
    (~reg, old value) undo records; failing pops undo records until a choice point
    resumes.  Lookarounds cut the stack back to their entry height when they succeed
    (they are atomic)."""
    n = len(s)
    u = prog.unicode
    if start > n or start < 0:
        return None
    code = prog.code
    ncap = 2 * prog.ngroups + 2
    regs0 = [-1] * prog.nregs
    prefix, first = prog.prefix, prog.first
    fuel = CHUNK
    result = None
    # Under u, a start inside a surrogate pair is first tried from the pair's start, as
    # V8 does (except on its plain-substring search path for literal-only patterns).
    at = start - 1 if u and _is_mid_pair(s, start) and (sticky or not prog.atom) else start
    while True:
        # -- choose where to try next (search only) --------------------------------------
        if not sticky:
            if prefix:
                p = s.find(prefix, at)
                if p < 0:
                    fuel -= ((n - at) >> 4) + 1
                    break
                fuel -= ((p - at) >> 4) + 1
                at = p
            elif first is not None:
                p = at
                while p < n and s[p] not in first:
                    p += 1
                fuel -= ((p - at) >> 4) + 1
                if p >= n:
                    break
                at = p
        regs = regs0[:]
        regs[0] = at
        stk = []
        push, pop = stk.append, stk.pop
        pc = 0
        pos = at
        while True:
            fuel -= 1
            if fuel <= 0:
                charge(CHUNK - fuel)
                fuel = CHUNK
                if len(stk) > STACK_LIMIT:
                    raise RegExpStackOverflow("Maximum call stack size exceeded")
            ins = code[pc]
            op = ins[0]
            if op == SET:
                if pos < n:
                    c = ord(s[pos])
                    if ins[1][c] if c < 256 else ins[2].matches(c):
                        pos += 1
                        pc += 1
                        continue
            elif op == CHAR:
                if pos < n and s[pos] == ins[1]:
                    pos += 1
                    pc += 1
                    continue
            elif op == STR:
                if s.startswith(ins[1], pos):
                    pos += len(ins[1])
                    pc += 1
                    continue
            elif op == SPLIT:
                push(ins[2])
                push(pos)
                pc = ins[1]
                continue
            elif op == JMP:
                pc = ins[1]
                continue
            elif op == SAVE:
                r = ins[1]
                push(~r)
                push(regs[r])
                regs[r] = pos
                pc += 1
                continue
            elif op == STAR:
                _, low, cls, lo, hi, reg, uu, hint = ins
                e, cnt = pos, 0
                minpos = pos if lo == 0 else -1
                while cnt < hi and e < n:
                    if uu:
                        c, w = _read_u(s, e, n)
                    else:
                        c, w = ord(s[e]), 1
                    if not w or not (low[c] if c < 256 else cls.matches(c)):
                        break
                    e += w
                    cnt += 1
                    if cnt == lo:
                        minpos = e
                fuel -= cnt
                if cnt >= lo:
                    if hint is not None:
                        e = s.rfind(hint, minpos, e + 1)
                    if e >= minpos:
                        if e > minpos:
                            push(~reg)
                            push(regs[reg])
                            regs[reg] = minpos
                            push(pc + 1)
                            push(e)
                        pos = e
                        pc += 2
                        continue
            elif op == STARBACK:
                # Entered by backtracking with pos = the last end tried: give back one char.
                minpos = regs[code[pc - 1][5]]
                e = pos - 1
                if ins[1] and e > minpos and 0xDC00 <= ord(s[e]) <= 0xDFFF and 0xD800 <= ord(s[e - 1]) <= 0xDBFF:
                    e -= 1
                if ins[2] is not None:
                    e2 = s.rfind(ins[2], minpos, e + 1)
                    fuel -= (e - e2) >> 4 if e2 >= 0 else (e - minpos) >> 4
                    e = e2
                if e >= minpos:
                    if e > minpos:
                        push(pc)
                        push(e)
                    pos = e
                    pc += 1
                    continue
            elif op == REP:
                _, greedy, lo, hi, cnt, exit_ = ins
                c = regs[cnt] if cnt >= 0 else 0
                if c >= hi:
                    pc = exit_
                elif c < lo:
                    pc += 1
                elif greedy:
                    push(exit_)
                    push(pos)
                    pc += 1
                else:
                    push(pc + 1)
                    push(pos)
                    pc = exit_
                continue
            elif op == ITER:
                _, cnt, posr, a, b = ins
                for r in range(a, b):
                    if regs[r] != -1:
                        push(~r)
                        push(regs[r])
                        regs[r] = -1
                if posr >= 0:
                    push(~posr)
                    push(regs[posr])
                    regs[posr] = pos
                if cnt >= 0:
                    push(~cnt)
                    push(regs[cnt])
                    regs[cnt] += 1
                pc += 1
                continue
            elif op == REPEND:
                _, top, lo, cnt, posr = ins
                if posr < 0 or pos != regs[posr] or (cnt >= 0 and regs[cnt] <= lo):
                    pc = top
                    continue
            elif op == REPINIT:
                r = ins[1]
                push(~r)
                push(regs[r])
                regs[r] = 0
                pc += 1
                continue
            elif op == MATCH:
                regs[1] = pos
                result = regs[:ncap]
                break
            elif op == LSTAR:
                _, low, cls, lo, uu = ins
                e, cnt = pos, 0
                while cnt < lo and e < n:
                    if uu:
                        c, w = _read_u(s, e, n)
                    else:
                        c, w = ord(s[e]), 1
                    if not w or not (low[c] if c < 256 else cls.matches(c)):
                        break
                    e += w
                    cnt += 1
                fuel -= cnt
                if cnt == lo:
                    push(pc + 1)
                    push(e)
                    pos = e
                    pc += 2
                    continue
            elif op == LSTARMORE:
                _, low, cls, uu = ins
                if pos < n:
                    if uu:
                        c, w = _read_u(s, pos, n)
                    else:
                        c, w = ord(s[pos]), 1
                    if w and (low[c] if c < 256 else cls.matches(c)):
                        pos += w
                        push(pc)
                        push(pos)
                        pc += 1
                        continue
            elif op == SETX:
                _, low, cls, uu, back = ins
                if back:
                    if pos > 0:
                        if uu:
                            c, w = _read_back_u(s, pos, n)
                        else:
                            c, w = ord(s[pos - 1]), 1
                        if w and (low[c] if c < 256 else cls.matches(c)):
                            pos -= w
                            pc += 1
                            continue
                elif pos < n:
                    if uu:
                        c, w = _read_u(s, pos, n)
                    else:
                        c, w = ord(s[pos]), 1
                    if w and (low[c] if c < 256 else cls.matches(c)):
                        pos += w
                        pc += 1
                        continue
            elif op == STRI:
                sets = ins[1]
                k = len(sets)
                if pos + k <= n:
                    for j in range(k):
                        if s[pos + j] not in sets[j]:
                            break
                    else:
                        pos += k
                        pc += 1
                        continue
            elif op == STRB:
                t = ins[1]
                if pos >= len(t) and s.startswith(t, pos - len(t)):
                    pos -= len(t)
                    pc += 1
                    continue
            elif op == STRIB:
                sets = ins[1]
                k = len(sets)
                if pos >= k:
                    b = pos - k
                    for j in range(k):
                        if s[b + j] not in sets[j]:
                            break
                    else:
                        pos = b
                        pc += 1
                        continue
            elif op == ASSERT:
                kind = ins[1]
                if kind == "bol":
                    ok = pos == 0
                elif kind == "eol":
                    ok = pos == n
                elif kind == "bolm":
                    ok = pos == 0 or s[pos - 1] in LINE_TERMINATORS
                elif kind == "eolm":
                    ok = pos == n or s[pos] in LINE_TERMINATORS
                else:
                    words = ins[2]
                    a = pos > 0 and s[pos - 1] in words
                    b = pos < n and s[pos] in words
                    ok = (a != b) == (kind == "wb")
                if ok:
                    pc += 1
                    continue
            elif op == BREF:
                _, r, canon, uu, back = ins
                a, b = regs[r], regs[r + 1]
                k = b - a if a >= 0 and b >= 0 else 0     # an unset group matches empty
                p = pos - k if back else pos
                if p >= 0 and p + k <= n:
                    if k == 0:
                        ok = True
                    elif canon is None:
                        ok = s.startswith(s[a:b], p)
                    else:
                        ok = (_canon_eq_u if uu else _canon_eq)(canon, s, a, p, k)
                    fuel -= k >> 4
                    # Under u, V8 also refuses to end a backreference inside a surrogate pair.
                    if ok and not (uu and _is_mid_pair(s, p if back else p + k)):
                        pos = p if back else p + k
                        pc += 1
                        continue
            elif op == LOOK:
                _, reg, a, b, fail = ins
                for r in range(a, b):
                    push(~r)
                    push(regs[r])
                push(~reg)
                push(regs[reg])
                push(fail)
                push(pos)
                regs[reg] = len(stk)
                pc += 1
                continue
            elif op == LOOKEND:
                h = regs[ins[1]]
                if not ins[2]:
                    pos = stk[h - 1]
                    del stk[h - 2:]
                    pc = ins[3]
                    continue
                del stk[h - 2:]
            # FAIL, or the instruction did not match: backtrack.
            fuel -= 1
            while stk:
                b = pop()
                a = pop()
                if a >= 0:
                    pc = a
                    pos = b
                    break
                regs[~a] = b
            else:
                break
        if result is not None or at >= n or ((sticky or prog.anchored) and at >= start):
            break
        at += 1   # by code unit even under u, like V8: reads inside a pair fail anyway
    if fuel < CHUNK:
        charge(CHUNK - fuel)
    return result
