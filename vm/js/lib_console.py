"""The global ``console``: node's methods, printing what node prints.

``log``/``info``/``debug``/``dir`` write to the run's output (``rt.write``),
``error``/``warn``/``trace``/failed ``assert`` to its error stream (``rt.err``
when the runtime has one, else the host's stderr).  Formatting is
:mod:`.inspect` (node's ``util.format``/``util.inspect``); ``group`` indents
every following line by two spaces until ``groupEnd``, as node does.

``time``/``timeEnd``/``timeLog`` measure the run's virtual clock, so their
output is as reproducible as everything else.  ``console.table`` is not
provided.
"""
from __future__ import annotations

import sys

from .inspect import format_js, format_log, inspect
from .numconv import number_to_string, to_fixed
from .values import JS_NULL, SYM_TO_STRING_TAG, JsObject, JsSymbol, to_host_str

INDENT = 2


def format_time(ms: float) -> str:
    """node's formatTime: ``12.345ms``, ``1.500s``, ``1:02.500 (m:ss.mmm)``."""
    if ms < 1000:
        return f"{number_to_string(float(to_fixed(ms, 3.0)))}ms"
    hours, ms = divmod(ms, 3_600_000) if ms >= 3_600_000 else (0, ms)
    minutes, ms = divmod(ms, 60_000) if ms >= 60_000 else (0, ms)
    if not hours and not minutes:
        return f"{to_fixed(ms / 1000, 3.0)}s"
    sec, frac = to_fixed(ms / 1000, 3.0).split(".")
    head = f"{int(hours)}:{int(minutes):02d}" if hours else f"{int(minutes)}"
    return f"{head}:{sec.rjust(2, '0')}.{frac} ({'h:m' if hours else ''}m:ss.mmm)"


def open(rt) -> None:
    indent = [""]
    counts: dict[str, int] = {}
    timers: dict[str, float] = {}

    def emit(text: str, to_stderr: bool = False) -> None:
        """Write one console line (host text), indented for the open groups."""
        ind = indent[0]
        if ind:
            text = ind + text.replace("\n", "\n" + ind)
        text += "\n"
        if to_stderr:
            (getattr(rt, "err", None) or sys.stderr).write(text)
        else:
            rt.write(text)

    def log(this, *args):
        emit(format_log(rt, args))

    def warn(this, *args):
        emit(format_log(rt, args), to_stderr=True)

    def label_of(label) -> str:
        return "default" if label is None else rt.to_string(label)

    def dir_(this, obj=None, options=None, *_):
        depth, hidden = 2, False
        if isinstance(options, JsObject):
            if rt.has_property(options, "depth"):
                d = rt.get(options, "depth")
                depth = None if d is JS_NULL else rt.to_number(d)     # NaN (undefined): no limit either
            hidden = rt.truthy(rt.get(options, "showHidden"))
        emit(inspect(rt, obj, depth, hidden))

    def assert_(this, cond=None, *args):
        if not rt.truthy(cond):
            args = list(args)
            if args:
                first = args[0]
                shown = f"Symbol({first.description or ''})" if type(first) is JsSymbol else rt.to_string(first)
                args[0] = f"Assertion failed: {shown}"
            else:
                args = ["Assertion failed"]
            warn(this, *args)

    def count(this, label=None, *_):
        label = label_of(label)
        counts[label] = counts.get(label, 0) + 1
        emit(to_host_str(f"{label}: {counts[label]}"))

    def count_reset(this, label=None, *_):
        label = label_of(label)
        if counts.pop(label, None) is None:
            emit(to_host_str(f"Warning: Count for '{label}' does not exist"), to_stderr=True)

    def group(this, *args):
        if args:
            log(this, *args)
        indent[0] += " " * INDENT

    def group_end(this, *_):
        indent[0] = indent[0][:-INDENT]

    def trace(this, *args):
        span = rt.locate()
        where = f"\n    at {span.file}:{span.line}:{span.col}" if span is not None and span.line else ""
        emit(to_host_str(f"Trace: {format_js(rt, args)}") + where, to_stderr=True)

    def now_ms() -> float:
        clock = getattr(rt, "clock", None)
        return clock.now() * 1000 if clock is not None else 0.0

    def elapsed(label: str) -> str | None:
        start = timers.get(label)
        if start is None:
            emit(to_host_str(f"Warning: No such label '{label}' for console.timeEnd()"), to_stderr=True)
            return None
        return f"{label}: {format_time(now_ms() - start)}"

    def time(this, label=None, *_):
        label = label_of(label)
        if label in timers:
            emit(to_host_str(f"Warning: Label '{label}' already exists for console.time()"), to_stderr=True)
            return
        timers[label] = now_ms()

    def time_end(this, label=None, *_):
        label = label_of(label)
        text = elapsed(label)
        if text is not None:
            timers.pop(label)
            emit(to_host_str(text))

    def time_log(this, label=None, *data):
        text = elapsed(label_of(label))
        if text is not None:
            emit(format_log(rt, (text, *data)))

    console = rt.new_object()
    for name, fn in (("log", log), ("warn", warn), ("dir", dir_), ("time", time), ("timeEnd", time_end),
                     ("timeLog", time_log), ("trace", trace), ("assert", assert_), ("count", count),
                     ("countReset", count_reset), ("group", group), ("groupEnd", group_end), ("debug", log),
                     ("info", log), ("dirxml", log), ("error", warn), ("groupCollapsed", group)):
        console.props[name] = rt.native(name, fn, 0)       # enumerable and in node's order
    console.props[SYM_TO_STRING_TAG] = "console"
    console.hide(SYM_TO_STRING_TAG)
    rt.Gh["console"] = console
