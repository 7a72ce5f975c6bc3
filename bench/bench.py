"""Speed of llmspell against CPython running the same algorithm, in one run.

Usage: python bench/bench.py [--repeat N] [names...]

Each benchmark is ``programs/NAME.py`` and the same algorithm as a spell in
one or more languages (``NAME.lua``, ``NAME.js``, ``NAME.tengo``).  All are timed in this
process (best of N, compile excluded for llmspell, metering on and exact),
their outputs compared, and each ratio llmspell/CPython printed.
Ratios within one run are what we track: the machines are shared and noisy.
Results are also written to ``bench/results.json``.  Never part of the tests.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import pathlib
import platform
import sys
import time

HERE = pathlib.Path(__file__).parent
PROGRAMS = HERE / "programs"


def time_python(path: pathlib.Path, repeat: int):
    code = compile(path.read_text(), str(path), "exec")
    best, out = math.inf, ""
    for _ in range(repeat):
        buf = io.StringIO()
        t = time.perf_counter()
        with contextlib.redirect_stdout(buf):
            exec(code, {"__name__": "__bench__"})
        best = min(best, time.perf_counter() - t)
        out = buf.getvalue()
    return best, out


LANGS = {".lua": "lua", ".js": "javascript", ".tengo": "tengo"}


def time_llmspell(path: pathlib.Path, repeat: int):
    import llmspell
    program = llmspell.compile(path.read_text(), LANGS[path.suffix], path.name)
    program.compiled            # compile to Python outside the timed region
    best, result = math.inf, None
    for _ in range(repeat):
        t = time.perf_counter()
        result = program.run()
        best = min(best, time.perf_counter() - t)
    return best, result.output, result.instructions


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("names", nargs="*")
    ns = ap.parse_args(argv)
    names = ns.names or sorted(p.stem for p in PROGRAMS.glob("*.py"))
    rows = []
    print(f"{'benchmark':<14}{'language':<12}{'cpython s':>11}{'llmspell s':>12}{'ratio':>8}{'instructions':>15}")
    for name in names:
        py_t, py_out = time_python(PROGRAMS / f"{name}.py", ns.repeat)
        for suffix, lang in LANGS.items():
            spell = PROGRAMS / f"{name}{suffix}"
            if not spell.exists():
                continue
            ls_t, ls_out, instrs = time_llmspell(spell, ns.repeat)
            if py_out != ls_out:
                print(f"{spell.name}: outputs differ: python {py_out!r} llmspell {ls_out!r}", file=sys.stderr)
            ratio = ls_t / py_t
            rows.append({"name": name, "language": lang, "cpython": py_t, "llmspell": ls_t, "ratio": ratio,
                         "instructions": instrs, "same_output": py_out == ls_out})
            print(f"{name:<14}{lang:<12}{py_t:>11.4f}{ls_t:>12.4f}{ratio:>7.2f}x{instrs:>15,}")
    geo = math.exp(sum(math.log(r["ratio"]) for r in rows) / len(rows)) if rows else float("nan")
    print(f"geometric mean ratio: {geo:.2f}x")
    (HERE / "results.json").write_text(json.dumps({
        "date": time.strftime("%Y-%m-%d"), "machine": platform.machine(),
        "python": platform.python_version(), "results": rows, "geomean": geo}, indent=2))


if __name__ == "__main__":
    main()
