"""Limits (and, with the sandbox issue, permissions) a spell runs under.

Every limit is enforced by the VM's meter (:mod:`llmspell.vm.limits`); crossing
one ends the spell with :class:`~llmspell.ir.errors.LimitExceeded`, which scripts
cannot catch.
"""
from __future__ import annotations

import attrs


@attrs.frozen
class Limits:
    """Resource limits; ``None`` means unlimited."""

    max_instructions: int | None = None   # fuel: IR instructions executed (costs from the opcode table)
    max_memory: int | None = 256 * 1024 * 1024   # bytes allocated over the run (tables, strings, closures)
    max_depth: int = 200                   # nested script calls
    max_string: int = 64 * 1024 * 1024     # longest string a spell may build
    timeout: float | None = None           # wall-clock seconds

    FLAGS = {
        "max_instructions": "--max-instructions",
        "max_memory": "--max-memory",
        "max_depth": "--max-depth",
        "max_string": "--max-string",
        "timeout": "--timeout",
    }


@attrs.frozen
class Policy:
    limits: Limits = Limits()
    seed: int = 0          # math.random's seed until the spell calls math.randomseed
    clock_start: float = 1_700_000_000.0   # the virtual clock's epoch time at start
