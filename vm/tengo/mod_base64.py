"""Tengo's ``base64`` module: Go's encoding/base64 with its four encodings.

``encode``-style functions take bytes (or a string's UTF-8) and return a string;
``decode``-style functions take a string and return bytes, or an error value with
Go's message (``illegal base64 data at input byte 3``).  Decoding follows Go's
``DecodeString`` exactly: CR and LF are skipped anywhere, the padded encodings
insist on padding, the raw ones refuse it, and the reported offset is Go's.

The Go functions carry no name, so Tengo's errors call them ``user-function:``.
"""
from __future__ import annotations

import base64

from .libargs import functions, go_error, unpack, utf8
from .values import ImmutableMap

LABEL = "user-function:"
_STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_URL = _STD[:62] + "-_"


def _decode_map(alphabet: str) -> dict:
    return {ord(c): i for i, c in enumerate(alphabet)}


_MAPS = {_STD: _decode_map(_STD), _URL: _decode_map(_URL)}


class CorruptInput(Exception):
    """Go's ``CorruptInputError``: the byte offset of the bad input."""

    def __str__(self) -> str:
        return f"illegal base64 data at input byte {self.args[0]}"


def decode(src: bytes, alphabet: str, padded: bool) -> bytes:
    """Go's ``Encoding.DecodeString``, quantum by quantum (``decodeQuantum``)."""
    dmap = _MAPS[alphabet]
    out = bytearray()
    si, n = 0, len(src)
    while si < n:
        vals = []
        while len(vals) < 4:
            if si == n:
                if not vals:
                    return bytes(out)
                if len(vals) == 1 or padded:
                    raise CorruptInput(si - len(vals))
                break
            c = src[si]
            si += 1
            v = dmap.get(c)
            if v is not None:
                vals.append(v)
                continue
            if c in (0x0A, 0x0D):
                continue
            if c != 0x3D or not padded or len(vals) < 2:
                raise CorruptInput(si - 1)
            if len(vals) == 2:                     # "==" expected: find the second "="
                while si < n and src[si] in (0x0A, 0x0D):
                    si += 1
                if si == n:
                    raise CorruptInput(n)
                if src[si] != 0x3D:
                    raise CorruptInput(si - 1)
                si += 1
            while si < n and src[si] in (0x0A, 0x0D):
                si += 1
            if si < n:
                raise CorruptInput(si)            # trailing garbage after the padding
            break
        value = 0
        for v in vals + [0] * (4 - len(vals)):
            value = value << 6 | v
        out += value.to_bytes(3, "big")[:len(vals) - 1]
    return bytes(out)


def module(rt) -> ImmutableMap:
    def encoder(alphabet: str, padded: bool):
        def encode(*args):
            (data,) = unpack(rt, LABEL, args, "Y")
            rt.meter.charge(len(data) // 8)
            s = base64.b64encode(data, altchars=alphabet[62:].encode()).decode("ascii")
            s = s if padded else s.rstrip("=")
            rt.meter.string(len(s))
            return s
        return encode

    def decoder(alphabet: str, padded: bool):
        def decode_(*args):
            (s,) = unpack(rt, LABEL, args, "S")
            raw = utf8(s)
            rt.meter.charge(len(raw) // 8)
            try:
                out = decode(raw, alphabet, padded)
            except CorruptInput as e:
                return go_error(rt, str(e))
            rt.meter.alloc(len(out))
            return out
        return decode_

    fns = {}
    for prefix, alphabet, padded in (("", _STD, True), ("raw_", _STD, False),
                                     ("url_", _URL, True), ("raw_url_", _URL, False)):
        fns[prefix + "encode"] = encoder(alphabet, padded)
        fns[prefix + "decode"] = decoder(alphabet, padded)
    return ImmutableMap(functions(rt, fns, label_name=""))
