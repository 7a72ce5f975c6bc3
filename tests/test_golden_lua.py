"""Golden Lua programs: llmspell's transcript must equal real Lua 5.4's.

For every tests/golden/lua/NAME.lua:
  (a) run it on llmspell (``llmspell.run(src, lang="lua", name="NAME.lua")``);
      its output, plus ``ERROR: <message>`` when it ends with an uncaught
      ScriptError, must equal the recorded NAME.out byte for byte;
  (b) re-run it on real Lua (lupa) exactly as tests/golden/regen.py lua does and
      require the same NAME.out -- proof that every expected file came from real
      Lua and is current (regenerate with ``python tests/golden/regen.py lua``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden"))

from lua_reference import golden_programs, read_expected, run_llmspell, run_reference  # noqa: E402

PROGRAMS = golden_programs()
IDS = [p.stem for p in PROGRAMS]


def test_corpus_is_complete():
    """Every program has its recorded transcript and there are no orphans."""
    assert len(PROGRAMS) >= 170
    outs = {p.stem for p in PROGRAMS[0].parent.glob("*.out")}
    assert outs == set(IDS)


@pytest.mark.parametrize("program", PROGRAMS, ids=IDS)
def test_llmspell_matches_golden(program):
    source = program.read_text(encoding="utf-8", errors="surrogateescape")
    assert run_llmspell(source, program.name) == read_expected(program)


@pytest.mark.parametrize("program", PROGRAMS, ids=IDS)
def test_golden_is_real_lua(program):
    assert run_reference(program.read_bytes(), program.name) == read_expected(program)
