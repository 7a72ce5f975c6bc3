"""Lua 5.4 pattern matching (the engine behind ``find``, ``match``, ``gmatch`` and ``gsub``).

Input: a subject and a pattern as ``bytes`` (Lua strings are byte strings), a
start position, and the run's :class:`LuaRuntime` (for errors and fuel).
Output: the end of the match (a 0-based byte offset) or ``-1``, with the captures
left in a :class:`MatchState`.

The algorithm is lstrlib.c's backtracking matcher, step for step, so every result
-- which match wins, empty matches, capture values -- and every error message is
Lua's.  Two things differ in *how* it runs, never in *what* it computes:

* Lua's recursive ``match`` becomes a loop over an explicit stack of suspended
  calls (a start/end capture waiting to undo itself, a ``*``/``-``/``?`` waiting to
  try its next alternative).  Lua allows ``MAXCCALLS`` nested calls; the stack
  holds the same number (the outermost call is the loop itself) and overflowing
  it is Lua's own "pattern too complex" error, so Python recursion never depends
  on the input.
* Every step is charged as fuel, so a pattern that backtracks exponentially ends
  by the instruction limit instead of running forever.

Speed comes from precomputed 256-entry membership tables for single-character
items (``.``, ``%a``, ``[^%s,]``, a literal), computed once per pattern position
and cached with the pattern, and from regular expressions built from those tables
for the greedy scan of ``*``/``+`` and for skipping subject positions where the
first pattern item cannot match.
"""
from __future__ import annotations

import re

MAXCAPTURES = 32          # LUA_MAXCAPTURES
MAXCCALLS = 200           # lstrlib's bound on nested match calls
CAP_UNFINISHED = -1
CAP_POSITION = -2
FUEL_BATCH = 1024         # matching steps between two meter charges

_START, _END, _MAX, _MIN, _OPT = range(5)      # kinds of suspended calls


def _class_tables() -> dict[int, bytes]:
    """``CLASS[c]``: the 256-entry table of what ``%c`` matches (C locale)."""
    def table(members):
        return bytes(1 if b in members else 0 for b in range(256))

    upper = set(range(65, 91))
    lower = set(range(97, 123))
    digit = set(range(48, 58))
    alpha = upper | lower
    graph = set(range(33, 127))
    sets = {
        "a": alpha, "c": set(range(32)) | {127}, "d": digit, "g": graph, "l": lower,
        "p": graph - alpha - digit, "s": {9, 10, 11, 12, 13, 32}, "u": upper,
        "w": alpha | digit, "x": digit | set(b"abcdefABCDEF"), "z": {0},
    }
    out = {c: table({c}) for c in range(256)}
    for name, members in sets.items():
        out[ord(name)] = table(members)
        out[ord(name.upper())] = table(set(range(256)) - members)
    return out


CLASS = _class_tables()
ANY = bytes([1]) * 256


def _rx_class(tbl: bytes) -> bytes:
    """A regex character class (``[...]``) for the bytes a table accepts."""
    members = b"".join(b"\\x%02x" % c for c in range(256) if tbl[c])
    return b"[" + members + b"]" if members else rb"[^\x00-\xff]"


class Pattern:
    """A pattern (without a leading anchor) and what was learnt about it.

    ``p`` is the pattern followed by a NUL sentinel: lstrlib reads the C string's
    terminating ``'\\0'`` when it looks one past the end, and so do we.  Facts are
    computed the first time the matcher reaches a position, so a malformed part of
    a pattern raises exactly when Lua's matcher would reach it.
    """

    __slots__ = ("p", "end", "items", "runs", "_skip")

    def __init__(self, pat: bytes):
        self.p = pat + b"\0"
        self.end = len(pat)
        self.items: dict[int, tuple[int, bytes]] = {}
        self.runs: dict[int, re.Pattern] = {}
        self._skip = None           # see skipper(); None: not computed yet

    def item(self, rt, p: int) -> tuple[int, bytes]:
        """``(ep, table)`` for the single-character item at *p*: ``ep`` is the
        position after it (lstrlib's ``classend``), ``table[c]`` says whether byte
        *c* matches it (``singlematch``)."""
        P = self.p
        c = P[p]
        if c == 37:                                   # '%'
            if p + 1 >= self.end:
                rt.error("malformed pattern (ends with '%')")
            it = (p + 2, CLASS[P[p + 1]])
        elif c == 91:                                 # '['
            it = self._bracket(rt, p)
        elif c == 46:                                 # '.'
            it = (p + 1, ANY)
        else:
            t = bytearray(256)
            t[c] = 1
            it = (p + 1, bytes(t))
        self.items[p] = it
        return it

    def _bracket(self, rt, p: int) -> tuple[int, bytes]:
        P, end = self.p, self.end
        q = p + 1
        if P[q] == 94:                                # '^'
            q += 1
        while True:                                   # look for the closing ']'
            if q >= end:
                rt.error("malformed pattern (missing ']')")
            c = P[q]
            q += 1
            if c == 37 and q < end:
                q += 1                                # skip escapes such as '%]'
            if P[q] == 93:
                break
        ec = q                                        # the closing ']'
        t = bytearray(256)
        neg = P[p + 1] == 94
        q = p + 2 if neg else p + 1
        while q < ec:
            c = P[q]
            if c == 37:
                q += 1
                cls = CLASS[P[q]]
                for b in range(256):
                    if cls[b]:
                        t[b] = 1
            elif P[q + 1] == 45 and q + 2 < ec:       # range 'x-y'
                for b in range(c, P[q + 2] + 1):
                    t[b] = 1
                q += 2
            else:
                t[c] = 1
            q += 1
        if neg:
            t = bytearray(1 - b for b in t)
        return ec + 1, bytes(t)

    def run(self, p: int, tbl: bytes) -> re.Pattern:
        """The regex matching the longest run of bytes the item at *p* accepts."""
        rx = self.runs.get(p)
        if rx is None:
            rx = self.runs[p] = re.compile(_rx_class(tbl) + b"*")
        return rx

    def skipper(self, rt):
        """``(regex, table)`` when every match must start with a byte the first
        item accepts (``table``; ``regex`` finds the next such byte), else ``False``.
        Only asked once the matcher has reached the first item, so that computing
        it raises no error Lua would not have raised already."""
        if self._skip is None:
            self._skip = False
            P = self.p
            c = P[0]
            if self.end and c != 40 and c != 41 and not (c == 36 and self.end == 1) \
                    and not (c == 37 and (P[1] in b"bf" or 48 <= P[1] <= 57)):
                ep, tbl = self.items.get(0) or self.item(rt, 0)
                if P[ep] not in b"*?-":
                    self._skip = (re.compile(_rx_class(tbl)), tbl)
        return self._skip

    def known_skipper(self):
        """What :meth:`skipper` returned before (for this pattern, by any search),
        or ``None`` if it was never asked: then a search must make its first
        attempt before it may skip."""
        return self._skip


_CACHE: dict[bytes, Pattern] = {}
_CACHE_MAX = 256


def compile_pattern(pat: bytes) -> Pattern:
    """The (shared, cached) :class:`Pattern` for *pat*.  Caching never changes a
    result: a Pattern only memoizes pure functions of the pattern text."""
    cp = _CACHE.get(pat)
    if cp is None:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        cp = _CACHE[pat] = Pattern(pat)
    return cp


class MatchState:
    """Subject, pattern and captures of one search (lstrlib's ``MatchState``)."""

    __slots__ = ("rt", "pat", "subj", "n", "level", "cinit", "clen", "_ctx")

    def __init__(self, rt, subj: bytes, pat: Pattern):
        self.rt = rt
        self.pat = pat
        self.subj = subj
        self.n = len(subj)
        self.level = 0
        self.cinit = [0] * MAXCAPTURES
        self.clen = [0] * MAXCAPTURES
        self._ctx = (rt, pat, pat.p, pat.end, pat.items, subj, self.n, self.cinit, self.clen)

    # -- the matcher ----------------------------------------------------------------
    def match(self, s: int, p: int = 0) -> int:
        """Lua's ``match(ms, s, p)`` with ``level`` reset: the end of a match of
        the pattern from *p* on at subject position *s*, or ``-1``."""
        rt, pat, P, pend, items, S, n, cinit, clen = self._ctx
        level = 0
        stack = []
        push = stack.append
        steps = 0
        try:
            while True:
                # -- run the current call until it returns r (or suspends itself) --
                while True:
                    steps += 1
                    if steps >= FUEL_BATCH:
                        done, steps = steps, 0
                        rt.meter.charge(done)
                    if p == pend:
                        r = s
                        break
                    c = P[p]
                    if c == 40:                               # '(' start capture
                        if level >= MAXCAPTURES:
                            rt.error("too many captures")
                        cinit[level] = s
                        if P[p + 1] == 41:
                            clen[level] = CAP_POSITION
                            p += 2
                        else:
                            clen[level] = CAP_UNFINISHED
                            p += 1
                        level += 1
                        if len(stack) >= MAXCCALLS - 1:
                            rt.error("pattern too complex")
                        push((_START,))
                        continue
                    if c == 41:                               # ')' end capture
                        lv = level - 1
                        while lv >= 0 and clen[lv] != CAP_UNFINISHED:
                            lv -= 1
                        if lv < 0:
                            rt.error("invalid pattern capture")
                        clen[lv] = s - cinit[lv]
                        if len(stack) >= MAXCCALLS - 1:
                            rt.error("pattern too complex")
                        push((_END, lv))
                        p += 1
                        continue
                    if c == 36 and p + 1 == pend:             # '$' at the end
                        r = s if s == n else -1
                        break
                    if c == 37:
                        d = P[p + 1]
                        if d == 98:                           # %bxy
                            if p + 2 >= pend - 1:
                                rt.error("malformed pattern (missing arguments to '%b')")
                            if s >= n or S[s] != P[p + 2]:
                                r = -1
                                break
                            open_, close, cont, q = P[p + 2], P[p + 3], 1, s + 1
                            while q < n:
                                b = S[q]
                                if b == close:
                                    cont -= 1
                                    if cont == 0:
                                        break
                                elif b == open_:
                                    cont += 1
                                q += 1
                            steps += q - s
                            if q >= n:
                                r = -1
                                break
                            s = q + 1
                            p += 4
                            continue
                        if d == 102:                          # %f[set]
                            p += 2
                            if P[p] != 91:
                                rt.error("missing '[' after '%f' in pattern")
                            ep, tbl = items.get(p) or pat.item(rt, p)
                            prev = S[s - 1] if s > 0 else 0
                            cur = S[s] if s < n else 0
                            if not tbl[prev] and tbl[cur]:
                                p = ep
                                continue
                            r = -1
                            break
                        if 48 <= d <= 57:                     # back reference %1-%9
                            lv = d - 49
                            if lv < 0 or lv >= level or clen[lv] == CAP_UNFINISHED:
                                rt.error(f"invalid capture index %{lv + 1}")
                            ln = clen[lv]
                            if ln >= 0 and n - s >= ln and S[cinit[lv]:cinit[lv] + ln] == S[s:s + ln]:
                                steps += ln
                                s += ln
                                p += 2
                                continue
                            r = -1
                            break
                    # -- a single-character item with an optional suffix --
                    ep, tbl = items.get(p) or pat.item(rt, p)
                    suffix = P[ep]
                    if s >= n or not tbl[S[s]]:
                        if suffix == 42 or suffix == 63 or suffix == 45:   # * ? -
                            p = ep + 1
                            continue
                        r = -1
                        break
                    if suffix == 63:                          # '?'
                        if len(stack) >= MAXCCALLS - 1:
                            rt.error("pattern too complex")
                        push((_OPT, s, ep))
                        s += 1
                        p = ep + 1
                        continue
                    if suffix == 42 or suffix == 43:          # '*' '+'
                        base = s + 1 if suffix == 43 else s
                        i = pat.run(p, tbl).match(S, base).end() - base
                        steps += i
                        if len(stack) >= MAXCCALLS - 1:
                            rt.error("pattern too complex")
                        push((_MAX, base, i, ep))
                        s = base + i
                        p = ep + 1
                        continue
                    if suffix == 45:                          # '-'
                        if len(stack) >= MAXCCALLS - 1:
                            rt.error("pattern too complex")
                        push((_MIN, s, ep, tbl))
                        p = ep + 1
                        continue
                    s += 1
                    p = ep
                # -- return r to the suspended callers until one resumes matching --
                while True:
                    if not stack:
                        self.level = level
                        return r
                    steps += 1
                    fr = stack.pop()
                    kind = fr[0]
                    if kind == _START:
                        if r < 0:
                            level -= 1
                    elif kind == _END:
                        if r < 0:
                            clen[fr[1]] = CAP_UNFINISHED
                    elif r >= 0:
                        pass
                    elif kind == _MAX:
                        _, base, i, ep = fr
                        if i > 0:
                            push((_MAX, base, i - 1, ep))
                            s = base + i - 1
                            p = ep + 1
                            break
                    elif kind == _MIN:
                        _, s0, ep, tbl = fr
                        if s0 < n and tbl[S[s0]]:
                            push((_MIN, s0 + 1, ep, tbl))
                            s = s0 + 1
                            p = ep + 1
                            break
                    else:                                     # _OPT: go on without it
                        s = fr[1]
                        p = fr[2] + 1
                        break
        finally:
            rt.meter.charge(steps)

    # -- captures -------------------------------------------------------------------
    def capture(self, i: int, s: int, e: int):
        """Capture *i* (0-based) of the match ``s..e``: bytes, or an int for a
        position capture.  With no captures, capture 0 is the whole match."""
        if i >= self.level:
            if i != 0:
                self.rt.error(f"invalid capture index %{i + 1}")
            return self.subj[s:e]
        ln = self.clen[i]
        init = self.cinit[i]
        if ln == CAP_UNFINISHED:
            self.rt.error("unfinished capture")
        if ln == CAP_POSITION:
            return init + 1
        return self.subj[init:init + ln]

    def captures(self, s: int, e: int, whole: bool = True) -> list:
        """All captures as bytes/ints; with none, the whole match if *whole*."""
        n = 1 if self.level == 0 and whole else self.level
        return [self.capture(i, s, e) for i in range(n)]
