"""Speed of llmspell against CPython and peers running the same algorithm, in one run.

Usage: python bench/bench.py [--repeat N] [--no-js2py] [--no-startup] [--no-compile]
                             [--no-memory] [--no-overlap] [--no-cpu] [names...]

Each benchmark is ``programs/NAME.py`` (the CPython reference) and the same
algorithm in ``NAME.lua``, ``NAME.js`` and ``NAME.tengo``.  Columns:

  llmspell-lua / -js / -tengo   NAME.lua / .js / .tengo on llmspell (metering on and exact)
  cpython                       NAME.py in this process
  lupa                          NAME.lua on the C Lua 5.4 (through lupa)
  mini-racer                    NAME.js on V8 (through mini-racer)
  js2py                         NAME.es5.js (or NAME.js) on js2py, at a reduced size

Every program sets its size on one line (``N = 32``, ``local N =``, ``const N =``,
``N :=``); the line in NAME.py also says ``# small: K``.  js2py is ~1000x slower
than CPython, so it runs the program with N = K, and so do CPython and
llmspell-js (on the very file js2py runs: the ES5 variant where js2py cannot
parse the idiomatic one): the js2py column is js2py / CPython at that size, and
a second table shows js2py / llmspell-js, the issue's "≥ 100x" target.

``NAME.es5.js`` is the same program in ES5 (js2py parses no classes, arrow
functions, template literals or for-of).  ``sort`` (the library sort with a
comparator) has no Tengo variant: Tengo has no sort; ``msort``, a merge sort
written in each language, covers Tengo.

Times are the best of ``--repeat`` runs, set-up (compiling, loading,
translating) excluded; outputs are compared with CPython's and a mismatch is
reported.  Ratios are only meaningful within one run: the machines are shared
and noisy.  Results go to ``bench/results.json``.  Never part of the tests.
Peers that are not installed are skipped with a note (``pip install -e '.[bench]'``).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import pathlib
import platform
import sys
import time

import runners
import sections
from sizes import resize, size_of, small_size

HERE = pathlib.Path(__file__).parent
PROGRAMS = HERE / "programs"

# Columns measured at full size: the file suffix each runs and its timer.
FULL = {
    "llmspell-lua": (".lua", runners.time_llmspell),
    "llmspell-js": (".js", runners.time_llmspell),
    "llmspell-tengo": (".tengo", runners.time_llmspell),
    "cpython": (".py", runners.time_cpython),
    "lupa": (".lua", runners.time_lupa),
    "mini-racer": (".js", runners.time_mini_racer),
}
COLUMNS = (*FULL, "js2py")
LLMSPELL = ("llmspell-lua", "llmspell-js", "llmspell-tengo")

def _measure(row: dict, column: str, timer, source: str, repeat: int, name: str, expected: str):
    """Time one cell; record time, output agreement and llmspell's counts.
    A failing implementation is reported, never allowed to stop the bench."""
    try:
        timing = timer(source, repeat, name)
    except Exception as e:       # a peer or llmspell failing is a finding, not a crash
        message = e.render() if hasattr(e, "render") else f"{type(e).__name__}: {e}"
        print(f"{name} on {column}: {message}", file=sys.stderr)
        row["errors"][column] = message
        return None
    if timing.output != expected:
        print(f"{name} on {column}: output differs from CPython's\n  cpython: {expected[:300]!r}\n"
              f"  {column}: {timing.output[:300]!r}", file=sys.stderr)
    row["same_output"][column] = timing.output == expected
    if timing.instructions is not None:
        row["instructions"][column] = timing.instructions
        row["alloc_bytes"][column] = timing.alloc_bytes
    return timing


def run_benchmark(name: str, columns: list[str], repeat: int) -> dict:
    py_path = PROGRAMS / f"{name}.py"
    py_source = py_path.read_text()
    row = {"name": name, "size": size_of(py_source, py_path), "times": {}, "ratios": {}, "same_output": {},
           "instructions": {}, "alloc_bytes": {}, "errors": {}}
    ref = runners.time_cpython(py_source, repeat, str(py_path))
    row["times"]["cpython"], row["ratios"]["cpython"] = ref.seconds, 1.0
    for column in columns:
        if column in ("cpython", "js2py"):
            continue
        suffix, timer = FULL[column]
        path = PROGRAMS / f"{name}{suffix}"
        if path.exists():
            timing = _measure(row, column, timer, path.read_text(), repeat, path.name, ref.output)
            if timing:
                row["times"][column], row["ratios"][column] = timing.seconds, timing.seconds / ref.seconds
    if "js2py" in columns:
        row["js2py"] = _js2py_cell(row, name, py_source, repeat)
    return row


def _js2py_cell(row: dict, name: str, py_source: str, repeat: int) -> dict | None:
    """js2py, CPython and llmspell-js on the same program at the reduced size."""
    path = next((p for p in (PROGRAMS / f"{name}.es5.js", PROGRAMS / f"{name}.js") if p.exists()), None)
    if path is None:
        return None
    n = small_size(py_source, f"{name}.py")
    ref = runners.time_cpython(resize(py_source, n, f"{name}.py"), repeat, f"{name}.py")
    source = resize(path.read_text(), n, path.name)
    cell = {"size": n, "file": path.name, "cpython": ref.seconds}
    for column, timer in (("llmspell-js@small", runners.time_llmspell), ("js2py", runners.time_js2py)):
        timing = _measure(row, column, timer, source, repeat, path.name, ref.output)
        cell[column] = timing and timing.seconds
    if cell["js2py"]:
        row["times"]["js2py"], row["ratios"]["js2py"] = cell["js2py"], cell["js2py"] / ref.seconds
        if cell["llmspell-js@small"]:
            cell["js2py_over_llmspell_js"] = cell["js2py"] / cell["llmspell-js@small"]
    return cell


def geomean(values) -> float | None:
    values = [v for v in values if v]
    return math.exp(sum(map(math.log, values)) / len(values)) if values else None


def _ratio(r: float) -> str:
    return f"{r:.0f}x" if r >= 100 else f"{r:.1f}x" if r >= 10 else f"{r:.2f}x"


def summarize(rows: list[dict], columns: list[str]) -> dict:
    summary = {}
    for column in columns:
        cells = [(r["ratios"][column], r["name"]) for r in rows if column in r["ratios"]]
        if cells:
            worst = max(cells)
            summary[column] = {"geomean": geomean(c for c, _ in cells), "max": worst[0], "max_benchmark": worst[1]}
    cells = [(r["ratios"][c], f"{r['name']}/{c}") for r in rows for c in LLMSPELL if c in r["ratios"]]
    if cells:
        worst = max(cells)
        summary["llmspell"] = {"geomean": geomean(c for c, _ in cells), "max": worst[0], "max_benchmark": worst[1]}
    speedups = [r["js2py"]["js2py_over_llmspell_js"] for r in rows if (r.get("js2py") or {}).get("js2py_over_llmspell_js")]
    if speedups:
        summary["js2py_over_llmspell_js"] = {"geomean": geomean(speedups), "min": min(speedups)}
    return summary


def print_table(rows: list[dict], columns: list[str], summary: dict):
    width = 17
    print("\nCPU: seconds (best of the repeats) and ratio to CPython; js2py* at the reduced size")
    print(f"{'benchmark':<10}" + "".join(f"{c + ('*' if c == 'js2py' else ''):>{width}}" for c in columns))
    for r in rows:
        cells = []
        for c in columns:
            if c in r["ratios"]:
                mark = "" if r["same_output"].get(c, True) else "!"
                cells.append(f"{r['times'][c]:.3f} {_ratio(r['ratios'][c]):>6}{mark}")
            else:
                cells.append("error" if c in r["errors"] else "-")
        print(f"{r['name']:<10}" + "".join(f"{cell:>{width}}" for cell in cells))
    for label, key in (("geomean", "geomean"), ("max", "max")):
        print(f"{label:<10}" + "".join(
            f"{_ratio(summary[c][key]) if c in summary else '-':>{width}}" for c in columns))
    if "llmspell" in summary:
        s = summary["llmspell"]
        print(f"llmspell, all languages: geomean {_ratio(s['geomean'])} of CPython (target <= 1.5x), "
              f"worst {_ratio(s['max'])} ({s['max_benchmark']}; target <= 3x)")
    js = [r for r in rows if r.get("js2py")]
    if js:
        print("\njs2py at the reduced size N, on the same file as llmspell-js (seconds)")
        print(f"{'benchmark':<10}{'N':>8}{'file':>16}{'cpython':>10}{'llmspell-js':>13}{'js2py':>10}"
              f"{'js2py/llmspell-js':>19}")
        def fmt(v):
            return f"{v:.4f}" if v else "error"
        for r in js:
            c = r["js2py"]
            speed = c.get("js2py_over_llmspell_js")
            print(f"{r['name']:<10}{c['size']:>8}{c['file']:>16}{fmt(c['cpython']):>10}"
                  f"{fmt(c['llmspell-js@small']):>13}{fmt(c['js2py']):>10}{_ratio(speed) if speed else '-':>19}")
        if "js2py_over_llmspell_js" in summary:
            s = summary["js2py_over_llmspell_js"]
            print(f"llmspell-js is {_ratio(s['geomean'])} faster than js2py (geomean), "
                  f"{_ratio(s['min'])} at least (target >= 100x)")


def machine() -> dict:
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"arch": platform.machine(), "cpu": cpu, "cpus": os.cpu_count(), "system": platform.platform()}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per cell; the best is kept (default 3)")
    for section in ("cpu", "js2py", "startup", "compile", "memory", "overlap"):
        ap.add_argument(f"--no-{section}", action="store_true", help=f"skip the {section} section")
    ap.add_argument("names", nargs="*", help="benchmarks to run (default: every programs/*.py)")
    ns = ap.parse_args(argv)
    names = ns.names or sorted(p.stem for p in PROGRAMS.glob("*.py"))
    for name in names:
        if not (PROGRAMS / f"{name}.py").exists():
            ap.error(f"no benchmark {name!r} (no {PROGRAMS / name}.py)")

    import llmspell
    peers = {c: runners.peer_version(c) for c in runners.PEERS}
    results = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine(), "python": platform.python_version(),
               "llmspell": llmspell.__version__, "peers": peers, "repeat": ns.repeat}
    print(f"{results['date']}  {results['machine']['cpu']} ({results['machine']['cpus']} cpus)  "
          f"Python {results['python']}  llmspell {results['llmspell']}  repeat {ns.repeat}")
    columns = [c for c in COLUMNS if not (c == "js2py" and ns.no_js2py)]
    for peer, version in peers.items():
        if peer in columns and version is None:
            print(f"note: {peer} is not installed: its column is skipped (pip install -e '.[bench]')")
            columns.remove(peer)
    if not ns.no_cpu:
        rows = []
        for name in names:
            print(f"  {name} ...", file=sys.stderr, flush=True)
            rows.append(run_benchmark(name, columns, ns.repeat))
        summary = summarize(rows, columns)
        print_table(rows, columns, summary)
        results.update(columns=columns, benchmarks=rows, summary=summary)
    if not ns.no_startup:
        results["startup"] = sections.startup(max(ns.repeat, 5))
    if not ns.no_compile:
        results["compile"] = sections.compile_time(ns.repeat, peers["lupa"] is not None)
    if not ns.no_memory:
        results["memory"] = sections.memory(PROGRAMS)
    if not ns.no_overlap:
        results["overlap"] = sections.overlap(max(ns.repeat, 3))
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {HERE / 'results.json'}")


if __name__ == "__main__":
    main()
