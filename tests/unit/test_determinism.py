"""Determinism: the same spell gives the same output and the same meter counts
in every process, whatever Python's string-hash seed.

Python randomises str hashing per process (PYTHONHASHSEED); anything in the
compiler or VM that leaks set/dict-of-str iteration order, id(), or addresses
into behaviour or into the instruction/allocation counts shows up here as a
difference between two processes started with different seeds.

Two checks, both with the IR cache disabled so each process compiles afresh:
  * the CLI: ``llmspell run FILE --stats`` on a representative sample of the
    golden programs (every process launch pays the interpreter start-up, so the
    sample keeps this file fast), comparing stdout, stderr (which carries the
    ``instructions=N alloc_bytes=B alloc_objects=M`` line) and exit status;
  * the API on the whole corpus: one process per seed runs every golden
    program through ``llmspell.run`` and reports output and counts; the two
    reports must be identical.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "lua"
PROGRAMS = sorted(GOLDEN.glob("*.lua"))
SEEDS = ("1", "12345")
STATS_LINE = re.compile(r"^instructions=\d+ alloc_bytes=\d+ alloc_objects=\d+$", re.M)

# Programs whose behaviour leans on something that could plausibly vary between
# processes: hash-keyed tables and pairs, the PRNG, dates, coroutines, error
# objects, string interning.  Always in the CLI sample.
SENSITIVE = [
    "stdlib_pairs_sorted", "program_word_frequency", "program_json_serializer",
    "math_random_seeded", "math_random_ranges", "os_date_time", "coroutine_generators",
    "coroutine_yield_across_pcall", "table_keys_int_float_normalization", "program_lru_cache",
    "meta_eq", "table_sort_default", "uncaught_error_tostring_object", "uncaught_error_runtime",
]
SAMPLE_SIZE = 40


def _sample() -> list[Path]:
    by_name = {p.stem: p for p in PROGRAMS}
    chosen = [by_name[n] for n in SENSITIVE if n in by_name]
    rest = [p for p in PROGRAMS if p not in chosen]
    need = max(0, SAMPLE_SIZE - len(chosen))
    if rest and need:
        step = len(rest) / need
        chosen += [rest[int(i * step)] for i in range(min(need, len(rest)))]
    return sorted(set(chosen))


def _cli() -> list[str]:
    """The installed ``llmspell`` script next to this interpreter, else ``-m``."""
    script = Path(sys.executable).with_name("llmspell")
    return [str(script)] if script.exists() else [sys.executable, "-m", "llmspell"]


def _env(seed: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = seed
    env["LLMSPELL_NO_CACHE"] = "1"
    return env


def _run(cmd: list[str], seed: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, errors="surrogateescape",
                          env=_env(seed), timeout=timeout, stdin=subprocess.DEVNULL)


CLI_SAMPLE = _sample()


def test_cli_prints_output_and_one_stats_line(tmp_path):
    """Guards the tests below: two identical failures would prove nothing."""
    spell = tmp_path / "hello.lua"
    spell.write_text('print("hello", 1 + 1)\n')
    proc = _run([*_cli(), "run", str(spell), "--stats"], SEEDS[0])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "hello\t2\n"
    assert len(STATS_LINE.findall(proc.stderr)) == 1, proc.stderr


@pytest.mark.parametrize("program", CLI_SAMPLE, ids=[p.stem for p in CLI_SAMPLE])
def test_cli_run_is_identical_across_hash_seeds(program):
    first, second = (_run([*_cli(), "run", str(program), "--stats"], seed) for seed in SEEDS)
    assert first.stdout == second.stdout
    assert first.returncode == second.returncode
    assert STATS_LINE.findall(first.stderr) == STATS_LINE.findall(second.stderr)
    assert first.stderr == second.stderr
    if first.returncode == 0:
        # A run that ended normally reports its counts exactly once.
        assert len(STATS_LINE.findall(first.stderr)) == 1, first.stderr


# Runs in a child process: every golden program through the API, one JSON
# record per program (exceptions recorded by type and message).
_CORPUS_DRIVER = r"""
import json, sys
from pathlib import Path
import llmspell
folder, suffix, lang = sys.argv[1:4]
for path in sorted(Path(folder).glob("*" + suffix)):
    rec = {"name": path.name}
    try:
        r = llmspell.run(path.read_text(encoding="utf-8", errors="surrogateescape"),
                         lang=lang, name=path.name)
        rec.update(output=r.output, instructions=r.instructions,
                   alloc_bytes=r.alloc_bytes, alloc_objects=r.alloc_objects)
    except Exception as e:
        rec.update(error=type(e).__name__, message=str(getattr(e, "message", e)),
                   output=getattr(e, "output", None))
    print(json.dumps(rec, ensure_ascii=True))
"""


@pytest.mark.parametrize("lang, suffix", [("lua", ".lua"), ("javascript", ".js"), ("tengo", ".tengo")])
def test_whole_corpus_is_identical_across_hash_seeds(lang, suffix):
    folder = GOLDEN.parent / ("js" if lang == "javascript" else lang)
    reports = []
    for seed in SEEDS:
        proc = _run([sys.executable, "-c", _CORPUS_DRIVER, str(folder), suffix, lang], seed, timeout=900)
        assert proc.returncode == 0, proc.stderr[-3000:]
        reports.append([json.loads(line) for line in proc.stdout.splitlines()])
    first, second = reports
    assert len(first) == len(list(folder.glob("*" + suffix)))
    # Guard: if nothing ran at all, two identical failure reports prove nothing.
    assert any(rec.get("output") for rec in first), first[:3]
    differing = [a["name"] for a, b in zip(first, second) if a != b]
    assert differing == []
