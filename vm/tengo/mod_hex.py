"""Tengo's ``hex`` module: Go's encoding/hex ``EncodeToString`` and ``DecodeString``.

``encode(bytes)`` gives lower-case hex digits; ``decode(string)`` gives bytes, or an
error value with Go's message — the first invalid byte is reported before an odd
length (``encoding/hex: invalid byte: U+007A 'z'``, ``encoding/hex: odd length hex
string``).  The Go functions carry no name (``user-function:`` in errors).
"""
from __future__ import annotations

from .libargs import functions, go_error, unpack, utf8
from .values import ImmutableMap

LABEL = "user-function:"
_HEX = frozenset(b"0123456789abcdefABCDEF")


def _invalid_byte(b: int) -> str:
    """Go's ``InvalidByteError``: ``%#U`` of the byte read as a rune."""
    ch = chr(b)
    shown = f" '{ch}'" if ch.isprintable() else ""
    return f"encoding/hex: invalid byte: U+{b:04X}{shown}"


def decode(src: bytes) -> bytes | str:
    """Go's ``hex.DecodeString``: the bytes, or Go's error message."""
    for b in src[: len(src) - len(src) % 2]:
        if b not in _HEX:
            return _invalid_byte(b)
    if len(src) % 2:
        return _invalid_byte(src[-1]) if src[-1] not in _HEX else "encoding/hex: odd length hex string"
    return bytes.fromhex(src.decode("ascii"))


def module(rt) -> ImmutableMap:
    def encode(*args):
        (data,) = unpack(rt, LABEL, args, "Y")
        rt.meter.string(2 * len(data))
        return data.hex()

    def decode_(*args):
        (s,) = unpack(rt, LABEL, args, "S")
        raw = utf8(s)
        rt.meter.charge(len(raw) // 8)
        out = decode(raw)
        if type(out) is str:
            return go_error(rt, out)
        rt.meter.alloc(len(out))
        return out

    return ImmutableMap(functions(rt, {"encode": encode, "decode": decode_}, label_name=""))
