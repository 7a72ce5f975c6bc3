"""One timing function per implementation the bench compares.

Each ``time_*(source, repeat)`` returns a :class:`Timing`: the best of *repeat*
runs of the program's top-level code, and what it printed.  Work that happens
once before a program can run (llmspell's parse/lower/codegen, lupa's
``load``, js2py's translation to Python) is kept out of the timed region, so
every column measures execution; mini-racer's eval includes V8's parse, which
is lazy and negligible next to the runs measured.  Each repeat starts from a
fresh state (new globals, new Lua state, new V8 context, new llmspell run).
"""
from __future__ import annotations

import contextlib
import io
import math
import time
from dataclasses import dataclass
from importlib import metadata


@dataclass
class Timing:
    seconds: float
    output: str
    instructions: int | None = None     # llmspell's exact fuel count
    alloc_bytes: int | None = None      # llmspell's metered allocation over the run


def _best(run, repeat: int):
    """The fastest of *repeat* calls of *run*, which times its own measured
    region and returns ``(seconds, output, extra)``; the last output and extra."""
    best, out, extra = math.inf, "", None
    for _ in range(repeat):
        t, out, extra = run()
        best = min(best, t)
    return best, out, extra


def time_cpython(source: str, repeat: int, name: str = "<bench>") -> Timing:
    code = compile(source, name, "exec")

    def run():
        buf = io.StringIO()
        t = time.perf_counter()
        with contextlib.redirect_stdout(buf):
            exec(code, {"__name__": "__bench__"})
        return time.perf_counter() - t, buf.getvalue(), None
    t, out, _ = _best(run, repeat)
    return Timing(t, out)


LLMSPELL_LANGS = {".lua": "lua", ".js": "javascript", ".tengo": "tengo"}


def time_llmspell(source: str, repeat: int, name: str) -> Timing:
    """Metering on and exact (the default runtime); the memory *budget* is
    lifted because it counts every byte allocated over a run, which several
    benchmarks exceed by design — the counts are still kept and reported."""
    from llmspell.sandbox.policy import Limits, Policy

    import llmspell
    lang = LLMSPELL_LANGS["." + name.rsplit(".", 1)[-1]]
    program = llmspell.compile(source, lang, name, cache=False)
    program.compiled            # compile to Python outside the timed region
    policy = Policy(limits=Limits(max_memory=None))

    def run():
        t = time.perf_counter()
        result = program.run(policy=policy)
        return time.perf_counter() - t, result.output, result
    t, out, result = _best(run, repeat)
    return Timing(t, out, result.instructions, result.alloc_bytes)


# Lua's print writes to C stdout; collect lines in Lua instead (tab-joined, as print does).
_LUA_PRINT = """
__bench_out = {}
print = function(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  __bench_out[#__bench_out + 1] = table.concat(t, "\\t", 1, t.n)
end
"""


def time_lupa(source: str, repeat: int, name: str = "<bench>") -> Timing:
    from lupa import lua54

    def run():
        lua = lua54.LuaRuntime()
        lua.execute(_LUA_PRINT)
        chunk = lua.eval("load")(source, "=" + name)
        t = time.perf_counter()
        chunk()
        t = time.perf_counter() - t
        return t, lua.eval("table.concat(__bench_out, '\\n')") + "\n", None
    t, out, _ = _best(run, repeat)
    return Timing(t, out)


# A bare V8 context has no useful console: collect console.log lines (space-joined, String() of each).
_JS_CONSOLE = ("globalThis.__bench_out = []; globalThis.console = "
               "{log: (...a) => { __bench_out.push(a.map(String).join(' ')); }};")


def time_mini_racer(source: str, repeat: int, name: str = "<bench>") -> Timing:
    from py_mini_racer import MiniRacer

    def run():
        ctx = MiniRacer()       # a fresh context: top-level const/let cannot be redeclared
        ctx.eval(_JS_CONSOLE)
        t = time.perf_counter()
        ctx.eval(source)
        t = time.perf_counter() - t
        out = ctx.eval("__bench_out.join('\\n')") + "\n"
        return t, out, None
    t, out, _ = _best(run, repeat)
    return Timing(t, out)


# js2py's console.log prints repr()s; replace it with one that collects String() of each argument.
_ES5_CONSOLE = ("var __bench_out = []; console.log = function () { var a = [];"
                " for (var i = 0; i < arguments.length; i++) a.push(String(arguments[i]));"
                " __bench_out.push(a.join(' ')); };\n")


def time_js2py(source: str, repeat: int, name: str = "<bench>") -> Timing:
    import js2py
    code = compile(js2py.translate_js(_ES5_CONSOLE + source), name, "exec")

    def run():
        scope = {}
        t = time.perf_counter()
        exec(code, scope)
        t = time.perf_counter() - t
        return t, "".join(line + "\n" for line in scope["var"].get("__bench_out").to_python()), None
    t, out, _ = _best(run, repeat)
    return Timing(t, out)


# The peers, by column: the module each needs and the distribution that provides it.
PEERS = {"lupa": ("lupa", "lupa"), "mini-racer": ("py_mini_racer", "mini-racer"), "js2py": ("js2py", "js2py")}


def peer_version(column: str) -> str | None:
    """The installed version of a peer, or None when it cannot be imported."""
    module, dist = PEERS[column]
    try:
        __import__(module)
    except Exception:
        return None
    for d in (dist, dist + "-3-13"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            return metadata.version(d)
    return "?"
