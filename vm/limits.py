"""Metering: fuel, allocation and depth counters, and the checks behind every limit.

Compiled spell code keeps its hot counters in Python *cells* shared by every
function of a run (see :mod:`llmspell.vm.codegen`): ``fuel`` counts down the
instructions left in the current *slice*, ``depth`` counts down the call levels
left.  When a slice runs out the code calls :meth:`Meter.refuel`, which moves the
next slice from the budget and looks at the wall clock — so the clock is read
once per slice, not per instruction, and the counts stay exact.

Library code charges through :meth:`Meter.charge` (work proportional to its
input) and :meth:`Meter.alloc` (objects and bytes); those are the only entry
points.
"""
from __future__ import annotations

import time
import types

from ..ir.errors import LimitExceeded
from ..sandbox.policy import Limits

SLICE = 1 << 16
UNLIMITED = 1 << 62


class Meter:
    def __init__(self, limits: Limits, locate=None):
        self.limits = limits
        self.locate = locate or (lambda: None)   # returns the current script Span
        self.fuel = types.CellType(0)
        self.depth = types.CellType(0)
        self.max_bytes = limits.max_memory if limits.max_memory is not None else UNLIMITED
        self.max_string = limits.max_string
        self.tokens = 0
        self.cost = 0.0
        self.restart()

    def restart(self):
        """A fresh budget of instructions, memory, depth and time, and counters
        from zero — LLM tokens and cost carry on.  The cells stay the same
        objects: every function compiled for this meter holds them (a REPL
        session restarts its meter for each entry)."""
        limits = self.limits
        budget = limits.max_instructions if limits.max_instructions is not None else UNLIMITED
        first = min(budget, SLICE)
        self.budget = budget - first       # fuel not yet handed to the cell
        self.granted = first               # fuel handed to the cell so far
        self.fuel.cell_contents = first
        self.depth.cell_contents = limits.max_depth
        self.bytes = 0
        self.objects = 0
        self.deadline = (time.monotonic() + limits.timeout) if limits.timeout else None
        self.over: LimitExceeded | None = None      # the limit crossed: the spell is over
        #: where the spell started its latest wait (a model call, a parallel
        #: workflow): a limit crossed while a branch waits, on a stack with no
        #: script frame, is reported there
        self.waiting_at = None

    # -- counters ------------------------------------------------------------------
    @property
    def instructions(self) -> int:
        return self.granted - self.fuel.cell_contents

    def _raise(self, limit: str, count):
        flag = Limits.FLAGS.get(limit.replace(" ", "_"), None)
        hint = f"raise it with {flag}" if flag else None
        names = {"max_instructions": "instructions", "max_memory": "memory", "max_depth": "call depth",
                 "max_string": "string length", "timeout": "timeout", "max_tokens": "LLM tokens",
                 "max_cost": "LLM cost"}
        self.over = LimitExceeded(names.get(limit, limit), count, self.locate() or self.waiting_at, hint)
        raise self.over

    def stuck(self):
        """Raise again the limit already crossed, if any: compiled ``finally``
        code calls it first, so a ``finally { continue }`` cannot swallow the end
        of the spell (scripts never catch a limit)."""
        if self.over is not None:
            raise self.over

    def refuel(self):
        """Called by compiled code when the fuel cell goes negative."""
        self.stuck()
        self.check_time()
        cell = self.fuel
        while cell.cell_contents < 0:
            if self.budget <= 0:
                cell.cell_contents = 0
                self.granted = self.limits.max_instructions
                self._raise("max_instructions", self.limits.max_instructions)
            grant = min(self.budget, SLICE)
            self.budget -= grant
            self.granted += grant
            cell.cell_contents += grant

    def time_left(self) -> float | None:
        """Seconds before the wall-clock limit, or None without one."""
        return None if self.deadline is None else self.deadline - time.monotonic()

    def sleep(self, wait, seconds: float):
        """Sleep through *wait* (so parallel branches overlap), never past the
        run's deadline: a retry's back-off ends with the timeout when it would."""
        left = self.time_left()
        wait(time.sleep, seconds if left is None else max(0.0, min(seconds, left)))
        self.check_time()

    def check_time(self):
        if self.deadline is not None and time.monotonic() > self.deadline:
            self._raise("timeout", f"{self.limits.timeout}s")

    def charge(self, n: int):
        """Charge *n* units of fuel for library work done on the script's behalf."""
        cell = self.fuel
        cell.cell_contents -= n
        if cell.cell_contents < 0:
            self.refuel()

    def alloc(self, nbytes: int, nobjects: int = 1):
        """Account for *nbytes* allocated in *nobjects* objects (the hottest
        call of the runtimes: one counter compared with the limit)."""
        self.objects += nobjects
        self.bytes = b = self.bytes + nbytes
        if b > self.max_bytes:
            self._raise("max_memory", self.limits.max_memory)

    def string(self, n: int):
        """Account for building a string of *n* bytes (length limit and memory:
        :meth:`alloc` of ``n + 49`` bytes, written out — strings are built often)."""
        if n > self.max_string:
            self._raise("max_string", self.max_string)
        self.objects += 1
        self.bytes = b = self.bytes + n + 49
        if b > self.max_bytes:
            self._raise("max_memory", self.limits.max_memory)

    def enter(self):
        """A function's entry found a counter negative: which one?"""
        if self.depth.cell_contents < 0:
            self.too_deep()
        self.refuel()

    def charge_tokens(self, tokens: int, cost: float):
        """LLM usage: budgets like any other limit."""
        self.tokens += tokens
        self.cost += cost
        if self.limits.max_tokens is not None and self.tokens > self.limits.max_tokens:
            self._raise("max_tokens", self.limits.max_tokens)
        if self.limits.max_cost is not None and self.cost > self.limits.max_cost:
            self._raise("max_cost", self.limits.max_cost)

    def too_deep(self):
        self.depth.cell_contents = 0
        self._raise("max_depth", self.limits.max_depth)
