"""``llmspell watch FILE``: run a spell, then run it again whenever it, a
module it loaded or its policy file changes (watchfiles), until interrupted.

Each run starts on a cleared screen (when stdout is a terminal), shows the
spell's output and its error with the source excerpt, and ends with one
summary line on stderr::

    ── ok · 1,204 instructions · 18,312 bytes in 97 objects · 0 tokens · $0.0000 · 12 ms

A run that fails (a syntax error mid-edit, a limit, a denied permission) is
reported the same way and the watch goes on: fixing the file runs it again.
The IR cache makes an unchanged module free, so only what was edited is
compiled again.
"""
from __future__ import annotations

import os
import sys
import time

from .errors import LlmspellError
from .modules import SUFFIXES

#: how long watchfiles waits for more changes before reporting a batch (ms)
DEBOUNCE_MS = 50
#: how often the watch loop comes back without changes (ms): its first return
#: is when "watching" is announced — every change after it is seen
POLL_MS = 200


def watch(ns, run_once) -> int:
    """Run *ns*'s spell with *run_once* (the CLI's one-run function) now and
    after every change; return 0 when ``--max-runs`` is reached or on Ctrl-C."""
    from watchfiles import watch as changes_of

    from .sandbox import config

    spell = os.path.realpath(ns.file)
    fixed = {spell}
    policy = config.for_spell(ns.file, ns.config)
    if policy is not None:
        fixed.add(os.path.realpath(policy.path))
    elif ns.config is None:
        fixed.add(os.path.join(os.path.dirname(spell), "llmspell.toml"))     # appears later
    folders = sorted({os.path.dirname(t) for t in fixed} | set(policy.module_paths if policy else ()))
    clear = sys.stdout.isatty() and not ns.no_clear
    runs = 0
    state = {"modules": set(), "failed": False}

    def relevant(_change, path: str) -> bool:
        """The spell, its policy file, a module its last run loaded — or, after
        a failed run, any spell file (the missing module may be the one saved)."""
        real = os.path.realpath(path)
        return real in fixed or real in state["modules"] or (
            state["failed"] and os.path.splitext(real)[1].lower() in SUFFIXES)
    try:
        state.update(_one(ns, run_once, clear))
        runs += 1
        if ns.max_runs is not None and runs >= ns.max_runs:
            return 0
        announced = False
        for batch in changes_of(*folders, watch_filter=relevant,
                                debounce=DEBOUNCE_MS, rust_timeout=POLL_MS, yield_on_timeout=True):
            if not announced:
                print(f"watching {ns.file} for changes (Ctrl-C to stop)", file=sys.stderr, flush=True)
                announced = True
            if not batch:
                continue
            state.update(_one(ns, run_once, clear))
            runs += 1
            if ns.max_runs is not None and runs >= ns.max_runs:
                return 0
    except KeyboardInterrupt:
        return 0
    return 0


def _one(ns, run_once, clear: bool) -> dict:
    """One run and its summary line; errors are shown, never raised.  Returns
    the module files the run loaded and whether it failed."""
    if clear:
        sys.stdout.write("\x1b[2J\x1b[H")
        sys.stdout.flush()
    started = time.perf_counter()
    try:
        result = run_once(ns)
    except LlmspellError as e:
        sys.stdout.flush()
        print(e.render(), file=sys.stderr)
        summary = f"── {e.kind}"
        outcome = {"modules": set(getattr(e, "files", ())), "failed": True}
    else:
        sys.stdout.flush()
        summary = (f"── ok · {result.instructions:,} instructions · {result.alloc_bytes:,} bytes in "
                   f"{result.alloc_objects:,} objects · {result.tokens:,} tokens · ${result.cost:.4f}")
        outcome = {"modules": set(result.files), "failed": False}
    ms = (time.perf_counter() - started) * 1000
    print(f"{summary} · {ms:,.0f} ms", file=sys.stderr, flush=True)
    return outcome
