"""The one value model shared by every language.

=================  ===================  ==========================================
script value       Python representation notes
=================  ===================  ==========================================
nil / undefined    ``None``             never stored in a table (assigning nil deletes)
boolean            ``True`` / ``False`` table keys are boxed (``TRUE_KEY``) so that
                                        ``t[true]`` and ``t[1]`` stay distinct
integer            ``int``              always in [-2**63, 2**63): arithmetic wraps
float              ``float``            IEEE double; the sign of NaN is kept
string             ``str``              Lua's byte semantics come from the UTF-8
                                        encoding; bytes that are not UTF-8 are kept
                                        as surrogate escapes, so every byte string
                                        round-trips (see :func:`to_bytes`)
table              :class:`Table`       array part ``arr`` (1-based, slot 0 unused)
                                        plus insertion-ordered ``hash`` part
function           Python callable      compiled spell functions and builtins alike;
                                        they take any number of positional
                                        arguments and return one value or a
                                        ``tuple`` of values (``()`` for none)
coroutine          :class:`Coroutine`   (vm.lua.coroutine) a greenlet underneath
=================  ===================  ==========================================

Multiple results travel as a plain Python ``tuple``: no script value is ever a
tuple, so ``type(r) is tuple`` tells "several results" from "one result".
Values crossing to the host become plain Python data (``to_python``).
"""
from __future__ import annotations

from ..ir.ints import MAXI, MINI, wrap  # noqa: F401  (the VM's integers are the IR's)


class BoolKey:
    """Stands for ``true``/``false`` as a hash key (``True == 1`` in Python)."""

    __slots__ = ("value",)

    def __init__(self, value: bool):
        self.value = value

    def __repr__(self) -> str:
        return f"BoolKey({self.value})"


TRUE_KEY = BoolKey(True)
FALSE_KEY = BoolKey(False)


def norm_key(k):
    """The hash-part key for script key *k* (floats with integral value become ints)."""
    tk = type(k)
    if tk is float:
        if k.is_integer():
            return int(k)
        return k
    if tk is bool:
        return TRUE_KEY if k else FALSE_KEY
    return k


def denorm_key(k):
    return k.value if type(k) is BoolKey else k


class Table:
    """A Lua table (and, later, the object/map of the other languages).

    ``arr[i]`` holds key ``i`` for ``1 <= i < len(arr)``; ``arr[0]`` is an unused
    placeholder so indices need no offset.  ``arr`` may contain ``None`` holes
    but never ends in one, so ``len(arr) - 1`` is always a border (``#t``).  The
    hash part never holds an integer key in ``[1, len(arr)]``.  ``hash`` is
    insertion ordered, which makes iteration deterministic.
    """

    __slots__ = ("arr", "hash", "meta", "_order")

    def __init__(self, arr: list | None = None, hash: dict | None = None):
        self.arr = arr if arr is not None else [None]
        self.hash = hash if hash is not None else {}
        self.meta: Table | None = None
        self._order = None          # cached key order for next(); see next()

    # -- raw access (no metamethods) -------------------------------------------------
    def get(self, k):
        if type(k) is int:
            arr = self.arr
            if 0 < k < len(arr):
                return arr[k]
            return self.hash.get(k)
        if type(k) is str:
            return self.hash.get(k)
        k = norm_key(k)
        if type(k) is int:
            return self.get(k)
        return self.hash.get(k)

    def set(self, k, v) -> int:
        """Raw set; returns how many new slots were created (for memory metering).

        The caller has already rejected nil and NaN keys.
        """
        if type(k) is not int:
            k = norm_key(k)
            if type(k) is not int:
                h = self.hash
                if v is None:
                    h.pop(k, None)
                    return 0
                if k in h:
                    h[k] = v
                    return 0
                h[k] = v
                self._order = None
                return 1
        arr = self.arr
        n = len(arr)
        if 0 < k < n:
            arr[k] = v
            if v is None and k == n - 1:
                arr.pop()
                while len(arr) > 1 and arr[-1] is None:
                    arr.pop()
            return 0
        if k == n:
            if v is None:
                return 0
            arr.append(v)
            h = self.hash
            if h:
                k += 1
                while k in h:
                    arr.append(h.pop(k))
                    k += 1
            return 1
        h = self.hash
        if v is None:
            h.pop(k, None)
            return 0
        if k in h:
            h[k] = v
            return 0
        h[k] = v
        self._order = None
        return 1

    def length(self) -> int:
        """The border ``#t`` without metamethods."""
        return len(self.arr) - 1

    def next(self, k):
        """Lua's ``next``: the entry after key *k* (``None`` starts), or ``None``.

        Returns ``(key, value)`` or ``None`` at the end.  Raises ``KeyError`` for a
        key that is not in the table.  The hash order is cached and survives
        assigning nil to existing fields during a traversal, as Lua allows.
        """
        arr = self.arr
        if k is None:
            i = 1
        elif type(k) is int and 0 < k < len(arr):
            i = k + 1
        else:
            i = -1
        if i > 0:
            n = len(arr)
            while i < n:
                v = arr[i]
                if v is not None:
                    return i, v
                i += 1
            start = 0
            keys = self._key_order()[0]
        else:
            keys, position = self._key_order()
            j = position.get(norm_key(k))
            if j is None:
                raise KeyError(k)
            start = j + 1
        h = self.hash
        for j in range(start, len(keys)):
            key = keys[j]
            v = h.get(key)
            if v is not None:
                return denorm_key(key), v
        return None

    def _key_order(self):
        order = self._order
        if order is None:
            keys = list(self.hash)
            order = self._order = (keys, {key: j for j, key in enumerate(keys)})
        return order

    def items(self):
        """Iterate ``(key, value)`` pairs: array part in order, then the hash part.

        Tolerates assignments to existing fields (including nil) while iterating;
        keys added meanwhile are not visited.
        """
        arr = self.arr
        i = 1
        while i < len(arr):
            v = arr[i]
            if v is not None:
                yield i, v
            i += 1
        h = self.hash
        for key in list(h):
            v = h.get(key)
            if v is not None:
                yield denorm_key(key), v

    def __repr__(self) -> str:
        return f"<Table arr={len(self.arr) - 1} hash={len(self.hash)}>"


def is_callable(v) -> bool:
    return callable(v) and type(v) is not type


def to_bytes(s: str) -> bytes:
    """The bytes of a script string (Lua's view of it)."""
    return s.encode("utf-8", "surrogateescape")


def from_bytes(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def join(parts) -> str:
    """Concatenate script strings, keeping the one spelling of each byte string.

    A byte string has one ``str`` spelling: valid UTF-8 decoded, other bytes as
    surrogate escapes.  Joining ``"\\xc3"`` and ``"\\xa9"`` side by side would give
    two escapes where the canonical spelling is ``"é"``, so a join whose seam
    has escapes on both sides is re-decoded (rare, and only for such strings).
    """
    s = "".join(parts)
    if s.isascii():
        return s
    prev = None
    for p in parts:
        if prev and p and "\udc80" <= prev[-1] <= "\udcff" and "\udc80" <= p[0] <= "\udcff":
            return from_bytes(to_bytes(s))
        if p:
            prev = p
    return s


def byte_len(s: str) -> int:
    return len(s) if s.isascii() else len(s.encode("utf-8", "surrogateescape"))


def as_latin1(s: str) -> str:
    """*s* re-spelled with one character per byte, so str indexing is byte indexing."""
    return s if s.isascii() else s.encode("utf-8", "surrogateescape").decode("latin-1")


def from_latin1(s: str) -> str:
    """Inverse of :func:`as_latin1`."""
    return s if s.isascii() else s.encode("latin-1").decode("utf-8", "surrogateescape")


def to_python(v, _depth: int = 0):
    """A script value as plain Python data: tables become lists (a pure array
    part) or dicts; functions and other opaque values become their type name."""
    if v is None or type(v) in (bool, int, float, str):
        return v
    if type(v) is Table:
        if _depth > 100:
            return "<table nested too deeply>"
        if not v.hash and None not in v.arr[1:]:
            return [to_python(x, _depth + 1) for x in v.arr[1:]]
        out = {}
        for k, x in v.items():
            out[k if type(k) is str else str(k) if type(k) in (int, float, bool) else repr(k)] = \
                to_python(x, _depth + 1)
        return out
    return f"<{getattr(type(v), 'lua_type', 'function')}>"
