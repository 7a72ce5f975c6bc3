"""Deterministic serialization of IR modules.

Same module ⇒ same bytes: nothing depends on hash order, ids or the clock, so
the bytes can key a cache and ship a pre-validated spell.  ``load`` verifies
what it reads.

Byte layout (all integers are LEB128 varints; ``s`` = zigzag-signed varint)::

    module   := MAGIC "LLSPIR" , FORMAT_VERSION:u8 , lang:str , name:str , source:str ,
                nfuncs , function*
    function := name:str , span , nparams , is_vararg:u8 , kind , nregs ,
                nupvals , (name:str , from_reg:u8 , index , boxed:u8)* ,
                nconsts , const* ,
                ninstrs , (opcode , operand:s*)* ,            operand count from the opcode table
                span*  (one per instruction, each relative to the previous) ,
                nchildren , child* ,
                nlocvars , (name:str , reg , start , end , boxed:u8)*
    span     := line , col , end_line , end_col
    const    := 0 int:s | 1 float:8 bytes IEEE big-endian | 2 str | 3 false | 4 true
    str      := length , UTF-8 bytes (surrogates kept as their 3-byte forms: Lua's escaped
                bytes and JavaScript's UTF-16 halves both round-trip)

Bump FORMAT_VERSION whenever this layout or the opcode table changes.
"""
from __future__ import annotations

import struct

from .errors import VerifyError
from .model import Function, LocVar, Module, Upval
from .opcodes import OPCODES
from .source import Span
from .verify import verify

MAGIC = b"LLSPIR"
FORMAT_VERSION = 5


class _Writer:
    def __init__(self):
        self.buf = bytearray()

    def u(self, n: int):
        if n < 0:
            raise ValueError("negative unsigned varint")
        while True:
            b = n & 0x7F
            n >>= 7
            if n:
                self.buf.append(b | 0x80)
            else:
                self.buf.append(b)
                return

    def s(self, n: int):
        self.u((n << 1) if n >= 0 else ((-n << 1) - 1))

    def str(self, v: str):
        b = v.encode("utf-8", "surrogatepass")
        self.u(len(b))
        self.buf += b


class _Reader:
    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    def byte(self) -> int:
        if self.pos >= len(self.data):
            raise VerifyError("truncated IR module")
        b = self.data[self.pos]
        self.pos += 1
        return b

    def u(self) -> int:
        n = shift = 0
        while True:
            b = self.byte()
            n |= (b & 0x7F) << shift
            if not b & 0x80:
                return n
            shift += 7

    def s(self) -> int:
        n = self.u()
        return (n >> 1) if not n & 1 else -((n + 1) >> 1)

    def raw(self, k: int) -> bytes:
        if self.pos + k > len(self.data):
            raise VerifyError("truncated IR module")
        b = self.data[self.pos:self.pos + k]
        self.pos += k
        return b

    def str(self) -> str:
        return self.raw(self.u()).decode("utf-8", "surrogatepass")


def dumps(module: Module) -> bytes:
    w = _Writer()
    w.buf += MAGIC
    w.buf.append(FORMAT_VERSION)
    w.str(module.lang)
    w.str(module.name)
    w.str(module.source)
    w.u(len(module.functions))
    for fn in module.functions:
        _write_function(w, fn)
    return bytes(w.buf)


def _write_span(w: _Writer, sp: Span):
    w.u(sp.line)
    w.u(sp.col)
    w.u(sp.end_line)
    w.u(sp.end_col)


def _write_function(w: _Writer, fn: Function):
    w.str(fn.name)
    _write_span(w, fn.span)
    w.u(fn.nparams)
    w.u(1 if fn.is_vararg else 0)
    w.u(fn.kind)
    w.u(fn.nregs)
    w.u(len(fn.upvals))
    for up in fn.upvals:
        w.str(up.name)
        w.u(1 if up.from_reg else 0)
        w.u(up.index)
        w.u(1 if up.boxed else 0)
    w.u(len(fn.consts))
    for k in fn.consts:
        if type(k) is bool:
            w.u(4 if k else 3)
        elif type(k) is int:
            w.u(0)
            w.s(k)
        elif type(k) is float:
            w.u(1)
            w.buf += struct.pack(">d", k)
        else:
            w.u(2)
            w.str(k)
    w.u(len(fn.code))
    for ins in fn.code:
        w.u(ins[0])
        for v in ins[1:]:
            w.s(v)
    prev = (0, 0)
    for sp in fn.spans:
        # lines relative to the previous instruction's line keep the table small
        w.s(sp.line - prev[0])
        w.u(sp.col)
        w.s(sp.end_line - sp.line)
        w.u(sp.end_col)
        prev = (sp.line, sp.col)
    w.u(len(fn.children))
    for c in fn.children:
        w.u(c)
    w.u(len(fn.locvars))
    for lv in fn.locvars:
        w.str(lv.name)
        w.u(lv.reg)
        w.u(lv.start)
        w.u(lv.end)
        w.u(1 if lv.boxed else 0)


def loads(data: bytes) -> Module:
    """Read a module written by :func:`dumps` and verify it."""
    r = _Reader(data)
    if r.raw(len(MAGIC)) != MAGIC:
        raise VerifyError("not an llmspell IR module (bad magic)")
    version = r.byte()
    if version != FORMAT_VERSION:
        raise VerifyError(f"IR format version {version} is not supported (expected {FORMAT_VERSION})")
    lang = r.str()
    name = r.str()
    source = r.str()
    module = Module(lang=lang, name=name, source=source)
    for _ in range(r.u()):
        module.functions.append(_read_function(r, name))
    if r.pos != len(data):
        raise VerifyError("trailing bytes after IR module")
    return verify(module)


def _read_function(r: _Reader, file: str) -> Function:
    fname = r.str()
    span = Span(file, r.u(), r.u(), r.u(), r.u())
    fn = Function(name=fname, span=span, nparams=r.u(), is_vararg=bool(r.u()), kind=r.u(), nregs=r.u())
    for _ in range(r.u()):
        fn.upvals.append(Upval(r.str(), bool(r.u()), r.u(), bool(r.u())))
    for _ in range(r.u()):
        tag = r.u()
        if tag == 0:
            fn.consts.append(r.s())
        elif tag == 1:
            fn.consts.append(struct.unpack(">d", r.raw(8))[0])
        elif tag == 2:
            fn.consts.append(r.str())
        elif tag in (3, 4):
            fn.consts.append(tag == 4)
        else:
            raise VerifyError(f"unknown constant tag {tag}")
    n = r.u()
    for _ in range(n):
        op = r.u()
        if op >= len(OPCODES):
            raise VerifyError(f"unknown opcode {op}")
        fn.code.append((op, *(r.s() for _ in OPCODES[op].kinds)))
    line = 0
    for _ in range(n):
        line += r.s()
        col = r.u()
        end_line = line + r.s()
        fn.spans.append(Span(file, line, col, end_line, r.u()))
    fn.children = [r.u() for _ in range(r.u())]
    for _ in range(r.u()):
        fn.locvars.append(LocVar(r.str(), r.u(), r.u(), r.u(), bool(r.u())))
    return fn
