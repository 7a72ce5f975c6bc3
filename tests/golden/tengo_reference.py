"""Run a Tengo golden program on real Tengo and return its transcript.

Input: the program's source and its script name ("NAME.tengo").
Output: the transcript = everything the program wrote to stdout (fmt.print*),
followed, if the program ended with a runtime error, by one line
``ERROR: <message>`` (Tengo's own wording, without the ``at FILE:L:C`` trace).

Why this detour: there is no Go toolchain here, but the npm package
``@milaboratories/tengo-tester`` ships ``tgo-test``, a static binary embedding
the real Tengo interpreter (MiLaboratories' fork of d5/tengo v2: same
builtins, the standard modules fmt, text, math, times, rand, json, base64, hex
and enum, *without* ``os``).  It is a unit-test runner; a plain program is a
"test file" whose source it takes from an artifacts record (the JSON line its
builder ``pl-tengo`` would emit), and it runs the file top to bottom.

Invariants:
* One fresh ``tgo-test run`` per program, in a temporary directory holding
  ``NAME.test.tengo`` (the runner insists the file exists) and given the
  same source as one artifacts record on stdin.
* The program's stdout is Go's unbuffered ``os.Stdout``; the runner then
  appends exactly one status line, which is stripped: ``FAIL: no tests were
  executed ...`` (the program ran to its end: no ``test.done()`` call) or
  ``FATAL: PATH<TAB>{json}`` whose ``cause`` is the runtime error.
* A Parse or Compile Error (including an unknown module or an unresolved name)
  raises ``ReferenceSyntaxError``.
* The environment is fixed (TZ=UTC, GODEBUG=randseednop=0 so that
  ``rand.seed`` works as Tengo documents it).  Real Tengo is still not
  deterministic where Go is not: printing a map, ``for k, v in map`` and
  ``json.encode`` of a map follow Go's randomised map order, ``times.now``
  reads the real clock and unseeded ``rand`` is random.  Golden programs
  must avoid them (print maps with at most one key, or sorted keys).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import tarfile
import tempfile
from pathlib import Path

from corpus import ReferenceSyntaxError, encode_transcript, programs, read_expected, transcript  # noqa: F401

GOLDEN_DIR = Path(__file__).resolve().parent / "tengo"
LANG = "tengo"
REFERENCE = "real Tengo (tgo-test)"

PACKAGE = "@milaboratories/tengo-tester@1.6.4"
_ARCH = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}
_BINARY = f"tgo-test-linux-{_ARCH.get(platform.machine().lower(), platform.machine())}"
# The binary is built with Go 1.24, where math/rand's global Seed is a no-op
# unless GODEBUG says otherwise; Tengo's rand.seed is that Seed, so without
# this a seeded program would print different numbers on every run.
_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC", "GODEBUG": "randseednop=0"}
_DONE = "FAIL: no tests were executed for {path}. Missing test.done() call?\n"
_FATAL = "FATAL: {path}\t"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base) / "llmspell" / f"tengo-tester-{PACKAGE.rsplit('@', 1)[1]}"


def reference_path() -> str | None:
    """The tgo-test binary ($TENGO_TESTER, else the cached copy), or None."""
    candidate = os.environ.get("TENGO_TESTER") or str(_cache_dir() / "package" / "dist" / _BINARY)
    return candidate if os.access(candidate, os.X_OK) else None


def fetch_reference() -> str:
    """Download the tester with ``npm pack`` into the cache; return its path."""
    cache = _cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"], cwd=cache, capture_output=True, text=True, timeout=300, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"npm pack {PACKAGE} failed: {proc.stderr.strip()}")
    tgz = cache / proc.stdout.strip().splitlines()[-1]
    member = f"package/dist/{_BINARY}"
    with tarfile.open(tgz) as archive:
        archive.extract(member, cache, filter="data")
    tgz.unlink()
    binary = cache / member
    binary.chmod(0o755)
    return str(binary)


def _artifact(source: str, path: str, stem: str) -> str:
    """One artifacts record, as pl-tengo's ``dumpAll`` writes a test source."""
    record = {
        "compileMode": "dist",
        "fullName": {"type": "test", "pkg": "llmspell-golden", "id": stem, "version": "1.0.0"},
        "sourceHash": "",
        "src": source,
        "srcName": path,
        "dependencies": [],
        "compilerOptions": [],
    }
    return json.dumps(record) + "\n"


def run_reference(source: str, name: str) -> str:
    """Run ``source`` on real Tengo as script ``name``; return its transcript."""
    binary = reference_path()
    if binary is None:
        raise FileNotFoundError(f"tgo-test is not installed: set TENGO_TESTER or call fetch_reference() ({PACKAGE})")
    stem = Path(name).stem
    with tempfile.TemporaryDirectory(prefix="tengo-ref-") as tmp:
        path = os.path.join(tmp, f"{stem}.test.tengo")
        Path(path).write_bytes(source.encode("utf-8", "surrogateescape"))
        proc = subprocess.run(
            [binary, "run", "--artifacts", "-", path],
            input=_artifact(source, path, stem).encode("utf-8", "surrogateescape"),
            capture_output=True,
            cwd=tmp,
            env=_ENV | {"HOME": tmp},
            timeout=60,
            check=False,
        )
    out = proc.stdout.decode("utf-8", "surrogateescape")
    err = proc.stderr.decode("utf-8", "surrogateescape")
    for kind in ("Parse Error: ", "Compile Error: "):
        if f"{path}: {kind}" in err:
            raise ReferenceSyntaxError(err.split(f"{path}: ", 1)[1].replace("(main)", name).strip())
    done, fatal = _DONE.format(path=path), _FATAL.format(path=path)
    if out.endswith(done):
        return transcript(out[: -len(done)], None)
    printed, sep, status = out.rpartition(fatal)
    if not sep:
        raise RuntimeError(f"tgo-test gave an unexpected answer for {name}: {out[-500:]!r} {err!r}")
    cause = json.loads(status)["cause"].removeprefix("Runtime Error: ")
    return transcript(printed, cause.split("\n\tat ", 1)[0])


def golden_programs() -> list[Path]:
    """Every golden Tengo program, sorted by name (stable test ids)."""
    return programs(GOLDEN_DIR, ".tengo")
