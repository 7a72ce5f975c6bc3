"""Golden JavaScript corpus: every recorded NAME.out is node's real, current output.

For every tests/golden/js/NAME.js, re-run it on node exactly as
tests/golden/regen.py js does and require the recorded NAME.out byte for byte
-- proof that every expected file came from node and is current (regenerate
with ``python tests/golden/regen.py js``).  Skipped when node is absent.
The llmspell side (running each program on the JavaScript front end) is added
with that front end.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden"))

from js_reference import golden_programs, node_path, read_expected, run_reference, transcript  # noqa: E402

PROGRAMS = golden_programs()
IDS = [p.stem for p in PROGRAMS]


def test_corpus_is_complete():
    """Every program has its recorded transcript and there are no orphans."""
    assert len(PROGRAMS) >= 60
    outs = {p.stem for p in PROGRAMS[0].parent.glob("*.out")}
    assert outs == set(IDS)


def test_transcript_puts_error_on_its_own_line():
    assert transcript("a\n", None) == "a\n"
    assert transcript("a", "TypeError: x") == "a\nERROR: TypeError: x\n"
    assert transcript("", "boom") == "ERROR: boom\n"


@pytest.mark.skipif(node_path() is None, reason="node is not installed")
@pytest.mark.parametrize("program", PROGRAMS, ids=IDS)
def test_golden_is_real_node(program):
    assert run_reference(program.read_text(encoding="utf-8"), program.name) == read_expected(program)
