"""The IR's integers: 64-bit two's complement, as Lua's (and Tengo's) are.

Integer constants in a module are in [MINI, MAXI]; a front end folding
constant arithmetic, or a lexer reading a hexadecimal literal that overflows,
wraps with :func:`wrap` exactly as the VM's arithmetic does.
"""
from __future__ import annotations

MAXI = 0x7FFFFFFFFFFFFFFF
MINI = -0x8000000000000000


def wrap(i: int) -> int:
    """Wrap a Python int to a two's-complement 64-bit integer."""
    i &= 0xFFFFFFFFFFFFFFFF
    return i - 0x10000000000000000 if i > MAXI else i
