"""Run a JavaScript golden program on node and return its transcript.

Input: the program's source and its script name ("NAME.js").
Output: the transcript = everything the program wrote to stdout
(console.log), followed, if the program ended with an uncaught exception, by
one line ``ERROR: <String(exception)>``.

Shared by ``regen.py`` (which writes ``NAME.out``) and the golden tests
(which re-run node to prove each ``.out`` is current, or compare it with
llmspell), so they can never disagree about how a program is run.
The transcript format is ``corpus.transcript``, shared with Lua.

Invariants:
* One fresh node process per program (/usr/bin/node, or $NODE); the program
  runs as a classic script (not a module) through ``vm.Script`` with
  ``filename: NAME.js`` and ``runInThisContext`` inside try/catch, so an
  uncaught exception becomes the final ``ERROR:`` line instead of node's
  stack dump on stderr.
* Only stdout is recorded (console.error goes to stderr and is ignored).
  Writes to a pipe are synchronous on Linux, so nothing is lost at exit.
* A program node cannot even compile raises ``ReferenceSyntaxError``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from corpus import ReferenceSyntaxError, encode_transcript, programs, read_expected, transcript  # noqa: F401

GOLDEN_DIR = Path(__file__).resolve().parent / "js"
LANG = "javascript"
REFERENCE = "node"

# The source arrives on stdin, the script name as the only argument.  The
# wrapper's bindings live inside a function, so the program (compiled in the
# global context) cannot see them or collide with them (`let name` etc.).
_WRAPPER = r"""
(function (require, name) {
  // node -e puts require/module/exports/... on the global object; a script
  // run by `node NAME.js` does not see them, so neither may the program.
  for (const g of ["require", "module", "exports", "__filename", "__dirname"]) {
    delete globalThis[g];
  }
  const vm = require("vm");
  const src = require("fs").readFileSync(0, "utf8");
  let script;
  try {
    // spells are strict (they are modules): the reference runs them strict too
    script = new vm.Script("\"use strict\"; " + src, { filename: name });
  } catch (e) {
    process.stdout.write("\u0000SYNTAX\u0000" + String(e));
    return;
  }
  try {
    script.runInThisContext();
  } catch (e) {
    process.stdout.write("\u0000ERROR\u0000" + String(e));
  }
})(require, process.argv[1]);
"""

_MARK_SYNTAX = "\x00SYNTAX\x00"
_MARK_ERROR = "\x00ERROR\x00"


def node_path() -> str | None:
    """The node binary used as the reference, or None when it is absent."""
    candidate = os.environ.get("NODE", "/usr/bin/node")
    if os.path.exists(candidate):
        return candidate
    return shutil.which("node")


def run_reference(source: str, name: str) -> str:
    """Run ``source`` on node as script ``name``; return its transcript."""
    node = node_path()
    if node is None:
        raise FileNotFoundError("node is not installed")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "TZ": "UTC"}
    proc = subprocess.run(
        [node, "-e", _WRAPPER, name],
        input=source.encode("utf-8"),
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"node wrapper failed for {name}: {proc.stderr.decode(errors='replace')}")
    out = proc.stdout.decode("utf-8")
    if _MARK_SYNTAX in out:
        raise ReferenceSyntaxError(out.split(_MARK_SYNTAX, 1)[1])
    if _MARK_ERROR in out:
        printed, message = out.split(_MARK_ERROR, 1)
        return transcript(printed, message)
    return transcript(out, None)


def golden_programs() -> list[Path]:
    """Every golden JavaScript program, sorted by name (stable test ids)."""
    return programs(GOLDEN_DIR, ".js")
