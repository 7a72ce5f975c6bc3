"""Lua 5.4's ``string`` library (lstrlib.c): the library table and the string metatable.

``open(rt)`` returns the ``string`` table and sets ``rt.string_meta`` to the
metatable every string shares (``__index`` = the library, so ``("x"):upper()``
works).

Lua strings are byte strings; ours are Python ``str`` whose Lua bytes are the
UTF-8 (surrogateescape) encoding (see :mod:`llmspell.vm.values`).  Every function
here works on those bytes -- ``#"héllo"`` is 6, ``("héllo"):sub(2, 3)`` is the two
bytes of ``é`` -- taking the fast path of plain ``str`` operations when a string is
ASCII.  Positions, clipping of out-of-range indices, results and error messages
are lstrlib's.  Pattern matching lives in :mod:`.lpattern`, ``format`` in
:mod:`.lformat`.

Metering: ``rt.meter.string(n)`` is called before any string of *n* bytes is
built (so ``string.rep("x", 1 << 40)`` ends with the "string length" limit before
any work is done); fuel is charged 1 unit per ``BYTES_PER_FUEL`` bytes of native
bulk work (copying, scanning, converting: Python does it at C speed, so that many
bytes cost about one VM instruction), and 1 unit per step of the interpreted
pattern matcher.
"""
from __future__ import annotations

import struct

from ..runtime import register_function
from ..values import Table, byte_len, from_bytes, to_bytes, wrap
from .lauxlib import arg_error, check_int, check_num, check_str, type_error, type_name
from .lformat import MASK64, str_format
from .numbers import fmt_number

#: lstrlib's SPECIALS: a pattern without any is matched as plain text
_SPECIALS = b"^$*+?.([%-"


def nospecials(pat: bytes) -> bool:
    return len(pat.translate(None, _SPECIALS)) == len(pat)

BYTES_PER_FUEL = 16
INT_MAX = 0x7FFFFFFF          # lstrlib's MAXSIZE on 64-bit machines
MAX_RESULTS = 999_990         # most values byte/unpack return before Lua's stack overflows


def _work(rt, nbytes: int):
    rt.meter.charge(1 + nbytes // BYTES_PER_FUEL)


_last = ["", b""]


def _bytes(s: str) -> bytes:
    """The bytes of *s*; the last long subject is remembered, since loops call
    ``find(s, p, pos)`` over the same long string again and again."""
    if len(s) < 256:
        return to_bytes(s)
    if _last[0] is not s:
        _last[0] = s
        _last[1] = to_bytes(s)
    return _last[1]


def _new_string(rt, b: bytes) -> str:
    """A script string from bytes built by the library (metered)."""
    rt.meter.string(len(b))
    return from_bytes(b)


# -- argument helpers (absent arguments are "no value", as in lauxlib) ------------------
def _str(rt, args, i: int, fname: str) -> str:
    if len(args) < i:
        type_error(rt, i, fname, "string", None, absent=True)
    return check_str(rt, args[i - 1], i, fname)


def _int(rt, args, i: int, fname: str) -> int:
    if len(args) < i:
        type_error(rt, i, fname, "number", None, absent=True)
    return check_int(rt, args[i - 1], i, fname)


def _opt_int(rt, args, i: int, fname: str, default: int) -> int:
    v = args[i - 1] if len(args) >= i else None
    return default if v is None else check_int(rt, v, i, fname)


def posrelat_start(pos: int, n: int) -> int:
    """A start position (negative: from the end) clipped to ``[1, inf)``."""
    if pos > 0:
        return pos
    if pos == 0 or pos < -n:
        return 1
    return n + pos + 1


def posrelat_end(pos: int, n: int) -> int:
    """An end position (negative: from the end) clipped to ``[0, n]``."""
    if pos > n:
        return n
    if pos >= 0:
        return pos
    if pos < -n:
        return 0
    return n + pos + 1


def open(rt) -> Table:  # noqa: A001 - the library contract's name
    lib = Table()
    H = lib.hash

    # -- simple functions -------------------------------------------------------------
    def len_(*args):
        s = _str(rt, args, 1, "len")
        if s.isascii():
            return len(s)
        _work(rt, len(s))
        return len(_bytes(s))

    def sub(*args):
        s = _str(rt, args, 1, "sub")
        ascii_ = s.isascii()
        b = s if ascii_ else _bytes(s)
        n = len(b)
        i = posrelat_start(_int(rt, args, 2, "sub"), n)
        j = posrelat_end(_opt_int(rt, args, 3, "sub", -1), n)
        if i > j:
            return ""
        rt.meter.string(j - i + 1)
        _work(rt, j - i + 1)
        return b[i - 1:j] if ascii_ else from_bytes(b[i - 1:j])

    def reverse(*args):
        s = _str(rt, args, 1, "reverse")
        _work(rt, len(s))
        if s.isascii():
            rt.meter.string(len(s))
            return s[::-1]
        return _new_string(rt, to_bytes(s)[::-1])

    def lower(*args):
        s = _str(rt, args, 1, "lower")
        _work(rt, len(s))
        if s.isascii():
            rt.meter.string(len(s))
            return s.lower()
        return _new_string(rt, to_bytes(s).lower())     # bytes.lower: ASCII only, like C's

    def upper(*args):
        s = _str(rt, args, 1, "upper")
        _work(rt, len(s))
        if s.isascii():
            rt.meter.string(len(s))
            return s.upper()
        return _new_string(rt, to_bytes(s).upper())

    def rep(*args):
        s = _str(rt, args, 1, "rep")
        n = _int(rt, args, 2, "rep")
        sep = check_str(rt, args[2], 3, "rep") if len(args) >= 3 and args[2] is not None else ""
        if n <= 0:
            return ""
        ls, lsep = byte_len(s), byte_len(sep)
        total = n * ls + (n - 1) * lsep
        rt.meter.string(total)
        if ls + lsep > INT_MAX // n:
            rt.error("resulting string too large")
        _work(rt, total)
        if s.isascii() and sep.isascii():
            return (s + sep) * (n - 1) + s if lsep else s * n
        b, bsep = to_bytes(s), to_bytes(sep)
        return from_bytes((b + bsep) * (n - 1) + b if lsep else b * n)

    def byte(*args):
        b = _bytes(_str(rt, args, 1, "byte"))
        pi = _opt_int(rt, args, 2, "byte", 1)
        i = posrelat_start(pi, len(b))
        j = posrelat_end(_opt_int(rt, args, 3, "byte", pi), len(b))
        if i > j:
            return ()
        if j - i >= MAX_RESULTS:
            rt.error("stack overflow (string slice too long)")
        _work(rt, j - i + 1)
        if i == j:
            return b[i - 1]
        return tuple(b[i - 1:j])

    def char(*args):
        out = bytearray(len(args))
        for k, v in enumerate(args):
            c = check_int(rt, v, k + 1, "char")
            if not 0 <= c <= 255:
                arg_error(rt, k + 1, "char", "value out of range")
            out[k] = c
        _work(rt, len(out))
        return _new_string(rt, bytes(out))

    def dump(*args):
        if type_name(args[0] if args else None) != "function":
            type_error(rt, 1, "dump", "function", args[0] if args else None, absent=not args)
        rt.error("unable to dump given function")

    def format_(*args):
        fmt = _str(rt, args, 1, "format")
        s = str_format(rt, fmt, args[1:])
        _work(rt, len(fmt) + len(s))
        return s

    # -- pattern matching -------------------------------------------------------------
    def find_aux(args, find: bool):
        fname = "find" if find else "match"
        s = _str(rt, args, 1, fname)
        p = _str(rt, args, 2, fname)
        S = _bytes(s)
        P = to_bytes(p)
        ls = len(S)
        init = posrelat_start(_opt_int(rt, args, 3, fname, 1), ls) - 1
        if init > ls:
            return None
        plain = find and len(args) >= 4 and args[3] is not None and args[3] is not False
        if plain or nospecials(P) and (find or b")" not in P):     # Lua: only find; same results
            pos = S.find(P, init)
            _work(rt, (pos if pos >= 0 else ls) - init)
            if pos < 0:
                return None
            return (pos + 1, pos + len(P)) if find else p
        from .lpattern import MatchState, compile_pattern     # imported when a spell first needs it
        anchor = P[:1] == b"^"
        pat = compile_pattern(P[1:] if anchor else P)
        ms = MatchState(rt, S, pat)
        s1 = init
        skip = False if anchor else pat.known_skipper()   # None: unknown yet, False: none
        while True:
            if skip:
                s1 = _skip_to(rt, skip, S, s1)
                if s1 >= ls:
                    return None
            e = ms.match(s1)
            if e >= 0:
                if find:
                    return (s1 + 1, e, *_as_values(rt, ms.captures(s1, e, whole=False)))
                return _results(rt, ms.captures(s1, e))
            if anchor or s1 >= ls:
                return None
            s1 += 1
            if skip is None:
                skip = pat.skipper(rt)

    def find(*args):
        return find_aux(args, True)

    def match(*args):
        return find_aux(args, False)

    def gmatch(*args):
        s = _str(rt, args, 1, "gmatch")
        p = _str(rt, args, 2, "gmatch")
        S = to_bytes(s)
        ls = len(S)
        init = posrelat_start(_opt_int(rt, args, 3, "gmatch", 1), ls) - 1
        if init > ls:
            init = ls + 1
        from .lpattern import MatchState, compile_pattern
        pat = compile_pattern(to_bytes(p))
        ms = MatchState(rt, S, pat)
        state = [init, -1, pat.known_skipper()]   # next position, end of last match, skipper

        def gmatch_next(*_):
            src, last, skip = state
            while src <= ls:
                if skip:
                    src = _skip_to(rt, skip, S, src)
                    if src >= ls:
                        break
                e = ms.match(src)
                if e >= 0 and e != last:
                    state[0] = state[1] = e
                    return _results(rt, ms.captures(src, e))
                src += 1
                if skip is None:
                    skip = state[2] = pat.skipper(rt)
            return ()

        register_function("gmatch_aux", gmatch_next)
        return gmatch_next

    def gsub(*args):
        src = _str(rt, args, 1, "gsub")
        p = _str(rt, args, 2, "gsub")
        S = _bytes(src)
        P = to_bytes(p)
        n = len(S)
        repl = args[2] if len(args) >= 3 else None
        tr = type_name(repl)
        max_s = _opt_int(rt, args, 4, "gsub", n + 1)
        if tr not in ("string", "number", "table", "function"):
            type_error(rt, 3, "gsub", "string/function/table", repl, absent=len(args) < 3)
        lit = parts = None
        if tr == "string" or tr == "number":
            lit = to_bytes(repl if tr == "string" else fmt_number(repl))
            parts = _replacement(rt, lit)
        from .lpattern import MatchState, compile_pattern
        anchor = P[:1] == b"^"
        pat = compile_pattern(P[1:] if anchor else P)
        ms = MatchState(rt, S, pat)

        def value(s: int, e: int) -> bytes | None:
            """The replacement of the match ``s..e``; ``None`` keeps the match
            (a function or table gave nil or false): lstrlib's ``add_value``."""
            if parts is not None:
                return _expand(ms, parts, s, e)
            if lit is not None:
                return lit
            if tr == "function":
                v = rt.call(repl, *_as_values(rt, ms.captures(s, e)))
                if type(v) is tuple:
                    v = v[0] if v else None
            else:
                v = rt.index(repl, _as_values(rt, [ms.capture(0, s, e)])[0])
            if v is None or v is False:
                return None
            if type(v) is str:
                return to_bytes(v)
            if type(v) is int or type(v) is float:
                return fmt_number(v).encode()
            rt.error(f"invalid replacement value (a {type_name(v)})")

        limit = rt.meter.limits.max_string
        out: list[bytes] = []
        size = 0
        count = 0
        changed = False
        pos = 0                      # start of the subject not yet copied to out
        s = 0
        last = -1
        skip = False if anchor else pat.known_skipper()
        while count < max_s:
            if skip:
                s = _skip_to(rt, skip, S, s)
                if s >= n:
                    break
            e = ms.match(s)
            if e >= 0 and e != last:
                count += 1
                piece = value(s, e)
                if piece is None:
                    piece = S[s:e]
                else:
                    changed = True
                if s > pos:
                    out.append(S[pos:s])
                out.append(piece)
                size += len(piece) + s - pos
                if size > limit:
                    rt.meter.string(size)
                pos = s = last = e
            elif s < n:
                s += 1
            else:
                break
            if anchor:
                break
            if skip is None:
                skip = pat.skipper(rt)
        if not changed:
            return src, count
        out.append(S[pos:])
        size += n - pos
        _work(rt, size)
        return _new_string(rt, b"".join(out)), count

    # -- pack / unpack ----------------------------------------------------------------
    def pack(*args):
        fmt = _packfmt(rt, args, "pack")
        h = _Header()
        out: list[bytes] = []
        total = 0
        arg = 1
        i = 0
        limit = rt.meter.limits.max_string
        while i < len(fmt):
            opt, size, ntoalign, i = _details(rt, h, total, fmt, i, "pack")
            if total + ntoalign + size > limit:
                rt.meter.string(total + ntoalign + size)
            total += ntoalign + size
            if ntoalign:
                out.append(bytes(ntoalign))
            arg += 1
            v = args[arg - 1] if len(args) >= arg else None
            if v is None and opt <= K_ZSTR:
                # lstrlib pushes a nil after the arguments: a missing one is "nil"
                expected = "string" if opt >= K_CHAR else "number"
                arg_error(rt, arg, "pack", f"{expected} expected, got nil")
            if opt == K_INT or opt == K_UINT:
                x = check_int(rt, v, arg, "pack")
                if size < 8:
                    if opt == K_INT:
                        lim = 1 << (size * 8 - 1)
                        if not -lim <= x < lim:
                            arg_error(rt, arg, "pack", "integer overflow")
                    elif x & MASK64 >= 1 << (size * 8):
                        arg_error(rt, arg, "pack", "unsigned overflow")
                elif opt == K_UINT:
                    x &= MASK64
                out.append(_packint(x, size, h.little))
            elif opt == K_FLOAT:
                x = float(check_num(rt, v, arg, "pack"))
                try:
                    out.append(struct.pack("<f" if h.little else ">f", x))
                except OverflowError:          # C's (float) cast gives an infinity
                    out.append(struct.pack("<f" if h.little else ">f", x * float("inf")))
            elif opt == K_DOUBLE:
                out.append(struct.pack("<d" if h.little else ">d", float(check_num(rt, v, arg, "pack"))))
            elif opt == K_CHAR:
                b = to_bytes(check_str(rt, v, arg, "pack"))
                if len(b) > size:
                    arg_error(rt, arg, "pack", "string longer than given size")
                out.append(b + bytes(size - len(b)))
            elif opt == K_STRING:
                b = to_bytes(check_str(rt, v, arg, "pack"))
                if size < 8 and len(b) >= 1 << (size * 8):
                    arg_error(rt, arg, "pack", "string length does not fit in given size")
                out.append(_packint(len(b), size, h.little))
                out.append(b)
                total += len(b)
            elif opt == K_ZSTR:
                b = to_bytes(check_str(rt, v, arg, "pack"))
                if b"\0" in b:
                    arg_error(rt, arg, "pack", "string contains zeros")
                out.append(b + b"\0")
                total += len(b) + 1
            else:
                if opt == K_PADDING:
                    out.append(b"\0")
                arg -= 1
            if total > limit:
                rt.meter.string(total)
        _work(rt, total)
        return _new_string(rt, b"".join(out))

    def packsize(*args):
        fmt = _packfmt(rt, args, "packsize")
        h = _Header()
        total = 0
        i = 0
        while i < len(fmt):
            opt, size, ntoalign, i = _details(rt, h, total, fmt, i, "packsize")
            if opt == K_STRING or opt == K_ZSTR:
                arg_error(rt, 1, "packsize", "variable-length format")
            size += ntoalign
            if total > INT_MAX - size:
                arg_error(rt, 1, "packsize", "format result too large")
            total += size
        _work(rt, len(fmt))
        return total

    def unpack(*args):
        fmt = _packfmt(rt, args, "unpack")
        data = _str(rt, args, 2, "unpack")
        D = _bytes(data)
        ld = len(D)
        pos = posrelat_start(_opt_int(rt, args, 3, "unpack", 1), ld) - 1
        if pos > ld:
            arg_error(rt, 3, "unpack", "initial position out of string")
        h = _Header()
        out = []
        i = 0
        while i < len(fmt):
            opt, size, ntoalign, i = _details(rt, h, pos, fmt, i, "unpack")
            if ntoalign + size > ld - pos:
                arg_error(rt, 2, "unpack", "data string too short")
            pos += ntoalign
            rt.meter.charge(1)
            if len(out) >= MAX_RESULTS:
                rt.error("stack overflow (too many results)")
            if opt == K_INT or opt == K_UINT:
                out.append(_unpackint(rt, D[pos:pos + size], h.little, opt == K_INT))
            elif opt == K_FLOAT:
                out.append(struct.unpack("<f" if h.little else ">f", D[pos:pos + 4])[0])
            elif opt == K_DOUBLE:
                out.append(struct.unpack("<d" if h.little else ">d", D[pos:pos + 8])[0])
            elif opt == K_CHAR:
                out.append(_new_string(rt, D[pos:pos + size]))
            elif opt == K_STRING:
                ln = _unpackint(rt, D[pos:pos + size], h.little, False) & MASK64
                if ln > ld - pos - size:
                    arg_error(rt, 2, "unpack", "data string too short")
                out.append(_new_string(rt, D[pos + size:pos + size + ln]))
                pos += ln
            elif opt == K_ZSTR:
                z = D.find(b"\0", pos)
                if z < 0:
                    arg_error(rt, 2, "unpack", "unfinished string for format 'z'")
                out.append(_new_string(rt, D[pos:z]))
                pos = z + 1
            pos += size
        out.append(pos + 1)
        _work(rt, pos)
        return out[0] if len(out) == 1 else tuple(out)

    for name, f in (("byte", byte), ("char", char), ("dump", dump), ("find", find),
                    ("format", format_), ("gmatch", gmatch), ("gsub", gsub), ("len", len_),
                    ("lower", lower), ("match", match), ("rep", rep), ("reverse", reverse),
                    ("sub", sub), ("upper", upper), ("pack", pack), ("packsize", packsize),
                    ("unpack", unpack)):
        H[name] = f
    meta = Table()
    meta.hash["__index"] = lib
    rt.string_meta = meta
    return lib


# -- gsub helpers -----------------------------------------------------------------------
def _as_values(rt, caps: list) -> list:
    out = []
    for c in caps:
        if type(c) is bytes:
            rt.meter.string(len(c))
            c = from_bytes(c)
        out.append(c)
    return out


def _skip_to(rt, skip, S: bytes, s: int) -> int:
    """The first position from *s* on where a match can start (``len(S)`` if
    none), given the pattern's ``(regex, table)`` skipper."""
    rx, first = skip
    if s < len(S) and first[S[s]]:
        return s
    m = rx.search(S, s)
    t = m.start() if m else len(S)
    _work(rt, t - s)
    return t


def _results(rt, caps: list):
    """Captures as the results of a library call (one value or a tuple)."""
    out = _as_values(rt, caps)
    return out[0] if len(out) == 1 else tuple(out)


def _replacement(rt, r: bytes):
    """A replacement string split at its ``%`` escapes: ``None`` when it has none,
    else a list of bytes (literal text), ints (capture: 0 = whole match, k = %k)
    and ``None`` (an invalid escape: the error is raised when reached, as in Lua)."""
    if b"%" not in r:
        return None
    parts: list = []
    i = 0
    while True:
        j = r.find(b"%", i)
        if j < 0:
            parts.append(r[i:])
            return parts
        if j > i:
            parts.append(r[i:j])
        c = r[j + 1] if j + 1 < len(r) else 0
        if c == 37:
            parts.append(b"%")
        elif 48 <= c <= 57:
            parts.append(c - 48)
        else:
            parts.append(None)
        i = j + 2


def _expand(ms, parts: list, s: int, e: int) -> bytes:
    out = []
    for part in parts:
        if type(part) is bytes:
            out.append(part)
        elif part is None:
            ms.rt.error("invalid use of '%' in replacement string")
        elif part == 0:
            out.append(ms.subj[s:e])
        else:
            c = ms.capture(part - 1, s, e)
            out.append(str(c).encode() if type(c) is int else c)
    return b"".join(out)


# -- pack helpers -------------------------------------------------------------------
K_INT, K_UINT, K_FLOAT, K_DOUBLE, K_CHAR, K_STRING, K_ZSTR, K_PADDING, K_PADALIGN, K_NOP = range(10)
_FIXED = {
    ord("b"): (K_INT, 1), ord("B"): (K_UINT, 1), ord("h"): (K_INT, 2), ord("H"): (K_UINT, 2),
    ord("l"): (K_INT, 8), ord("L"): (K_UINT, 8), ord("j"): (K_INT, 8), ord("J"): (K_UINT, 8),
    ord("T"): (K_UINT, 8), ord("f"): (K_FLOAT, 4), ord("n"): (K_DOUBLE, 8), ord("d"): (K_DOUBLE, 8),
    ord("z"): (K_ZSTR, 0), ord("x"): (K_PADDING, 1), ord("X"): (K_PADALIGN, 0), ord(" "): (K_NOP, 0),
}
MAXINTSIZE = 16
NATIVE_ALIGN = 8


class _Header:
    """Endianness and maximum alignment while reading a pack format (native:
    little endian, as on the machines Lua's reference results come from)."""

    __slots__ = ("little", "maxalign")

    def __init__(self):
        self.little = True
        self.maxalign = 1


def _packfmt(rt, args, fname: str) -> bytes:
    """The format string's bytes up to the first NUL (Lua reads it as a C string)."""
    return to_bytes(_str(rt, args, 1, fname)).split(b"\0", 1)[0]


def _getnum(fmt: bytes, i: int, default: int) -> tuple[int, int]:
    if i >= len(fmt) or not 48 <= fmt[i] <= 57:
        return default, i
    a = 0
    while True:
        a = a * 10 + fmt[i] - 48
        i += 1
        if not (i < len(fmt) and 48 <= fmt[i] <= 57 and a <= (INT_MAX - 9) // 10):
            return a, i


def _getnumlimit(rt, fmt: bytes, i: int, default: int) -> tuple[int, int]:
    size, i = _getnum(fmt, i, default)
    if size > MAXINTSIZE or size <= 0:
        rt.error(f"integral size ({size}) out of limits [1,{MAXINTSIZE}]")
    return size, i


def _option(rt, h: _Header, fmt: bytes, i: int) -> tuple[int, int, int]:
    """The option at *i*: ``(kind, size, next i)``."""
    c = fmt[i]
    i += 1
    fixed = _FIXED.get(c)
    if fixed is not None:
        return fixed[0], fixed[1], i
    if c == 105 or c == 73:                           # i I
        size, i = _getnumlimit(rt, fmt, i, 4)
        return (K_INT if c == 105 else K_UINT), size, i
    if c == 115:                                      # s
        size, i = _getnumlimit(rt, fmt, i, 8)
        return K_STRING, size, i
    if c == 99:                                       # c
        size, i = _getnum(fmt, i, -1)
        if size == -1:
            rt.error("missing size for format option 'c'")
        return K_CHAR, size, i
    if c == 60 or c == 61:                            # < =
        h.little = True
    elif c == 62:                                     # >
        h.little = False
    elif c == 33:                                     # !
        h.maxalign, i = _getnumlimit(rt, fmt, i, NATIVE_ALIGN)
    else:
        rt.error(f"invalid format option '{from_bytes(bytes([c]))}'")
    return K_NOP, 0, i


def _details(rt, h: _Header, total: int, fmt: bytes, i: int, fname: str):
    """The option at *i* with the padding that aligns it at offset *total*:
    ``(kind, size, ntoalign, next i)``."""
    opt, size, i = _option(rt, h, fmt, i)
    align = size
    if opt == K_PADALIGN:
        if i >= len(fmt):
            arg_error(rt, 1, fname, "invalid next option for option 'X'")
        nxt, align, i = _option(rt, h, fmt, i)
        if nxt == K_CHAR or align == 0:
            arg_error(rt, 1, fname, "invalid next option for option 'X'")
    if align <= 1 or opt == K_CHAR:
        return opt, size, 0, i
    align = min(align, h.maxalign)
    if align & (align - 1):
        arg_error(rt, 1, fname, "format asks for alignment not power of 2")
    return opt, size, (align - (total & (align - 1))) & (align - 1), i


def _packint(x: int, size: int, little: bool) -> bytes:
    """*x* in *size* bytes, two's complement (sign-extended past 8 bytes when negative)."""
    return (x & ((1 << (8 * size)) - 1)).to_bytes(size, "little" if little else "big")


def _unpackint(rt, b: bytes, little: bool, signed: bool) -> int:
    size = len(b)
    if not little:
        b = b[::-1]
    res = int.from_bytes(b[:8], "little")
    if size < 8:
        if signed:
            mask = 1 << (size * 8 - 1)
            res = (res ^ mask) - mask
    elif size > 8:
        fill = 0xFF if signed and res >> 63 else 0
        if any(x != fill for x in b[8:]):
            rt.error(f"{size}-byte integer does not fit into Lua Integer")
    return wrap(res)
