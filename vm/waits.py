"""Waiting without blocking: how parallel workflow steps (and JavaScript
promises) overlap their LLM calls.

A bridge that waits (an HTTP request to a model) calls :func:`wait`.  Outside
a parallel section it simply runs the blocking function.  Inside one, each
branch runs on its own greenlet: ``wait`` hands the blocking function to a
thread pool and switches back to the section's scheduler, which starts every
branch's request before waiting for any.  The scheduler then resumes branches
in *declaration order* — each as soon as its own result is ready — so the
requests overlap while the spell's code runs in an order that never depends
on network timing: output, journal and fuel stay deterministic.
"""
from __future__ import annotations

import concurrent.futures

import greenlet

_POOL: concurrent.futures.ThreadPoolExecutor | None = None


def _pool():
    global _POOL
    if _POOL is None:
        _POOL = concurrent.futures.ThreadPoolExecutor(max_workers=32, thread_name_prefix="llmspell-wait")
    return _POOL


class Branch(greenlet.greenlet):
    """A branch of a parallel section; ``future`` is what it waits for."""

    future = None


def in_branch() -> bool:
    """Whether this code runs in a branch of a parallel section (so blocking
    work goes to another thread, where script code must never run)."""
    return isinstance(greenlet.getcurrent(), Branch)


def wait(fn, *args, **kwargs):
    """Run blocking *fn*; inside a parallel branch, let the other branches run meanwhile."""
    here = greenlet.getcurrent()
    if not isinstance(here, Branch):
        return fn(*args, **kwargs)
    here.future = _pool().submit(fn, *args, **kwargs)
    here.parent.switch()                 # back to the scheduler until our result is in
    future, here.future = here.future, None
    return future.result()


def run_parallel(thunks: list, max_concurrency: int | None = None, depth_cell=None) -> list:
    """Run each thunk on its own branch; return ``("ok", value)`` or ``("error",
    exception)`` per thunk, in order (the caller decides whether one failure
    fails the section).  At most *max_concurrency* branches are in flight.

    *depth_cell* is the run's call-depth counter: each branch keeps its own
    depth across switches, starting from the section's."""
    base = depth_cell.cell_contents if depth_cell is not None else None
    depths: dict = {}

    def enter(i, branch):
        if depth_cell is not None:
            depth_cell.cell_contents = depths.get(i, base)
        branch.switch()
        if depth_cell is not None:
            depths[i] = depth_cell.cell_contents
            depth_cell.cell_contents = base

    limit = max_concurrency or len(thunks) or 1
    results: list = [None] * len(thunks)
    pending = list(range(len(thunks)))
    running: list[tuple[int, Branch]] = []

    def start(i):
        def body():
            try:
                results[i] = ("ok", thunks[i]())
            except BaseException as e:      # handed back to the caller, in order
                results[i] = ("error", e)
        branch = Branch(body)
        running.append((i, branch))
        enter(i, branch)                    # runs until it waits or ends

    while pending or running:
        while pending and len(running) < limit:
            start(pending.pop(0))
        # resume the oldest branch in declaration order once its wait is over
        i, branch = running[0]
        if branch.dead:
            running.pop(0)
            continue
        if branch.future is not None:
            concurrent.futures.wait([branch.future])
        enter(i, branch)
    return results
