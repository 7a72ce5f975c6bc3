"""One persistent node process that runs many small JavaScript programs.

Starting node costs ~40 ms, so a property test that compares hundreds of
generated programs with node cannot afford one process per program.  A
``NodeSession`` starts node once with a small driver that reads one request
per line on stdin (JSON ``{"source", "name", "timeout"}``) and answers with
one JSON line ``{"output", "error", "syntax"}``.

Isolation: every program runs in a *fresh* ``vm.createContext`` — its own
global object and built-ins — so no program can see what an earlier one left
behind.  The context holds only the JavaScript built-ins plus ``console``
(``log``/``info``/``debug`` record ``util.format(...)`` + newline exactly as
node's console.log prints; ``error``/``warn`` are dropped, as only stdout
belongs to a transcript).  There is no ``require``, ``process`` or timers.
With ``microtaskMode: "afterEvaluate"`` the program's promise jobs run before
its answer is written, so async programs report all their output.  An
uncaught exception becomes ``error`` = ``String(exception)``; ``timeout`` (ms)
bounds the run, microtasks included.

``NodeResult.transcript`` is the golden-corpus transcript format
(``tests/golden/corpus.py``), so results compare directly with ``.out`` files
and with llmspell runs.  Unhandled promise rejections are ignored (a program
run by plain ``node`` would die of them; golden programs never have them).
"""

from __future__ import annotations

import atexit
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Self

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden"))

from corpus import ReferenceSyntaxError, transcript
from js_reference import node_path

_DRIVER = r"""
const vm = require("vm");
const util = require("util");
const readline = require("readline");
process.on("unhandledRejection", () => {});
const describe = e => {
  try { return String(e); } catch (_) { return Object.prototype.toString.call(e); }
};
// console's functions must belong to the program's realm: a promise job is
// queued in the realm of its handler, so `p.then(console.log)` with a host
// function would run only after the answer had been written.
const INSTALL_CONSOLE = `(write, format) => {
  const log = (...args) => { write(format(...args) + "\\n"); };
  const quiet = () => {};
  globalThis.console = { log, info: log, debug: log, error: quiet, warn: quiet };
}`;
const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on("line", line => {
  const req = JSON.parse(line);
  const out = [];
  const context = vm.createContext({}, { microtaskMode: "afterEvaluate" });
  vm.runInContext(INSTALL_CONSOLE, context)(text => out.push(text), util.format);
  let error = null, syntax = null, script = null;
  try {
    script = new vm.Script(req.source, { filename: req.name });
  } catch (e) {
    syntax = describe(e);
  }
  if (script !== null) {
    try {
      script.runInContext(context, { timeout: req.timeout });
    } catch (e) {
      error = describe(e);
    }
  }
  process.stdout.write(JSON.stringify({ output: out.join(""), error, syntax }) + "\n");
});
"""


@dataclass(frozen=True)
class NodeResult:
    output: str             # everything console.log printed
    error: str | None       # String(uncaught exception), or None

    @property
    def transcript(self) -> str:
        return transcript(self.output, self.error)


class NodeSession:
    """A running node driver; ``run`` one program at a time."""

    def __init__(self, node: str | None = None, timeout_ms: int = 5000):
        node = node or node_path()
        if node is None:
            raise FileNotFoundError("node is not installed")
        self.timeout_ms = timeout_ms
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 -- lives as long as the driver; closed by close()
        self._proc = subprocess.Popen(
            [node, "-e", _DRIVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC"},
            text=True,
            encoding="utf-8",
            errors="surrogatepass",
        )

    def run(self, source: str, name: str = "program.js") -> NodeResult:
        """Run ``source`` as script ``name`` in a fresh context.

        Raises ``ReferenceSyntaxError`` if node cannot compile it, and
        ``RuntimeError`` if the driver itself has died.
        """
        request = json.dumps({"source": source, "name": name, "timeout": self.timeout_ms})
        try:
            self._proc.stdin.write(request + "\n")
            self._proc.stdin.flush()
            line = self._proc.stdout.readline()
        except (BrokenPipeError, OSError):
            line = ""
        if not line:
            raise RuntimeError(f"the node driver died: {self._driver_stderr()}")
        answer = json.loads(line)
        if answer["syntax"] is not None:
            raise ReferenceSyntaxError(answer["syntax"])
        return NodeResult(answer["output"], answer["error"])

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.stdin.close()
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._stderr.close()

    def _driver_stderr(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace").strip() or "(no stderr)"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_shared: NodeSession | None = None


def shared_session() -> NodeSession:
    """The process-wide session, started on first use and closed at exit."""
    global _shared
    if _shared is None:
        _shared = NodeSession()
        atexit.register(_shared.close)
    return _shared
