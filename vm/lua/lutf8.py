"""Lua 5.4's ``utf8`` library: char, charpattern, codepoint, len, offset, codes.

Input: script strings, seen as Lua sees them — bytes (``values.to_bytes``) —
and byte positions (1-based, negative counts from the end).  Output: code
points, byte positions and strings (built as bytes and turned back into the
canonical script string with ``values.from_bytes``).

Decoding follows lutf8lib.c: sequences of up to 6 bytes, overlong forms
rejected; strict mode (the default) also rejects surrogates and code points
above U+10FFFF, while ``lax`` accepts anything up to 2^31-1.  Reading past the
end of the string sees the terminating NUL of a C string, which is not a
continuation byte.
"""
from __future__ import annotations

from ..runtime import register_function
from ..values import Table, from_bytes, to_bytes
from .lauxlib import arg_error, check_int, check_str, opt_int
from .numbers import tointeger

M64 = 0xFFFFFFFFFFFFFFFF
MAXUNICODE = 0x10FFFF
MAXUTF = 0x7FFFFFFF
INT_MAX = 0x7FFFFFFF
#: most values ``codepoint`` returns (Lua's stack holds at most 1e6 slots)
MAX_RESULTS = 1_000_000
#: smallest code point for each number of continuation bytes (overlong check);
#: the first entry rejects a continuation byte standing alone
LIMITS = (0xFFFFFFFF, 0x80, 0x800, 0x10000, 0x200000, 0x4000000)
CHARPATTERN = from_bytes(b"[\x00-\x7F\xC2-\xFD][\x80-\xBF]*")
MSG_INVALID = "invalid UTF-8 code"


def decode(b: bytes, i: int, strict: bool):
    """Decode the sequence starting at byte *i*: ``(code, next index)`` or None."""
    n = len(b)
    c = b[i] if i < n else 0
    if c < 0x80:
        res = c
        count = 0
    else:
        res = 0
        count = 0
        while c & 0x40:
            count += 1
            cc = b[i + count] if i + count < n else 0
            if cc & 0xC0 != 0x80:
                return None
            res = (res << 6) | (cc & 0x3F)
            c <<= 1
        res |= (c & 0x7F) << (count * 5)
        if count > 5 or res > MAXUTF or res < LIMITS[count]:
            return None
    if strict and (res > MAXUNICODE or 0xD800 <= res <= 0xDFFF):
        return None
    return res, i + count + 1


def encode(x: int) -> bytes:
    """Lua's ``luaO_utf8esc``: up to 6 bytes for values below 2^31."""
    if x < 0x80:
        return bytes((x,))
    out = []
    mfb = 0x3F                 # largest value that still fits in the first byte
    while True:
        out.append(0x80 | (x & 0x3F))
        x >>= 6
        mfb >>= 1
        if x <= mfb:
            break
    out.append(((~mfb << 1) | x) & 0xFF)
    return bytes(reversed(out))


def posrelat(pos: int, length: int) -> int:
    if pos >= 0:
        return pos
    if -pos > length:
        return 0
    return length + pos + 1


def open(rt) -> Table:
    meter = rt.meter
    cache = [None, b""]          # the last string iterated by codes(): str -> bytes

    def as_bytes(s: str) -> bytes:
        if cache[0] is not s:
            cache[0], cache[1] = s, to_bytes(s)
        return cache[1]

    def char(*args):
        out = bytearray()
        for i, v in enumerate(args, 1):
            code = check_int(rt, v, i, "char")
            if code & M64 > MAXUTF:
                arg_error(rt, i, "char", "value out of range")
            out += encode(code)
        meter.string(len(out))
        return from_bytes(bytes(out))

    def codepoint(s=None, i=None, j=None, lax=None, *_):
        b = to_bytes(check_str(rt, s, 1, "codepoint"))
        n = len(b)
        posi = posrelat(opt_int(rt, i, 2, "codepoint", 1), n)
        pose = posrelat(opt_int(rt, j, 3, "codepoint", posi), n)
        strict = lax is None or lax is False
        if posi < 1:
            arg_error(rt, 2, "codepoint", "out of bounds")
        if pose > n:
            arg_error(rt, 3, "codepoint", "out of bounds")
        if posi > pose:
            return ()
        if pose - posi >= INT_MAX:
            rt.error("string slice too long")
        if pose - posi + 1 >= MAX_RESULTS:
            rt.error("stack overflow (string slice too long)")
        meter.charge(pose - posi + 1)
        meter.alloc(8 * (pose - posi + 1), 0)
        codes = []
        p = posi - 1
        while p < pose:
            r = decode(b, p, strict)
            if r is None:
                rt.error(MSG_INVALID)
            code, p = r
            codes.append(code)
        return codes[0] if len(codes) == 1 else tuple(codes)

    def len_(s=None, i=None, j=None, lax=None, *_):
        b = to_bytes(check_str(rt, s, 1, "len"))
        n = len(b)
        posi = posrelat(opt_int(rt, i, 2, "len", 1), n)
        posj = posrelat(opt_int(rt, j, 3, "len", -1), n)
        strict = lax is None or lax is False
        if not (1 <= posi and posi - 1 <= n):
            arg_error(rt, 2, "len", "initial position out of bounds")
        posi -= 1
        posj -= 1
        if not posj < n:
            arg_error(rt, 3, "len", "final position out of bounds")
        meter.charge(max(posj - posi + 1, 0))
        count = 0
        while posi <= posj:
            r = decode(b, posi, strict)
            if r is None:
                return None, posi + 1
            posi = r[1]
            count += 1
        return count

    def offset(s=None, n=None, i=None, *_):
        b = to_bytes(check_str(rt, s, 1, "offset"))
        length = len(b)
        n = check_int(rt, n, 2, "offset")
        posi = posrelat(opt_int(rt, i, 3, "offset", 1 if n >= 0 else length + 1), length)
        if not (1 <= posi and posi - 1 <= length):
            arg_error(rt, 3, "offset", "position out of bounds")
        posi -= 1

        def iscont(p: int) -> bool:
            return p < length and b[p] & 0xC0 == 0x80

        start = posi
        if n == 0:
            while posi > 0 and iscont(posi):
                posi -= 1
        else:
            if iscont(posi):
                rt.error("initial position is a continuation byte")
            if n < 0:
                while n < 0 and posi > 0:
                    posi -= 1
                    while posi > 0 and iscont(posi):
                        posi -= 1
                    n += 1
            else:
                n -= 1
                while n > 0 and posi < length:
                    posi += 1
                    while iscont(posi):
                        posi += 1
                    n -= 1
        meter.charge(abs(posi - start) + 1)
        return posi + 1 if n == 0 else None

    def iterator(strict: bool):
        def iter_aux(s=None, control=None, *_):
            b = as_bytes(check_str(rt, s, 1, "for iterator"))
            length = len(b)
            n = (tointeger(control) or 0) & M64
            if n < length:
                while n < length and b[n] & 0xC0 == 0x80:
                    n += 1
            if n >= length:
                return ()
            meter.charge(1)
            r = decode(b, n, strict)
            if r is None or (r[1] < length and b[r[1]] & 0xC0 == 0x80):
                rt.error(MSG_INVALID)
            return n + 1, r[0]
        return iter_aux

    iter_strict, iter_lax = iterator(True), iterator(False)
    register_function("for iterator", iter_strict)

    def codes(s=None, lax=None, *_):
        lax = lax is not None and lax is not False
        b = to_bytes(check_str(rt, s, 1, "codes"))
        if b[:1] and b[0] & 0xC0 == 0x80:
            arg_error(rt, 1, "codes", MSG_INVALID)
        return (iter_lax if lax else iter_strict), s, 0

    lib = rt.new_table()
    lib.hash.update(offset=offset, codepoint=codepoint, char=char, len=len_, codes=codes,
                    charpattern=CHARPATTERN)
    return lib
