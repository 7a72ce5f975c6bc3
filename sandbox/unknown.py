"""What ``llmspell check`` passes to the bridges' own argument checks in place
of values it does not know (see :mod:`.validate`).  A module of its own, and
plain classes, because every run imports it: the bridges' checks recognise
these, and a run must not pay for the analysis."""
from __future__ import annotations


class Static:
    """A value known only by its kind: ``"function"``, ``"object"`` (a bridge
    object, *name* says which) or None (nothing known).  The bridges' argument
    checks accept it wherever the kind fits."""

    __slots__ = ("kind", "name")

    def __init__(self, kind: str | None = None, name: str = ""):
        self.kind = kind
        self.name = name

    def __repr__(self) -> str:
        return f"Static({self.kind!r}, {self.name!r})"


UNKNOWN = Static()


class OpenTable(dict):
    """A literal table some of whose contents are unknown: a key it lacks reads
    as :data:`UNKNOWN`, so a required field is never reported missing."""

    def get(self, key, default=None):
        return dict.get(self, key, UNKNOWN)


class OpenList(list):
    """A literal array some of whose items are unknown (a spread, a conditional push)."""
