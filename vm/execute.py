"""Running a compiled module: one run = one runtime, one meter, one main call.

This is the only place that turns what escapes a spell into the errors a user
sees: a script error left uncaught becomes :class:`ScriptError`, a limit stays
:class:`LimitExceeded`, a Python ``RecursionError`` becomes the call-depth
limit, and anything else is reported as an internal error *with the script
position*, never as a traceback.
"""
from __future__ import annotations

import sys
import threading

import attrs

from ..ir.errors import InternalError, LimitExceeded, LlmspellError, ScriptError
from ..sandbox.policy import Limits
from .codegen import Compiled
from .runtime import ScriptThrow


@attrs.define
class RunOutcome:
    values: tuple
    instructions: int
    alloc_bytes: int
    alloc_objects: int
    journal: list
    tokens: int
    cost: float


def make_runtime(lang: str, policy, out, meter=None):
    """A fresh runtime for *lang*; *meter* shares another runtime's budget."""
    if lang == "lua":
        from .lua.runtime import LuaRuntime
        from .lua.stdlib import open_libs
        rt = LuaRuntime(policy, out, meter)
        open_libs(rt)
        return rt
    if lang == "javascript":
        from .js.runtime import JsRuntime
        return JsRuntime(policy, out, meter)
    if lang == "tengo":
        from .tengo.runtime import TengoRuntime
        return TengoRuntime(policy, out, meter)
    raise LlmspellError(f"no runtime for language {lang!r}")


#: script call depth the main thread's C stack can hold (a level through a
#: metamethod costs ~1.2 KiB of C stack, one through a JavaScript sort
#: comparator ~5 KiB: 8 MiB stacks overflow near 1,500 of those)
INLINE_DEPTH = 1000
STACK_PER_LEVEL = 8 * 1024


def execute(compiled: Compiled, policy, out, args=(), loader=None, runtime=None, setup=None) -> RunOutcome:
    """Run *compiled*; a spell allowed to recurse deeper than the main thread's C
    stack can hold runs on a thread with a stack sized for its depth limit, so
    deep recursion always ends at the limit, never in a crash."""
    if policy.limits.max_depth <= INLINE_DEPTH:
        return _execute(compiled, policy, out, args, loader, runtime, setup)
    box: dict = {}

    def work():
        try:
            box["result"] = _execute(compiled, policy, out, args, loader, runtime, setup)
        except BaseException as e:      # handed to the calling thread
            box["error"] = e

    old = threading.stack_size()
    threading.stack_size(min(32 * 1024 * 1024 + policy.limits.max_depth * STACK_PER_LEVEL, 1 << 30))
    try:
        t = threading.Thread(target=work, name="llmspell-run", daemon=True)
        t.start()
    finally:
        threading.stack_size(old)
    t.join()
    if "error" in box:
        raise box["error"]
    return box["result"]


def _execute(compiled: Compiled, policy, out, args, loader, runtime, setup) -> RunOutcome:
    """*setup* receives the runtime before the spell starts (the bridges install
    themselves through it: the VM does not import them)."""
    rt = runtime or make_runtime(compiled.module.lang, policy, out)
    if setup is not None:
        setup(rt)
    rt.disable_builtins()
    rt.load_chunk = loader(rt) if loader else _no_loader(rt)
    meter = rt.meter
    _ensure_recursion_limit(policy.limits.max_depth)
    main = compiled.instantiate(rt.helpers(), {"fuel": meter.fuel, "depth": meter.depth})
    try:
        result = main(*rt.main_args(args))
        rt.finish()
    except ScriptThrow as e:
        raise rt.to_script_error(e) from None
    except LlmspellError:
        raise
    except RecursionError as e:
        # Python's own limit, hit inside library code (a deep structure printed
        # or joined): the position is the innermost spell frame of its traceback
        raise LimitExceeded("call depth", policy.limits.max_depth, _innermost_span(e) or rt.locate(),
                            "raise it with --max-depth") from None
    except MemoryError:
        raise LimitExceeded("memory", policy.limits.max_memory, rt.locate()) from None
    except Exception as e:
        span = _innermost_span(e)
        raise InternalError.of(e, span) from e
    values = rt.main_results(result)
    journal = rt.bridges.journal if getattr(rt, "bridges", None) is not None else []
    return RunOutcome(values, meter.instructions, meter.bytes, meter.objects, journal, meter.tokens, meter.cost)


def _ensure_recursion_limit(max_depth: int):
    """Script calls nest Python frames (about 1 per call, up to ~6 through pcall
    or metamethods); Python's own limit must sit above the script's depth limit
    so that the depth limit is what a spell hits."""
    need = 1000 + 8 * max_depth
    if sys.getrecursionlimit() < need:
        sys.setrecursionlimit(need)


_ensure_recursion_limit(Limits().max_depth)   # the default, once at import rather than mid-run


def _innermost_span(exc):
    from .runtime import CODEMAP
    span = None
    tb = exc.__traceback__
    while tb is not None:
        info = CODEMAP.get(tb.tb_frame.f_code)
        if info is not None:
            span = info.span_at(tb.tb_lineno)
        tb = tb.tb_next
    return span


def _no_loader(rt):
    def load(source, name, env):
        rt.error("load is not available here")
    return load


__all__ = ["execute", "RunOutcome", "InternalError", "ScriptError"]
