"""The ``llmspell`` command line: a thin layer over :mod:`llmspell.api`.

Exit status: 0 success, 1 the spell failed (or check found problems), 2 bad
usage.  Errors print as ``file:line:col``, the source line and a hint — never
a Python traceback.
"""
from __future__ import annotations

import argparse
import os
import sys

from .errors import LlmspellError, UsageError


def _size(text: str) -> int:
    from .sandbox.config import parse_size
    try:
        return parse_size(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e))


def _count(text: str) -> int:
    try:
        n = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    if n <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return n


def _seconds(text: str) -> float:
    try:
        v = float(text.rstrip("s"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    if v <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return v


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        print(f"llmspell: usage error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="llmspell", description="Run, check and inspect spells (Lua, JavaScript, Tengo).")
    p.add_argument("--version", action="version", version=f"llmspell {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    run = sub.add_parser("run", help="run a spell")
    _run_arguments(run)

    watch = sub.add_parser("watch", help="run a spell again whenever it or its policy file changes")
    _run_arguments(watch)
    watch.add_argument("--max-runs", type=_count, metavar="N", help="stop after N runs (for scripts and tests)")
    watch.add_argument("--no-clear", action="store_true", help="do not clear the screen before each run")

    dis = sub.add_parser("disasm", help="print a spell's IR with its source lines")
    dis.add_argument("file")
    dis.add_argument("--lang", choices=["lua", "js", "javascript", "tengo"])
    dis.add_argument("--python", action="store_true", help="print the generated Python instead")

    sub.add_parser("api", help="print the script API reference (generated from the bridge registry)")

    chk = sub.add_parser("check", help="check spells without running them")
    chk.add_argument("files", nargs="+")
    chk.add_argument("--lang", choices=["lua", "js", "javascript", "tengo"])
    chk.add_argument("--format", choices=["human", "json"], default="human",
                     help="json: one document on stdout (schema in the README)")
    chk.add_argument("--explain", action="store_true",
                     help="list the capabilities each spell needs and the flags that grant them")
    _permission_flags(chk)

    srv = sub.add_parser("serve", help="serve the spells in a folder over HTTP, swapping in edits as they are saved")
    srv.add_argument("dir")
    srv.add_argument("--host", default="127.0.0.1")
    srv.add_argument("--port", type=int, default=8080)
    srv.add_argument("--workers", type=_count, default=8, metavar="N", help="runs in parallel (default 8)")
    _limit_flags(srv)
    _permission_flags(srv)

    repl = sub.add_parser("repl", help="an interactive session in Lua, JavaScript or Tengo")
    repl.add_argument("--lang", choices=["lua", "js", "javascript", "tengo"], default="lua")
    _limit_flags(repl)
    _permission_flags(repl)
    return p


def _run_arguments(run):
    """The options of a run, the same for ``run`` and ``watch``."""
    run.add_argument("file")
    run.add_argument("--lang", choices=["lua", "js", "javascript", "tengo"])
    run.add_argument("--arg", action="append", default=[], metavar="K=V",
                     help="an input the spell receives (repeatable)")
    run.add_argument("--stats", action="store_true",
                     help="print instructions and allocations to stderr when done")
    _limit_flags(run)
    run.add_argument("--journal", metavar="FILE", help="write every bridge call to FILE (JSON lines)")
    run.add_argument("--record", metavar="CASSETTE", help="save the models' answers to CASSETTE")
    run.add_argument("--replay", metavar="CASSETTE", help="answer model calls from CASSETTE, offline")
    _permission_flags(run)


def _limit_flags(p):
    """The limits and settings of a run: the same for run, watch, serve (per
    request) and repl (per session)."""
    p.add_argument("--max-instructions", type=_count, metavar="N")
    p.add_argument("--max-memory", type=_size, metavar="BYTES")
    p.add_argument("--max-depth", type=_count, metavar="N")
    p.add_argument("--max-string", type=_size, metavar="BYTES")
    p.add_argument("--timeout", type=_seconds, metavar="SECONDS")
    p.add_argument("--max-tokens", type=_count, metavar="N", help="LLM tokens the run may use")
    p.add_argument("--max-cost", type=float, metavar="USD", help="LLM cost the run may incur")
    p.add_argument("--seed", type=int, help="math.random's seed (default 0)")
    p.add_argument("--log-level", choices=["debug", "info", "warn", "error"], default="info")


def _permission_flags(p):
    """The grants and the policy file, the same for run and check (check judges
    a spell against the policy it would run under)."""
    for kind, what in (("read", "DIR"), ("write", "DIR"), ("net", "HOST[:PORT]"), ("env", "NAME"),
                       ("tool", "NAME"), ("model", "PATTERN")):
        p.add_argument(f"--allow-{kind}", action="append", default=[], metavar=what,
                       help=f"grant {kind}:{what} (repeatable)")
    p.add_argument("--allow-all", action="store_true", help="grant everything (development only)")
    p.add_argument("--config", metavar="FILE", help=_CONFIG_HELP)


_CONFIG_HELP = "policy file (default: llmspell.toml in the spell's folder, if any); flags add to it"


def _version():
    from . import __version__
    return __version__


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            return f.read()
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}")
    except IsADirectoryError:
        raise UsageError(f"{path} is a directory, not a spell")
    except OSError as e:
        raise UsageError(f"cannot read {path}: {e.strerror}")


def _policy(ns, path: str):
    """The policy file's settings (see :mod:`llmspell.sandbox.config`) with the
    flags on top: a limit flag wins, permission flags add grants."""
    from .sandbox import config
    from .sandbox.policy import Limits
    limits = {field: getattr(ns, field, None) for field in Limits.FLAGS}
    if limits["max_depth"] is not None and limits["max_depth"] > Limits.MAX_DEPTH:
        raise UsageError(f"--max-depth is at most {Limits.MAX_DEPTH:,}")
    grants = []
    for kind in config.PERMISSIONS:
        grants += config.grants(kind, getattr(ns, f"allow_{kind}"), os.getcwd())
    settings = {"log_level": ns.log_level, "seed": ns.seed or 0} if ns.command != "check" else {}
    return config.compose(config.for_spell(path, ns.config), limits, grants, ns.allow_all, **settings)


def _inputs(pairs):
    """``--arg K=V`` pairs as the spell's inputs (plain data: each language
    receives them its own way — Lua as ``...``, JavaScript as ``args``)."""
    inputs = {}
    for pair in pairs:
        k, sep, v = pair.partition("=")
        if not sep or not k:
            raise UsageError(f"--arg expects K=V, got {pair!r}")
        inputs[k] = v
    return (inputs,) if pairs else ()


def cmd_run(ns) -> int:
    result = run_once(ns)
    if ns.stats:
        print(f"instructions={result.instructions} alloc_bytes={result.alloc_bytes} "
              f"alloc_objects={result.alloc_objects}", file=sys.stderr)
    return 0


def run_once(ns):
    """One run as the flags in *ns* describe it (``run``, and each of ``watch``'s)."""
    from . import api
    lang = api.lang_for(ns.file, ns.lang)
    source = _read(ns.file)
    program = api.compile(source, lang, ns.file)
    if ns.record and ns.replay:
        raise UsageError("--record and --replay cannot be used together")
    for flag, path in (("--record", ns.record), ("--journal", ns.journal)):
        if path:
            _check_writable(flag, path)     # before the run, so its work is not lost
    out = _StdoutWriter()
    try:
        result = program.run(_policy(ns, ns.file), _inputs(ns.arg), stdout=out, record=ns.record, replay=ns.replay)
    finally:
        out.flush()
    if ns.journal:
        import json
        with open(ns.journal, "w", encoding="utf-8") as f:
            for entry in result.journal:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return result


def cmd_watch(ns) -> int:
    from .watch import watch
    return watch(ns, run_once)


def _check_writable(flag: str, path: str):
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UsageError(f"{flag} {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise UsageError(f"{flag} {path}: not writable")


class _StdoutWriter:
    """The spell's output: text (with surrogate-escaped bytes) written as bytes."""

    def __init__(self):
        self.buf = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
        self.parts = []
        self.size = 0

    def write(self, s: str):
        self.parts.append(s)
        self.size += len(s)
        if self.size > 1 << 16:
            self.flush()

    def flush(self):
        text = "".join(self.parts)
        self.parts = []
        self.size = 0
        if self.buf is not None:
            self.buf.write(text.encode("utf-8", "surrogateescape"))
            self.buf.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()


def cmd_serve(ns) -> int:
    from .serve import serve
    return serve(ns, _policy)


def cmd_repl(ns) -> int:
    from .repl import repl
    return repl(ns, _policy)


def cmd_disasm(ns) -> int:
    from . import api
    lang = api.lang_for(ns.file, ns.lang)
    program = api.compile(_read(ns.file), lang, ns.file)
    sys.stdout.write(program.compiled.python_source if ns.python else program.disasm())
    return 0


def cmd_check(ns) -> int:
    """Exit 0 when no spell has a finding, 1 when one has (2: usage, from main)."""
    from . import api
    reports = []
    for path in ns.files:
        policy = _policy(ns, path)          # a bad policy file is a usage error here too
        lang = api.lang_for(path, ns.lang)
        reports.append(api.check(_read(path), lang, path, policy))
    problems = sum(len(r.findings) for r in reports)
    if ns.format == "json":
        import json
        doc = {"version": 1, "files": [r.to_json() for r in reports],
               "summary": {"files": len(reports), "findings": problems,
                           "failed": sum(1 for r in reports if r.findings)}}
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return 1 if problems else 0
    for r in reports:
        for err in r.findings:
            print(err.render() + "\n", file=sys.stderr)
        if ns.explain:
            print(_explain(r), file=sys.stderr)
    n = len(reports)
    print(f"{n} file{'s' if n != 1 else ''} checked, {problems} problem{'s' if problems != 1 else ''}",
          file=sys.stderr)
    return 1 if problems else 0


def _explain(report) -> str:
    """What ``--explain`` prints for one spell: each capability it needs, whether
    the policy grants it, and how to grant it."""
    if not report.capabilities:
        return f"{report.file}: needs no capabilities beyond the defaults"
    lines = [f"{report.file} needs:"]
    for c in report.capabilities:
        state = "granted" if c["granted"] else f"DENIED — grant with {c['flag']} or {c['toml']}"
        lines.append(f"  {c['capability']:<40} line {c['line']:<5} {state}")
    return "\n".join(lines)


def cmd_api(ns) -> int:
    from .bridges import reference
    sys.stdout.write(reference())
    return 0


def main(argv=None) -> int:
    parser = build_parser()
    ns = parser.parse_args(argv)
    if ns.command is None:
        parser.print_help(sys.stderr)
        return 2
    handler = {"run": cmd_run, "watch": cmd_watch, "disasm": cmd_disasm, "check": cmd_check,
               "api": cmd_api, "serve": cmd_serve, "repl": cmd_repl}[ns.command]
    try:
        return handler(ns)
    except UsageError as e:
        print(f"llmspell: {e.render()}", file=sys.stderr)
        return 2
    except LlmspellError as e:
        print(e.render(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("llmspell: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except OSError as e:
        print(f"llmspell: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return 1
    except Exception as e:          # a bug: say so in one line (LLMSPELL_DEBUG=1 shows the traceback)
        if os.environ.get("LLMSPELL_DEBUG"):
            raise
        print(f"llmspell: internal error: {type(e).__name__}: {e} — this is a bug, please report it "
              "(set LLMSPELL_DEBUG=1 for details)", file=sys.stderr)
        return 1
