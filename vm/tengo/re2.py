"""Go's ``regexp`` (RE2 syntax) for Tengo's ``text`` module, on llmspell's metered matcher.

Input: a Go pattern and Tengo strings (Python ``str`` of code points).  Output: what Go's
``regexp`` answers — ``MatchString``, ``FindAllStringSubmatchIndex`` (offsets in UTF-8
*bytes*, as Go strings count), ``ExpandString`` and ``Split`` — with Go's error messages
for bad patterns (``error parsing regexp: missing closing ): `(```).

Why a translation and not Python's ``re``: a spell must never be able to hang the
sandbox, so every match runs on the backtracking VM of :mod:`llmspell.vm.js.regexp`,
which charges its work to the run's meter.  Go's regexp is leftmost-first (Perl
semantics, not POSIX leftmost-longest), which is exactly what a backtracking matcher
computes, so a pattern parsed here with Go's rules (regexp/syntax/parse.go) and written
out as an equivalent JavaScript ``u``-mode pattern matches the same text:

* ``.`` is ``[^\\n]`` (``[\\s\\S]`` under ``(?s)``); ``\\s`` is ``[\\t\\n\\f\\r ]``; ``\\d``
  and ``\\w`` are ASCII; ``^``/``$`` are text anchors, or line anchors that only know
  ``\\n`` under ``(?m)``; ``(?U)`` swaps greediness; POSIX ``[[:alpha:]]`` classes,
  ``\\pL``/``\\p{Greek}``, ``\\Q...\\E``, ``\\x{10FFFF}``, octal ``\\123`` and named groups
  ``(?P<name>re)`` / ``(?<name>re)`` are understood;
* ``(?i)`` over the whole pattern becomes the engine's ``i`` flag (simple case folding,
  as Go's); a case-insensitive part of a pattern has its literals and small classes
  expanded to their case variants instead (``\\p`` classes there stay case-sensitive);
* what RE2 lacks is refused with Go's own message: backreferences (``\\1``: "invalid
  escape sequence"), lookaround (``(?=``: "invalid or unsupported Perl syntax"),
  ``\\C``; repeat counts above 1000 are "invalid repeat count", as in Go.

Known difference: inside a repeated group, JavaScript forgets the captures of earlier
iterations (``(?:(a)|b)+`` on "ab" leaves group 1 unset) where Go keeps them.
"""
from __future__ import annotations

from functools import lru_cache

from ..js import regexp as engine

__all__ = ["GoRegexp", "RegexpSyntaxError", "RegexpTooComplex", "Subject", "compile_go", "expand", "find_all",
           "match", "simple_fold_key", "split"]

MAX_REPEAT = 1000
MAX_RUNE = 0x10FFFF


class RegexpSyntaxError(Exception):
    """A pattern Go's regexp.Compile refuses; the message is Go's ``err.Error()``."""


class RegexpTooComplex(Exception):
    """The backtracking matcher outgrew its stack (RE2 itself never backtracks)."""


# -- character classes -----------------------------------------------------------------------
_DIGIT = ((0x30, 0x39),)
_SPACE = ((0x09, 0x0A), (0x0C, 0x0D), (0x20, 0x20))
_WORD = ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A))
_PERL = {"d": _DIGIT, "s": _SPACE, "w": _WORD}
_POSIX = {
    "alnum": ((0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)),
    "alpha": ((0x41, 0x5A), (0x61, 0x7A)),
    "ascii": ((0x00, 0x7F),),
    "blank": ((0x09, 0x09), (0x20, 0x20)),
    "cntrl": ((0x00, 0x1F), (0x7F, 0x7F)),
    "digit": _DIGIT,
    "graph": ((0x21, 0x7E),),
    "lower": ((0x61, 0x7A),),
    "print": ((0x20, 0x7E),),
    "punct": ((0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)),
    "space": ((0x09, 0x0D), (0x20, 0x20)),
    "upper": ((0x41, 0x5A),),
    "word": _WORD,
    "xdigit": ((0x30, 0x39), (0x41, 0x46), (0x61, 0x66)),
}
# Go's Unicode general categories (single letters and two-letter ones) and the scripts the
# engine knows; any other \p name Go accepts is refused as unsupported here.
_CATEGORIES = frozenset(("C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me",
                         "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S",
                         "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs"))
_SCRIPTS = frozenset(("Latin", "Greek", "Cyrillic", "Han"))


def _complement(ranges):
    out, nxt = [], 0
    for lo, hi in sorted(ranges):
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = max(nxt, hi + 1)
    if nxt <= MAX_RUNE:
        out.append((nxt, MAX_RUNE))
    return out


def simple_fold_key(c: int) -> int:
    """A representative of c's case-folding orbit (Go's unicode.SimpleFold cycle):
    the simple lower case of its simple upper case."""
    ch = chr(c)
    up = ch.upper()
    if len(up) == 1:
        ch = up
    low = ch.lower()
    return ord(low) if len(low) == 1 else ord(ch)


@lru_cache(maxsize=1)
def _orbits() -> dict:
    """Every character whose case-folding orbit has more than one member -> the orbit."""
    groups: dict[int, list[int]] = {}
    for c in range(0x1F000):
        if 0xD800 <= c <= 0xDFFF:
            continue
        groups.setdefault(simple_fold_key(c), []).append(c)
    return {c: tuple(g) for g in groups.values() if len(g) > 1 for c in g}


def _fold_ranges(ranges, limit=4096):
    """Case-close a range list (Go's appendFoldedRange); ranges larger than *limit*
    characters in total are returned unchanged."""
    if sum(hi - lo + 1 for lo, hi in ranges) > limit:
        return list(ranges)
    orbits = _orbits()
    out = list(ranges)
    for lo, hi in ranges:
        for c in range(lo, hi + 1):
            out.extend((o, o) for o in orbits.get(c, ()))
    return out


def _esc(c: int) -> str:
    return f"\\u{{{c:X}}}"


class _Class:
    """A parsed class: code point ranges plus engine ``\\p{..}``/``\\P{..}`` escapes."""

    __slots__ = ("fold", "negate", "props", "ranges")

    def __init__(self, ranges=(), props=(), negate=False, fold=False):
        self.ranges, self.props, self.negate, self.fold = list(ranges), list(props), negate, fold

    def render(self, expand_fold: bool) -> str:
        ranges = _fold_ranges(self.ranges) if (expand_fold and self.fold) else self.ranges
        body = "".join(_esc(lo) if lo == hi else f"{_esc(lo)}-{_esc(hi)}" for lo, hi in ranges)
        body += "".join(self.props)
        if not body:
            return "[\\s\\S]" if self.negate else "[]"
        return f"[{'^' if self.negate else ''}{body}]"


_ANY = _Class([(0, MAX_RUNE)])
_ANY_BUT_NL = _Class(_complement([(0x0A, 0x0A)]))


def _unicode_prop(name: str, negate: bool) -> str:
    """The engine escape for Go's \\p{name}; Any is every character."""
    if name in _CATEGORIES:
        js = name
    elif name in _SCRIPTS:
        js = f"Script={name}"
    else:
        raise RegexpSyntaxError(f"error parsing regexp: unsupported Unicode class: `\\p{{{name}}}` "
                                "(llmspell knows the general categories and the Latin, Greek, "
                                "Cyrillic and Han scripts)")
    return f"\\{'P' if negate else 'p'}{{{js}}}"


_GO_TABLES = _CATEGORIES | _SCRIPTS | {"Any"} | frozenset(
    # the other scripts Go knows: accepted by Go, so named "unsupported" rather than invalid
    """Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak
    Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian
    Caucasian_Albanian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot
    Cypro_Minoan Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan
    Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Gujarati Gunjala_Gondi Gurmukhi Hangul
    Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inherited
    Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi
    Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Lao Lepcha Limbu Linear_A
    Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen
    Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs
    Miao Modi Mongolian Mro Multani Myanmar Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa
    Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic Old_North_Arabian
    Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage
    Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic
    Samaritan Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng
    Soyombo Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri
    Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi
    Wancho Warang_Citi Yezidi Yi Zanabazar_Square""".split())  # noqa: SIM905 - a word list


# -- the parser (regexp/syntax/parse.go, Perl flags) -------------------------------------------
class _Frame:
    """One open group: the tokens written so far and what a quantifier may apply to."""

    __slots__ = ("can_repeat", "flags", "kind", "last_weight", "tokens", "weight")

    def __init__(self, kind, flags):
        self.kind, self.flags = kind, flags     # kind: group number, "group" or "top"
        self.tokens: list = []
        self.can_repeat = False   # whether the last token is an atom a quantifier may follow
        self.last_weight = 1      # product of the repeat counts nested in that atom
        self.weight = 1           # the largest such product in the group so far


class _Parser:
    def __init__(self, src: str):
        self.src = src
        self.ncap = 0
        self.names: dict[int, str] = {}

    def fail(self, code: str, expr: str):
        raise RegexpSyntaxError(f"error parsing regexp: {code}: `{expr}`")

    def parse(self):
        src, n = self.src, len(self.src)
        flags = frozenset()
        stack = [_Frame("top", flags)]
        i = 0
        last_repeat = -1                       # start of the previous repeat operator
        while i < n:
            fr = stack[-1]
            c = src[i]
            repeat = -1
            if c == "(":
                if src.startswith("(?", i):
                    i = self.perl_flags(i, stack)
                else:
                    self.ncap += 1
                    stack.append(_Frame(self.ncap, stack[-1].flags))
                    i += 1
            elif c == "|":
                fr.tokens.append("|")
                fr.can_repeat = False
                i += 1
            elif c == ")":
                if len(stack) < 2:
                    self.fail("unexpected )", src)
                inner = stack.pop()
                outer = stack[-1]
                opener = "(" if type(inner.kind) is int else "(?:"
                self.push_atom(outer, [opener, *inner.tokens, ")"], inner.weight)
                i += 1
            elif c in "*+?":
                repeat = i
                i = self.repeat(fr, i, i + 1, 0 if c != "+" else 1, 1 if c == "?" else -1, last_repeat)
            elif c == "{":
                parsed = self.repeat_braces(i)
                if parsed is None:
                    self.literal(fr, ord("{"))
                    i += 1
                else:
                    lo, hi, after = parsed
                    if lo > MAX_REPEAT or hi > MAX_REPEAT or (hi >= 0 and lo > hi):
                        self.fail("invalid repeat count", src[i:after])
                    repeat = i
                    i = self.repeat(fr, i, after, lo, hi, last_repeat)
            elif c == "^":
                self.anchor(fr, "^" if "m" not in fr.flags else "(?<![^\\n])")
                i += 1
            elif c == "$":
                self.anchor(fr, "$" if "m" not in fr.flags else "(?![^\\n])")
                i += 1
            elif c == ".":
                self.push_atom(fr, [_ANY if "s" in fr.flags else _ANY_BUT_NL])
                i += 1
            elif c == "[":
                cls, i = self.char_class(i, fr.flags)
                self.push_atom(fr, [cls])
            elif c == "\\":
                i = self.escape(fr, i)
            else:
                self.literal(fr, ord(c))
                i += 1
            last_repeat = repeat
        if len(stack) > 1:
            self.fail("missing closing )", src)
        return stack[0]

    # -- atoms -------------------------------------------------------------------------------
    def push_atom(self, fr, tokens, weight=1):
        fr.can_repeat = True
        fr.tokens.extend(tokens)
        fr.last_weight = weight
        fr.weight = max(fr.weight, weight)

    def literal(self, fr, c):
        self.push_atom(fr, [("lit", c, "i" in fr.flags)])

    def anchor(self, fr, text):
        self.push_atom(fr, [f"(?:{text})"])

    def repeat(self, fr, op_start, after, lo, hi, last_repeat):
        """Apply a repetition operator src[op_start:after] to the last atom."""
        src = self.src
        greedy = "U" not in fr.flags
        if after < len(src) and src[after] == "?":
            after += 1
            greedy = not greedy
        if last_repeat >= 0:
            self.fail("invalid nested repetition operator", src[last_repeat:after])
        if not fr.can_repeat:
            self.fail("missing argument to repetition operator", src[op_start:after])
        if src[op_start] == "{" and (lo >= 2 or hi >= 2):
            m = hi if hi >= 0 else lo
            weight = fr.last_weight * m if m else 1
            if weight > MAX_REPEAT:
                self.fail("invalid repeat count", src[op_start:after])
            fr.last_weight = weight
            fr.weight = max(fr.weight, weight)
        if (lo, hi) == (0, -1):
            q = "*"
        elif (lo, hi) == (1, -1):
            q = "+"
        elif (lo, hi) == (0, 1):
            q = "?"
        elif hi < 0:
            q = f"{{{lo},}}"
        elif lo == hi:
            q = f"{{{lo}}}"
        else:
            q = f"{{{lo},{hi}}}"
        fr.tokens.append(q if greedy else q + "?")
        return after

    def repeat_braces(self, i):
        """Go's parseRepeat on src[i:] = "{n}", "{n,}" or "{n,m}": (min, max, end) with
        max -1 for no maximum, numbers over 1e8 as 1001; None when it is not a repeat."""
        src = self.src

        def number(j):
            k = j
            while k < len(src) and "0" <= src[k] <= "9":
                k += 1
            if k == j or (k - j >= 2 and src[j] == "0"):
                return None, j
            return min(int(src[j:k]), MAX_REPEAT + 1), k

        lo, j = number(i + 1)
        if lo is None or j >= len(src):
            return None
        hi = lo
        if src[j] == ",":
            j += 1
            if j < len(src) and src[j] == "}":
                hi = -1
            else:
                hi, j = number(j)
                if hi is None:
                    return None
        if j >= len(src) or src[j] != "}":
            return None
        return lo, hi, j + 1

    def perl_flags(self, i, stack):
        """``(?`` at src[i]: a named group, a flag group or flags for the rest of the group."""
        src = self.src
        fr = stack[-1]
        if src.startswith("(?P<", i) or src.startswith("(?<", i):
            begin = i + (4 if src[i + 2] == "P" else 3)
            end = src.find(">", begin)
            if end < 0:
                self.fail("invalid named capture", src[i:])
            name = src[begin:end]
            if not name or not all(ch == "_" or ch.isascii() and ch.isalnum() for ch in name):
                self.fail("invalid named capture", src[i:end + 1])
            self.ncap += 1
            self.names[self.ncap] = name
            stack.append(_Frame(self.ncap, fr.flags))
            return end + 1
        flags = set(fr.flags)
        negate = saw = False
        j = i + 2
        while j < len(src):
            c = src[j]
            j += 1
            if c in "imsU":
                (flags.discard if negate else flags.add)(c)
                saw = True
            elif c == "-" and not negate:
                negate, saw = True, False
            elif c in ":)" and not (negate and not saw):
                if c == ":":
                    stack.append(_Frame("group", frozenset(flags)))
                else:
                    fr.flags = frozenset(flags)
                return j
            else:
                break
        self.fail("invalid or unsupported Perl syntax", src[i:j])
        return j  # pragma: no cover - fail raises

    # -- escapes and classes -----------------------------------------------------------------
    def escape(self, fr, i):
        src = self.src
        nxt = src[i + 1] if i + 1 < len(src) else ""
        if nxt in ("A", "z"):
            self.anchor(fr, "^" if nxt == "A" else "$")
            return i + 2
        if nxt in ("b", "B"):
            self.push_atom(fr, [f"(?:\\{nxt})"])
            return i + 2
        if nxt == "C":
            self.fail("invalid escape sequence", "\\C")
        if nxt == "Q":
            end = src.find("\\E", i + 2)
            lit = src[i + 2:] if end < 0 else src[i + 2:end]
            for ch in lit:
                self.literal(fr, ord(ch))
            return len(src) if end < 0 else end + 2
        cls, j = self.class_escape(i, fr.flags)
        if cls is not None:
            self.push_atom(fr, [cls])
            return j
        c, j = self.char_escape(i)
        self.literal(fr, c)
        return j

    def class_escape(self, i, flags):
        """\\d \\s \\w (and negations) or \\pN \\p{Name} at src[i]: (_Class, end) or (None, i)."""
        src = self.src
        nxt = src[i + 1] if i + 1 < len(src) else ""
        fold = "i" in flags
        if nxt.lower() in _PERL:
            ranges = _PERL[nxt.lower()]
            return _Class(ranges if nxt.islower() else _complement(ranges), fold=fold), i + 2
        if nxt in ("p", "P"):
            negate = nxt == "P"
            if src.startswith("{", i + 2):
                end = src.find("}", i + 2)
                if end < 0:
                    self.fail("invalid character class range", src[i:])
                seq, name, j = src[i:end + 1], src[i + 3:end], end + 1
            else:
                j = min(i + 3, len(src))
                seq = src[i:j]
                name = seq[2:]
            if name.startswith("^"):
                negate, name = not negate, name[1:]
            if name not in _GO_TABLES:
                self.fail("invalid character class range", seq)
            if name == "Any":
                return _Class([] if negate else [(0, MAX_RUNE)], fold=fold), j
            return _Class(props=(_unicode_prop(name, negate),), fold=fold), j
        return None, i

    def char_escape(self, i):
        """Go's parseEscape at src[i] (a backslash): (code point, end)."""
        src = self.src
        if i + 1 >= len(src):
            self.fail("trailing backslash at end of expression", "")
        c = src[i + 1]
        j = i + 2
        if c.isascii() and not c.isalnum():
            return ord(c), j
        if "1" <= c <= "7" and j < len(src) and "0" <= src[j] <= "7" or c == "0":
            r = ord(c) - 0x30
            for _ in range(2):
                if j < len(src) and "0" <= src[j] <= "7":
                    r = r * 8 + ord(src[j]) - 0x30
                    j += 1
            return r, j
        if c == "x" and j < len(src):
            if src[j] == "{":
                end = src.find("}", j)
                digits = src[j + 1:end] if end > 0 else ""
                if digits and all(ch in "0123456789abcdefABCDEF" for ch in digits):
                    value = int(digits, 16)
                    if value <= MAX_RUNE:
                        return value, end + 1
                j = end + 1 if end > 0 else len(src)
            else:
                pair = src[j:j + 2]
                j = min(j + 2, len(src))
                if len(pair) == 2 and all(ch in "0123456789abcdefABCDEF" for ch in pair):
                    return int(pair, 16), j
        simple = {"a": 7, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11}
        if c in simple:
            return simple[c], j
        self.fail("invalid escape sequence", src[i:j])
        return 0, j  # pragma: no cover - fail raises

    def char_class(self, i, flags):
        """``[...]`` at src[i]: (_Class, end)."""
        src, n = self.src, len(self.src)
        whole = src[i:]
        j = i + 1
        negate = j < n and src[j] == "^"
        if negate:
            j += 1
        cls = _Class(negate=negate, fold="i" in flags)
        first = True
        while j >= n or src[j] != "]" or first:
            if j >= n:
                self.fail("missing closing ]", whole)
            first = False
            if src.startswith("[:", j):
                end = src.find(":]", j + 2)
                if end >= 0:
                    name = src[j:end + 2]
                    key = name[2:-2]
                    neg = key.startswith("^")
                    ranges = _POSIX.get(key[1:] if neg else key)
                    if ranges is None:
                        self.fail("invalid character class range", name)
                    cls.ranges.extend(_complement(ranges) if neg else ranges)
                    j = end + 2
                    continue
            if src[j] == "\\":
                sub, k = self.class_escape(j, flags)
                if sub is not None:
                    cls.ranges.extend(_complement(sub.ranges) if sub.negate else sub.ranges)
                    cls.props.extend(sub.props)
                    j = k
                    continue
            start = j
            lo, j = self.class_char(j, whole)
            hi = lo
            if j + 1 < n and src[j] == "-" and src[j + 1] != "]":
                hi, j = self.class_char(j + 1, whole)
                if hi < lo:
                    self.fail("invalid character class range", src[start:j])
            cls.ranges.append((lo, hi))
        return cls, j + 1

    def class_char(self, j, whole):
        if j >= len(self.src):
            self.fail("missing closing ]", whole)
        if self.src[j] == "\\":
            return self.char_escape(j)
        return ord(self.src[j]), j + 1


# -- output ----------------------------------------------------------------------------------
def _render(tokens, expand_fold: bool) -> str:
    out = []
    for t in tokens:
        if type(t) is str:
            out.append(t)
        elif type(t) is tuple:
            _, c, fold = t
            if expand_fold and fold and c in _orbits():
                out.append("[" + "".join(_esc(o) for o in _orbits()[c]) + "]")
            else:
                out.append(_esc(c))
        else:
            out.append(t.render(expand_fold))
    return "".join(out)


def _folds(tokens) -> set:
    return {t[2] if type(t) is tuple else t.fold for t in tokens if type(t) is not str}


class GoRegexp:
    """A compiled Go pattern: the engine program, its group count and group names."""

    __slots__ = ("names", "ngroups", "prog", "source")

    def __init__(self, source, prog, ngroups, names):
        self.source, self.prog, self.ngroups, self.names = source, prog, ngroups, names


@lru_cache(maxsize=256)
def compile_go(pattern: str) -> GoRegexp:
    """Go's ``regexp.Compile``: raises :class:`RegexpSyntaxError` with Go's message."""
    p = _Parser(pattern)
    top = p.parse()
    folds = _folds(top.tokens)
    whole_fold = folds == {True}
    source = _render(top.tokens, expand_fold=not whole_fold)
    try:
        prog = engine.compile(source, "ui" if whole_fold else "u")
    except engine.RegExpError as e:
        raise RegexpSyntaxError(f"error parsing regexp: pattern not supported by llmspell: `{pattern}` "
                                f"({str(e).rsplit(': ', 1)[-1]})") from None
    names = [""] * (p.ncap + 1)
    for k, v in p.names.items():
        names[k] = v
    return GoRegexp(pattern, prog, p.ncap, tuple(names))


# -- matching ------------------------------------------------------------------------------
def _pair(c: int) -> str:
    c -= 0x10000
    return chr(0xD800 + (c >> 10)) + chr(0xDC00 + (c & 0x3FF))


class Subject:
    """A Tengo string prepared for the engine: UTF-16 text plus index conversions.

    The engine sees UTF-16 code units; Go reports UTF-8 byte offsets; Tengo strings
    are Python strings of code points.  ASCII text needs no conversion at all."""

    __slots__ = ("_bytes", "_cps", "ascii", "s", "text")

    def __init__(self, s: str):
        self.s = s
        self.ascii = s.isascii()
        self._bytes = self._cps = None
        if self.ascii or max(s) < "\U00010000":
            self.text = s
        else:
            self.text = "".join(ch if ch < "\U00010000" else _pair(ord(ch)) for ch in s)

    def _tables(self):
        if self._bytes is None:
            offs, cps, b, cp = [], [], 0, 0
            for ch in self.s:
                o = ord(ch)
                units = 2 if o > 0xFFFF else 1
                for _ in range(units):
                    offs.append(b)
                    cps.append(cp)
                b += 1 if o < 0x80 or 0xDC80 <= o <= 0xDCFF else 2 if o < 0x800 else 3 if o < 0x10000 else 4
                cp += 1
            offs.append(b)
            cps.append(cp)
            self._bytes, self._cps = offs, cps

    def byte_offset(self, u: int) -> int:
        if self.ascii:
            return u
        self._tables()
        return self._bytes[u]

    def slice(self, a: int, b: int) -> str:
        if self.text is self.s:
            return self.s[a:b]
        self._tables()
        return self.s[self._cps[a]:self._cps[b]]

    def width(self, u: int) -> int:
        """Code units of the character at u (0 at the end)."""
        if u >= len(self.text):
            return 0
        return 2 if 0xD800 <= ord(self.text[u]) <= 0xDBFF and u + 1 < len(self.text) else 1


def _search(re: GoRegexp, text: str, pos: int, charge):
    try:
        return engine.search(re.prog, text, pos, charge)
    except engine.RegExpStackOverflow:
        raise RegexpTooComplex(f"regexp: pattern `{re.source}` needs too much backtracking for this text "
                               "(llmspell matches by backtracking; simplify the pattern)") from None


def match(re: GoRegexp, subj: Subject, charge) -> bool:
    return _search(re, subj.text, 0, charge) is not None


def find_all(re: GoRegexp, subj: Subject, n: int, charge) -> list:
    """Go's allMatches: up to n (all if n < 0) non-overlapping matches as flat UTF-16
    index lists; an empty match right after the previous match is skipped."""
    text = subj.text
    end = len(text)
    if n < 0:
        n = end + 1
    out = []
    pos, prev_end = 0, -1
    while len(out) < n and pos <= end:
        m = _search(re, text, pos, charge)
        if m is None:
            break
        accept = True
        if m[1] == pos:
            if m[0] == prev_end:
                accept = False
            w = subj.width(pos)
            pos = pos + w if w else end + 1
        else:
            pos = m[1]
        prev_end = m[1]
        if accept:
            out.append(m)
    return out


def expand(re: GoRegexp, template: str, subj: Subject, m: list) -> str:
    """Go's ``Regexp.ExpandString``: $1, ${1}, $name, ${name}, $$."""
    out = []
    i, n = 0, len(template)
    while True:
        j = template.find("$", i)
        if j < 0:
            out.append(template[i:])
            return "".join(out)
        out.append(template[i:j])
        i = j + 1
        if i < n and template[i] == "$":
            out.append("$")
            i += 1
            continue
        brace = i < n and template[i] == "{"
        k = i + 1 if brace else i
        start = k
        while k < n and (template[k].isalnum() or template[k] == "_"):
            k += 1
        name = template[start:k]
        if not name or (brace and (k >= n or template[k] != "}")):
            out.append("$")
            continue
        i = k + 1 if brace else k
        num = int(name) if name.isdigit() and name.isascii() and len(name) < 9 else -1
        if name[0] == "0" and len(name) > 1:
            num = -1
        if num >= 0:
            if num <= re.ngroups and m[2 * num] >= 0:
                out.append(subj.slice(m[2 * num], m[2 * num + 1]))
        else:
            for g, gname in enumerate(re.names):
                if gname == name and m[2 * g] >= 0:
                    out.append(subj.slice(m[2 * g], m[2 * g + 1]))
                    break


def split(re: GoRegexp, subj: Subject, n: int, charge) -> list[str]:
    """Go's ``Regexp.Split``."""
    if n == 0:
        return []
    if re.source and not subj.s:
        return [""]
    parts = []
    beg = end = 0
    for m in find_all(re, subj, n, charge):
        if n > 0 and len(parts) == n - 1:
            break
        end = m[0]
        if m[1] != 0:
            parts.append(subj.slice(beg, end))
        beg = m[1]
    if end != len(subj.text):
        parts.append(subj.slice(beg, len(subj.text)))
    return parts
