"""The virtual clock: the only source of time a spell can see.

Input: the run's :class:`~llmspell.vm.limits.Meter` and the epoch time the run
pretends to start at (``Policy.clock_start``).  Output: ``now()`` (epoch
seconds, a float) and ``cpu()`` (seconds of "processor time" used so far).

Invariant: both are pure functions of the instructions executed so far —
100 million instructions make one virtual second — so a spell that reads the
clock gets the same answers on every run and every machine.  Wall-clock time
would make runs irreproducible and would leak how fast the host is.
"""
from __future__ import annotations

#: instructions per virtual second
RATE = 100_000_000


class VirtualClock:
    __slots__ = ("meter", "start_epoch")

    def __init__(self, meter, start_epoch: float):
        self.meter = meter
        self.start_epoch = start_epoch

    def cpu(self) -> float:
        """Virtual seconds of work done since the run started (``os.clock``)."""
        return self.meter.instructions / RATE

    def now(self) -> float:
        """Virtual epoch time (``os.time`` takes its integer part)."""
        return self.start_epoch + self.meter.instructions / RATE
