"""JavaScript values on the shared value model.

=================  ===========================  ======================================
JS value           Python representation        notes
=================  ===========================  ======================================
undefined          ``None``                     also what a missing property reads as
null               :data:`JS_NULL`              a singleton; falsy; ``typeof`` "object"
boolean            ``True`` / ``False``
number             ``float`` — always           never a Python ``int``, so ``type(x) is
                                                float`` is the number test; ``-0.0``
                                                and NaN are themselves
string             ``str`` of UTF-16 code       an astral character is stored as its
                   units                        surrogate pair, so ``len``, indexing and
                                                ``charCodeAt`` are JavaScript's
symbol             :class:`JsSymbol`            compared by identity
object             :class:`JsObject`            ``props`` (own properties, insertion
                                                ordered), ``proto``, ``cls`` (the class
                                                tag: "Object", "Error", "Map", ...) and
                                                ``internal`` (a Map's entries, a Date's
                                                time value, ...)
array              :class:`JsArray`             ``items`` is a Python list, one slot
                                                per index; a hole (``[1, , 3]``,
                                                ``delete a[1]``) is :data:`HOLE`;
                                                ``length`` is virtual
function           :class:`JsFunction`          ``fn(this, *args)`` is the Python
                                                callable; compiled functions and natives
                                                alike return exactly one value
=================  ===========================  ======================================

A property value is either the value itself or an :class:`Accessor` (a
getter/setter pair).  Property keys are strings (numbers are converted to
their canonical string, ``1`` → ``"1"``) or symbols.  Own keys enumerate in
JavaScript's order — array indices ascending, then strings in insertion order,
then symbols — so output never depends on how Python stores them.

Strings cross to the host (output, bridges) through :func:`to_host_str`, which
joins surrogate pairs back into code points; :func:`from_host_str` splits them.
"""
from __future__ import annotations


class JSNull:
    """The type of ``null`` (one instance, :data:`JS_NULL`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "null"

    def __bool__(self) -> bool:
        return False


JS_NULL = JSNull()


class _Uninitialised:
    """What a captured ``let``/``const`` holds before its declaration runs
    (the temporal dead zone); never a script value."""

    __slots__ = ()


TDZ = _Uninitialised()


class _Hole:
    """What an array slot holds when the array has no element there (``[1, , 3]``,
    ``Array(3)``, ``delete a[1]``, ``a.length = 5``).  Never a script value: every
    read that hands an element to script code turns it into undefined, while ``in``,
    ``Object.keys``, ``forEach`` and the printer see that the element is absent.
    (Indexed properties inherited from ``Array.prototype`` do not show through a
    hole: they would cost every array read a prototype walk for a case nobody writes.)"""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<hole>"


HOLE = _Hole()


class JsSymbol:
    __slots__ = ("description",)

    def __init__(self, description=None):
        self.description = description      # str or None (undefined)

    def __repr__(self) -> str:
        return f"Symbol({self.description or ''})"


#: well-known symbols (shared by every run: they carry no state)
SYM_ITERATOR = JsSymbol("Symbol.iterator")
SYM_ASYNC_ITERATOR = JsSymbol("Symbol.asyncIterator")
SYM_HAS_INSTANCE = JsSymbol("Symbol.hasInstance")
SYM_TO_PRIMITIVE = JsSymbol("Symbol.toPrimitive")
SYM_TO_STRING_TAG = JsSymbol("Symbol.toStringTag")
WELL_KNOWN = {"iterator": SYM_ITERATOR, "asyncIterator": SYM_ASYNC_ITERATOR,
              "hasInstance": SYM_HAS_INSTANCE, "toPrimitive": SYM_TO_PRIMITIVE,
              "toStringTag": SYM_TO_STRING_TAG}


class Accessor:
    """A getter/setter property (either may be ``None``)."""

    __slots__ = ("get", "set")

    def __init__(self, get=None, set=None):
        self.get = get
        self.set = set


class JsObject:
    """An ordinary object.  ``hidden`` is the set of non-enumerable own keys
    (class methods, built-in methods) or None; ``frozen`` makes every own
    property read-only and the object non-extensible (``Object.freeze``)."""

    __slots__ = ("props", "proto", "cls", "internal", "hidden", "frozen", "__weakref__")

    def __init__(self, proto=None, cls: str = "Object", props: dict | None = None):
        self.props = {} if props is None else props
        self.proto = proto
        self.cls = cls
        self.internal = None
        self.hidden = None
        self.frozen = False

    def __repr__(self) -> str:
        return f"<JsObject {self.cls} {list(self.props)[:5]}>"

    def hide(self, *keys) -> None:
        """Make own *keys* non-enumerable."""
        if self.hidden is None:
            self.hidden = set()
        self.hidden.update(keys)


class JsArray(JsObject):
    __slots__ = ("items",)

    def __init__(self, items: list, proto=None):
        JsObject.__init__(self, proto, "Array")
        self.items = items

    def __repr__(self) -> str:
        return f"<JsArray {self.items[:5]}>"


# JsFunction.kind bits: the IR's (a compiled function's kind comes from its IR function)
from ...ir.javascript import (ARROW, ASYNC, CALLABLE, CLASS, CONSTRUCTOR, DERIVED,  # noqa: E402,F401
                              GENERATOR, NATIVE, utf16_units)


class JsFunction(JsObject):
    """A function value.  ``fn(this, *args)`` runs it; ``nparams`` is its
    ``length``; ``home`` is the object its ``super`` refers to (methods) or the
    parent class (derived constructors); ``fields`` initialises a class's
    instance fields on ``this``; ``prototype`` is created on first use."""

    __slots__ = ("fn", "name", "nparams", "kind", "home", "fields")

    def __init__(self, fn, name: str, nparams: int, kind: int, proto=None):
        JsObject.__init__(self, proto, "Function")
        self.fn = fn
        self.name = name
        self.nparams = nparams
        self.kind = kind
        self.home = None
        self.fields = None

    def __repr__(self) -> str:
        return f"<JsFunction {self.name}>"


MAX_INDEX = 2 ** 32 - 2


def index_of_key(key) -> int:
    """The array index a property key names, or -1 (``"01"`` names none)."""
    if type(key) is str and key.isascii() and key.isdigit() and (key == "0" or key[0] != "0"):
        i = int(key)
        if i <= MAX_INDEX:
            return i
    return -1


def ordered_keys(keys) -> list:
    """*keys* (an own-property dict's keys) in JavaScript's enumeration order."""
    keys = list(keys)
    idx = [k for k in keys if index_of_key(k) >= 0]
    if not idx and all(type(k) is str for k in keys):
        return keys
    idx.sort(key=int)
    strs = [k for k in keys if type(k) is str and index_of_key(k) < 0]
    syms = [k for k in keys if type(k) is JsSymbol]
    return idx + strs + syms


def has_surrogates(s: str) -> bool:
    return not s.isascii() and any("\ud800" <= c <= "\udfff" for c in s)


def to_host_str(s: str) -> str:
    """A JS string (UTF-16 code units) as a Python string of code points; a
    lone surrogate becomes U+FFFD, as when node writes it out."""
    if s.isascii() or not has_surrogates(s):
        return s
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def from_host_str(s: str) -> str:
    """A Python string as JS code units: astral characters become surrogate pairs."""
    return utf16_units(s)
