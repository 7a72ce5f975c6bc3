"""Regenerate golden transcripts from the reference implementations.

Usage:  python tests/golden/regen.py lua|js|tengo [NAME ...]

Input: every tests/golden/<lang>/NAME.<ext> (or only the NAMEs given).
Output: NAME.out next to each program = its transcript on the reference (real
Lua 5.4 through lupa, node, or real Tengo through tgo-test; see
<lang>_reference.py).  .out files are never written by hand: this script is
their only source, and the golden tests re-run the reference to check that
each one is still current.  A reference that is downloaded rather than
installed (tgo-test) is fetched on first use.

A program the reference cannot even load is a broken golden program: the
script reports it and exits non-zero without writing its .out.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ReferenceSyntaxError, encode_transcript  # noqa: E402

LANGS = {"lua": "lua_reference", "js": "js_reference", "tengo": "tengo_reference"}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in LANGS:
        print(f"usage: regen.py {'|'.join(LANGS)} [NAME ...]", file=sys.stderr)
        return 2
    ref = importlib.import_module(LANGS[argv[0]])
    if hasattr(ref, "fetch_reference") and ref.reference_path() is None:
        print(f"fetching {ref.REFERENCE}: {ref.fetch_reference()}")
    wanted = {Path(a).stem for a in argv[1:]}
    programs = [p for p in ref.golden_programs() if not wanted or p.stem in wanted]
    missing = wanted - {p.stem for p in programs}
    if missing:
        print(f"no such program in {ref.GOLDEN_DIR}: {', '.join(sorted(missing))}", file=sys.stderr)
        return 2
    failures = 0
    for program in programs:
        source = program.read_bytes().decode("utf-8", "surrogateescape")
        try:
            text = ref.run_reference(source, program.name)
        except ReferenceSyntaxError as exc:
            print(f"{program.name}: {ref.REFERENCE} cannot load it: {exc}", file=sys.stderr)
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
