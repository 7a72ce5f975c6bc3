"""The size line of a benchmark program: ``N = 32`` (``local N =``, ``const N =``,
``N :=``), exactly one per file; in NAME.py it also carries ``# small: K``, the
size js2py runs.  The bench rewrites the number to run a program at another size."""
from __future__ import annotations

import re

_SIZE = re.compile(r"^([ \t]*(?:local\s+|const\s+|let\s+|var\s+)?N\s*:?=\s*)(\d+)", re.MULTILINE)
_SMALL = re.compile(r"#\s*small:\s*(\d+)")


def _match(source: str, path):
    found = list(_SIZE.finditer(source))
    if len(found) != 1:
        raise SystemExit(f"{path}: needs exactly one size line 'N = <int>' (found {len(found)})")
    return found[0]


def size_of(source: str, path) -> int:
    return int(_match(source, path).group(2))


def small_size(py_source: str, path) -> int:
    line = py_source[_match(py_source, path).start():].split("\n", 1)[0]
    found = _SMALL.search(line)
    if not found:
        raise SystemExit(f"{path}: the N line needs a '# small: K' comment (the size js2py runs)")
    return int(found.group(1))


def resize(source: str, n: int, path) -> str:
    m = _match(source, path)
    return source[:m.start(2)] + str(n) + source[m.end(2):]
