"""Per-run state shared by every language: meter, output, ids, and error positions.

Compiled functions are ordinary Python functions; :data:`CODEMAP` maps each of
their code objects to the IR function it came from, so that the position of any
error (and the name of the variable involved) is recovered *when the error
happens*, from the Python frame's current line — the running code pays nothing
for it.  This is the same idea as Lua's ``luaG_`` functions reading the saved pc.
"""
from __future__ import annotations

import sys

from ..ir.source import Span
from .limits import Meter

#: code object of a compiled function -> its :class:`~llmspell.vm.codegen.FuncInfo`
CODEMAP: dict = {}

#: code object of a library function -> its qualified name ("string.rep");
#: filled as libraries are opened (code objects are shared by every run)
LIBRARY_NAMES: dict = {}


def register_library(prefix: str, table) -> None:
    """Record the library functions in *table* (names for error messages).

    A code object shared by two functions (``math.min``/``math.max`` made by one
    factory) is recorded with its prefix only; the message then completes it
    with the name the function gives itself."""
    for key, v in list(table.hash.items()):
        code = getattr(v, "__code__", None)
        if code is not None and code not in CODEMAP and type(key) is str:
            name = f"{prefix}{key}"
            old = LIBRARY_NAMES.get(code)
            if old is None:
                LIBRARY_NAMES[code] = name
            elif old != name and not old.endswith("."):
                LIBRARY_NAMES[code] = prefix


def register_function(name: str, fn) -> None:
    """Record a library function that is not in a library table (an iterator)."""
    LIBRARY_NAMES.setdefault(fn.__code__, name)


class BridgeFailure(Exception):
    """A bridge call that failed (raised by an intrinsic, or by a runtime whose
    value cannot cross to the host): becomes a script error naming the intrinsic."""


class ScriptThrow(Exception):
    """A script-level error in flight (Lua ``error``, JS ``throw``, Tengo runtime
    error).  ``value`` is what a script-level handler receives; ``span`` is where it
    was raised; ``traceback`` the spans of the calls active then, innermost first."""

    def __init__(self, value, span: Span | None = None, traceback: list | None = None):
        super().__init__(value)
        self.value = value
        self.span = span
        self.traceback = traceback or []


def script_frames(frame):
    """Yield ``(frame, info)`` for each compiled-spell frame, innermost first."""
    while frame is not None:
        info = CODEMAP.get(frame.f_code)
        if info is not None:
            yield frame, info
        frame = frame.f_back


def frame_span(frame, info) -> Span:
    return info.span_at(frame.f_lineno)


class Runtime:
    """State of one run, whatever the language."""

    def __init__(self, policy, out=None, meter=None):
        """*meter*: another runtime's, when this one runs modules of another
        language in the same run (one budget for the whole run)."""
        self.policy = policy
        self.meter = meter if meter is not None else Meter(policy.limits, self.locate)
        #: the run's module loader (``require``, ``import``): set by the host
        #: that knows where modules may come from (llmspell/modules.py)
        self.imports = None
        self.out = out if out is not None else sys.stdout
        self._ids: dict[int, int] = {}
        self._keep: list = []

    # -- positions -------------------------------------------------------------------
    def locate(self, level: int = 1) -> Span | None:
        """The span executing in the *level*-th compiled frame up the Python stack."""
        for frame, info in script_frames(sys._getframe(1)):
            level -= 1
            if level <= 0:
                return frame_span(frame, info)
        return None

    def traceback(self, frame=None) -> list[Span]:
        return [frame_span(f, i) for f, i in script_frames(frame or sys._getframe(1))]

    # -- identity ------------------------------------------------------------------
    def object_id(self, v) -> int:
        """A small per-run number for *v*: addresses would break determinism."""
        key = id(v)
        n = self._ids.get(key)
        if n is None:
            n = self._ids[key] = len(self._ids) + 1
            self._keep.append(v)    # keep the object alive so its id() is not reused
        return n

    def main_args(self, args: tuple) -> tuple:
        """The main chunk's arguments from the run's inputs (plain Python data
        — a dict of ``--arg`` values — or values of this language)."""
        return tuple(self.from_host(a, None) if type(a) in (dict, list) else a for a in args)

    def bridge_failure(self, message: str):
        """A bridge call failed: Lua and JavaScript raise a script error (which
        ``pcall``/``catch`` can handle); Tengo, which has no exceptions, returns
        an error value instead."""
        self.error(message)

    @staticmethod
    def failure_of(value) -> str | None:
        """The message of *value* if it is how this language reports a failed
        call by returning (Tengo's error values), else None."""
        return None

    @staticmethod
    def main_results(result) -> tuple:
        """What the main chunk returned, as a tuple of values."""
        return result if type(result) is tuple else (result,)

    def finish(self):
        """Called when the main chunk has returned: a language with an event
        loop (JavaScript) runs what is still queued."""

    def load_module(self, spec: str):
        """``require(spec)`` / ``import … from spec`` / ``import(spec)``: the
        module's value in this runtime's language."""
        if self.imports is None:
            self.error(f"module '{spec}' not found (this run cannot load modules)")
        return self.imports.load(self, spec)

    # -- the policy's builtins -----------------------------------------------------------
    def members(self, v) -> dict | None:
        """The live name → value dict of a namespace-like value (the globals, a
        library table, an object, a module), or None: what the policy's
        ``[builtins] disable`` reaches into and ``llmspell check`` reads."""
        raise NotImplementedError

    def shape_members(self, v) -> dict | None:
        """The names ``llmspell check`` accepts after ``v.`` (JavaScript adds
        the prototype chain's)."""
        return self.members(v)

    def global_shape(self) -> dict:
        """Each global's name → the set of its member names (None: not a namespace)."""
        out = {}
        for name, v in self.members(self.G).items():
            m = self.shape_members(v)
            out[name] = None if m is None else {k for k in m if type(k) is str}
        return out

    def disable_builtins(self, root=None):
        """Take away the builtins the policy disables (``"os.time"``,
        ``"Date.now"``, ``"load"``) from *root* (default: the globals): each
        becomes a function that fails naming the policy — clearer than a nil
        the spell would trip over later.  Names this language lacks are skipped."""
        root = self.members(self.G) if root is None else root
        for name in self.policy.disabled:
            *path, last = name.split(".")
            members = root
            for part in path:
                members = self.members(members.get(part)) if members is not None else None
            if members is not None and last in members:
                members[last] = self.host_function(last, self._refuse(name))

    def _refuse(self, name: str):
        message = self.policy.disabled_message(name)

        def disabled(*args):
            self.error(message)
        return disabled

    # -- output -------------------------------------------------------------------------
    def write(self, s: str):
        self.out.write(s)
