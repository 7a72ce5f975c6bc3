"""Regenerate tests/golden/js/NAME.out from node.

Usage:  python tests/golden/regen_js.py [NAME ...]

Input: every tests/golden/js/NAME.js (or only the NAMEs given).
Output: NAME.out next to each program = its transcript on node
(see js_reference.py).  .out files are never written by hand: this script
is their only source, and tests/test_golden_js_reference.py re-runs node to
check that each one is still current.

A program that node cannot even compile is a broken golden program: the
script reports it and exits non-zero without writing its .out.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from js_reference import (  # noqa: E402
    GOLDEN_DIR,
    ReferenceSyntaxError,
    encode_transcript,
    golden_programs,
    run_reference,
)


def main(argv: list[str]) -> int:
    wanted = {Path(a).stem for a in argv}
    programs = [p for p in golden_programs() if not wanted or p.stem in wanted]
    missing = wanted - {p.stem for p in programs}
    if missing:
        print(f"no such program in {GOLDEN_DIR}: {', '.join(sorted(missing))}", file=sys.stderr)
        return 2
    failures = 0
    for program in programs:
        try:
            text = run_reference(program.read_text(encoding="utf-8"), program.name)
        except ReferenceSyntaxError as exc:
            print(f"{program.name}: node cannot compile it: {exc}", file=sys.stderr)
            failures += 1
            continue
        out = program.with_suffix(".out")
        data = encode_transcript(text)
        if not out.exists() or out.read_bytes() != data:
            out.write_bytes(data)
            print(f"wrote {out.name}")
    print(f"{len(programs) - failures} programs regenerated, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
