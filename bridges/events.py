"""The ``events`` bridge: subscribe with glob patterns, emit, and the bridges' own events.

``events.on("tool.*", fn)`` returns a subscription id for ``events.off``;
``events.emit(name, data)`` calls every matching handler, in subscription
order, with ``{name, data, time}`` (``time`` from the virtual clock, so runs
stay deterministic).  The bridges emit llm.request, llm.response,
agent.started, agent.step, agent.finished, tool.called and tool.executed
through :func:`emit`.
"""
from __future__ import annotations

import fnmatch

from .registry import Field, intrinsic


def _subscriptions(host) -> list:
    subs = getattr(host, "subscriptions", None)
    if subs is None:
        subs = host.subscriptions = []
    return subs


def emit(host, name: str, data) -> int:
    """Deliver event *name* to the spell's matching handlers; returns how many ran."""
    subs = _subscriptions(host)
    if not subs:
        return 0
    clock = getattr(host.rt, "clock", None)
    event = {"name": name, "data": data, "time": clock.now() if clock is not None else 0}
    n = 0
    for sid, pattern, handler in list(subs):
        if fnmatch.fnmatchcase(name, pattern):
            handler(event)
            n += 1
    return n


@intrinsic("events.on", params=(Field("pattern", "string", required=True, doc="glob: tool.*, agent.*, *"),
                                Field("handler", "function", required=True)))
def on(call, pattern, handler):
    """Subscribe a handler to events whose name matches the pattern; returns an id."""
    subs = _subscriptions(call.host)
    sid = len(subs) + 1 + getattr(call.host, "unsubscribed", 0)
    subs.append((sid, pattern, handler))
    return sid


@intrinsic("events.off", params=(Field("id", "integer", required=True),))
def off(call, sid):
    """Remove a subscription; returns whether it existed."""
    subs = _subscriptions(call.host)
    for i, (s, _, _) in enumerate(subs):
        if s == sid:
            del subs[i]
            call.host.unsubscribed = getattr(call.host, "unsubscribed", 0) + 1
            return True
    return False


@intrinsic("events.emit", params=(Field("name", "string", required=True), Field("data", "any")))
def emit_event(call, name, data):
    """Emit an event; returns how many handlers ran."""
    return emit(call.host, name, data)
