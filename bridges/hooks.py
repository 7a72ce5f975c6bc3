"""The ``hooks`` bridge: the spell's functions around every generation and tool call.

``hooks.register{beforeGenerate, afterGenerate, beforeToolCall, afterToolCall}``
(any subset) adds one hook set; sets run in registration order.  A hook may
return a changed request (``beforeGenerate(ctx, request)``), response
(``afterGenerate(ctx, request, response)``), tool input
(``beforeToolCall(ctx, tool, input)``) or output (``afterToolCall(ctx, tool,
input, output)``) — returning nil keeps the value — or raise an error, which
cancels the call with the hook's message.
"""
from __future__ import annotations

from .registry import Field, intrinsic

PHASES = ("beforeGenerate", "afterGenerate", "beforeToolCall", "afterToolCall")


def _sets(host) -> list:
    sets = getattr(host, "hook_sets", None)
    if sets is None:
        sets = host.hook_sets = []
    return sets


def apply(host, phase: str, ctx: dict, *args):
    """Run the *phase* hooks over ``args[-1]`` (the value they may replace)."""
    value = args[-1]
    for hooks in _sets(host):
        fn = hooks.get(phase)
        if fn is not None:
            changed = fn(ctx, *args[:-1], value)
            if changed is not None:
                value = changed
    return value


@intrinsic("hooks.register", params=(Field("hooks", "table", required=True, extra=False,
                                           fields=tuple(Field(p, "function") for p in PHASES)),))
def register(call, hooks):
    """Add a set of lifecycle hooks; returns how many sets are registered."""
    sets = _sets(call.host)
    sets.append({p: hooks.get(p) for p in PHASES})
    return len(sets)
