"""JavaScript's conventions in the IR, shared by its front end and its runtime.

The IR is language-neutral except where a module's language gives meaning to
a field; for a ``"javascript"`` module that is:

* ``Function.kind`` — the function-kind bits below, with the function's
  ``length`` (parameters before the first default or rest) above
  :data:`KIND_BITS`;
* string constants — UTF-16 code units (an astral character is stored as its
  surrogate pair), the representation JavaScript strings have at run time.
"""
from __future__ import annotations

CALLABLE = 1        # may be called without new (classes may not)
CONSTRUCTOR = 2     # may be called with new (arrows, methods, generators may not)
DERIVED = 4         # a class with an `extends` clause: `this` comes from super()
CLASS = 8           # printed as [class X]
ARROW = 16          # lexical this
GENERATOR = 32
ASYNC = 64
NATIVE = 128        # a built-in (never in the IR: the runtime's own functions)

KIND_BITS = 8       # Function.kind = flags | (length << KIND_BITS)


def utf16_units(s: str) -> str:
    """A Python string as JavaScript code units: astral characters become surrogate pairs."""
    if s.isascii() or all(c < "\U00010000" for c in s):
        return s
    b = s.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(b[i:i + 2], "little")) for i in range(0, len(b), 2))
