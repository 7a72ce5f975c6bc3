"""``llmspell serve DIR``: the spells of a folder as an HTTP service (Starlette
on uvicorn), with each saved edit swapped in while it serves.

Routes — JSON in and out, errors always ``{"ok": false, "error": {kind, message, ...}}``:

* ``POST /spells/NAME`` runs a spell.  The body is a JSON object, the spell's
  inputs (what ``--arg K=V`` gives: Lua receives it as ``...``, JavaScript and
  Tengo as the global ``args``); an empty body is ``{}``.  The answer has the
  printed output, the main chunk's return values, the counts, and a journal id.
  A script error or a limit is 422, an unknown spell 404, a bad body 400, a
  bug in llmspell 500 — a request never takes the server down.
* ``GET /spells`` lists the spells with their ``check`` status, and
  ``GET /spells/NAME`` shows one, with the rejected edit if its latest was.
* ``GET /runs/ID`` is the journal (every bridge call) of one of the last
  :data:`KEPT_RUNS` runs (a failed one's too, up to its error): older ones
  are forgotten, so the memory of a server that runs for weeks stays bounded.

Names.  A spell is a ``.lua``/``.js``/``.mjs``/``.tengo`` file directly in DIR
(subfolders hold modules; they are not served).  NAME is its file name without
the extension, or the whole file name — the only way to reach ``hello.lua``
when ``hello.js`` sits beside it: a bare ``hello`` is then answered 409 rather
than resolved by a precedence rule nobody remembers.  A name is looked up
among the files listed, never joined onto a path, so nothing outside DIR can
be named.

Versions.  A thread watches DIR (watchfiles).  A changed file is checked
(:func:`llmspell.api.check`, under the policy it would run with); only a clean
one is compiled and swapped in, in one assignment.  One with findings, a
syntax error included, is rejected: the version before it keeps serving and
GET shows why.  A run holds the :class:`Version` it started with, so an edit
never changes a run in flight, and a deleted spell's runs still finish.  A
changed policy file is re-read for new requests and every spell is checked
against it again: a tightened policy takes effect at once, even for a spell
whose code is then rejected.  A spell's modules are part of its version: a
clean spell is linked (``Program.link``), its modules compiled and pinned with
it, so a changed module (a file in a spell language, in DIR, a subfolder or a
``[modules]`` path) has the spells that pinned it checked again and swapped
in together — or refused together, the old modules serving on.  (A module a
Lua spell ``require``s by a computed name cannot be pinned: it is read when a
run loads it.)

Runs.  Each run has a thread of its own, at most ``--workers`` at a time.  The
VM is pure Python, so compute does not run in parallel, but the waits for
models do: concurrent LLM spells overlap them.
"""
from __future__ import annotations

import asyncio
import collections
import datetime
import errno
import hashlib
import json
import math
import os
import socket
import sys
import threading
import time
import uuid

import attrs

from . import api
from .errors import InternalError, LlmspellError, UsageError

#: how many runs' journals ``GET /runs/ID`` can still show
KEPT_RUNS = 1000
#: seconds Ctrl-C waits for runs in flight before the server stops anyway
GRACE_S = 10
#: C stack of a run's thread: a spell allowed little depth runs on the thread
#: that calls it (vm/execute.py), which assumes a main thread's 8 MiB, more
#: than some platforms give a new thread
RUN_STACK = 16 * 1024 * 1024


def serve(ns, policy_for) -> int:
    """Serve *ns.dir* until Ctrl-C (then return 0).  *policy_for(ns, path)* is
    the CLI's policy of a run of the spell at *path* (policy file and flags)."""
    import uvicorn

    from .watch import DEBOUNCE_MS, POLL_MS

    if not os.path.isdir(ns.dir):
        raise UsageError(f"no such folder: {ns.dir}" if not os.path.exists(ns.dir) else f"{ns.dir} is not a folder")
    sock = _listen(ns.host, ns.port)
    stop = threading.Event()
    try:
        spells = Spells(ns, policy_for)
        spells.rescan(startup=True)
        threading.stack_size(RUN_STACK)
        threading.Thread(target=_watch, args=(spells, stop, DEBOUNCE_MS, POLL_MS), name="llmspell-serve-watch",
                         daemon=True).start()
        host, port = sock.getsockname()[:2]
        n = len(spells.by_file)
        _say(f"{n} spell{'s' if n != 1 else ''} from {ns.dir} on "
             f"http://{f'[{host}]' if ':' in host else host}:{port}")
        config = uvicorn.Config(app(spells, ns.workers), log_config=None, log_level="warning", access_log=False,
                                lifespan="off", timeout_graceful_shutdown=GRACE_S)
        _server_class()(config).run(sockets=[sock])
    except KeyboardInterrupt:           # before uvicorn took Ctrl-C over, or re-raised by it once it has stopped
        pass
    finally:
        stop.set()
        sock.close()
    return 0


def _server_class():
    import uvicorn

    class Server(uvicorn.Server):
        """uvicorn's, saying what Ctrl-C does while runs finish (its own
        message is below the log level that keeps its start-up chatter out)."""

        def handle_exit(self, sig, frame) -> None:
            if not self.should_exit:
                _say(f"stopping: runs in flight have {GRACE_S} s to finish (Ctrl-C again to stop at once)")
            super().handle_exit(sig, frame)

    return Server


def _say(line: str) -> None:
    print(f"llmspell serve: {line}", file=sys.stderr, flush=True)


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket bound before uvicorn starts, so that port 0's real
    port can be announced and a busy port is a usage error, not a log line."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0][0]
        return socket.create_server((host, port), family=family, backlog=128)
    except (OSError, OverflowError) as e:
        reason = (getattr(e, "strerror", None) or str(e)).split(" (while attempting")[0]
        busy = getattr(e, "errno", None) == errno.EADDRINUSE
        raise UsageError(f"cannot listen on {host}:{port}: {reason}",
                         hint="choose another --port (0 picks a free one)" if busy else None) from None


# -- the spells and their versions ---------------------------------------------------------

def _version(source: str, program) -> str:
    """A version names the spell's text and its pinned modules' texts: a
    module edit that passes ``check`` is a new version of every spell using it."""
    h = hashlib.sha256(source.encode("utf-8", "surrogateescape"))
    for path, module in sorted(program.pinned.items()):
        h.update(f"\0{path}\0".encode() + module.module.source.encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:12]


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")


@attrs.frozen
class Version:
    """What serves a spell's requests: a clean compile of one source, with the
    policy its runs get."""

    program: api.Program
    policy: object
    sha: str                    # sha256 prefix of the source: the version's name
    loaded_at: str
    capabilities: list          # what check says the spell needs


@attrs.frozen
class Rejection:
    """The file's latest content, refused because check found problems."""

    sha: str
    at: str
    findings: list              # as JSON (``llmspell check --format json``)
    rendered: str               # the findings as ``llmspell check`` prints them
    capabilities: list


@attrs.frozen
class Spell:
    """One spell file and its state.  Immutable: the watch thread publishes a
    new one, so a reader never sees a half-made change."""

    file: str
    lang: str
    serving: Version | None = None
    rejected: Rejection | None = None
    seen: tuple = ()            # (sha, policy) last judged: the rescan skips what it has seen

    def to_json(self, name: str) -> dict:
        v, r = self.serving, self.rejected
        return {"name": name, "file": self.file, "lang": self.lang,
                "check": "problems" if r else "ok", "findings": r.findings if r else [],
                "capabilities": r.capabilities if r else v.capabilities if v else [],
                "serving": v is not None, "version": v and v.sha, "loaded_at": v and v.loaded_at,
                "rejected": r and {"version": r.sha, "at": r.at, "rendered": r.rendered}}


class Spells:
    """The spells of the folder.  Only the watch thread (and startup, before it)
    changes them, each change a new ``by_file`` dict assigned in one step;
    request handlers read whichever dict is current."""

    def __init__(self, ns, policy_for):
        from .sandbox.policy import POLICY_FILE
        self.ns = ns
        self.policy_for = policy_for
        self.root = os.path.realpath(ns.dir)
        self.policy_paths = {os.path.realpath(ns.config) if ns.config else os.path.join(self.root, POLICY_FILE)}
        self.by_file: dict[str, Spell] = {}
        self.policy_error: str | None = None

    # -- reading -------------------------------------------------------------------------
    def find(self, name: str) -> tuple[str, Spell]:
        """The spell NAME means, with the name GET shows for it."""
        by_file = self.by_file
        matches = [name] if name in by_file else sorted(f for f in by_file if _stem(f) == name)
        if len(matches) == 1:
            return _names(by_file)[matches[0]], by_file[matches[0]]
        if matches:
            raise _HttpError(409, "ambiguous", f"{name!r} names {len(matches)} spells: {', '.join(matches)}",
                             f"ask for one by its file name: /spells/{matches[0]}")
        raise _HttpError(404, "not found", f"no spell {name!r} in {self.ns.dir}",
                         "GET /spells lists them" if by_file else None)

    def listing(self) -> dict:
        by_file = self.by_file
        names = _names(by_file)
        return {"dir": self.ns.dir, "policy_error": self.policy_error,
                "spells": [s.to_json(names[f]) for f, s in sorted(by_file.items())]}

    def describe(self, name: str) -> dict:
        shown, spell = self.find(name)
        return spell.to_json(shown)

    # -- changing ------------------------------------------------------------------------
    def rescan(self, startup: bool = False) -> None:
        """Judge every spell file (at startup, and once the watch is running,
        for edits made before it was).  At startup a bad policy file is a usage
        error, and the spells added are counted, not listed."""
        self._reload(set(self._files()) | set(self.by_file), startup=startup, unseen_only=True)

    def changed(self, paths: set[str]) -> None:
        """A batch of changed paths from the watch."""
        self._reload(self.affected(paths), policy_changed=bool(paths & self.policy_paths))

    def affected(self, paths: set[str]) -> set[str]:
        """The spell files a batch of changed *paths* (each as reported and
        resolved) calls to judge again: each spell file in DIR it names (new,
        edited or deleted); if a file in a spell language changed — a module,
        perhaps — each spell whose Program pinned it (``Program.files``), and
        each spell whose latest edit was refused (the module it lacked may have appeared); all of them when
        the policy file changed."""
        if paths & self.policy_paths:
            return set(self._files()) | set(self.by_file)
        out = {os.path.basename(p) for p in paths if os.path.dirname(p) == self.root and _is_spell(os.path.basename(p))}
        if any(os.path.splitext(p)[1].lower() in api.LANG_BY_SUFFIX for p in paths):
            for f, s in self.by_file.items():
                files = s.serving.program.files if s.serving else ()
                if s.rejected or paths & {os.path.realpath(m) for m in files}:
                    out.add(f)
        return out

    def _files(self) -> list[str]:
        try:
            return [f for f in os.listdir(self.root) if _is_spell(f) and os.path.isfile(os.path.join(self.root, f))]
        except OSError as e:
            _say(f"cannot list {self.ns.dir}: {e.strerror}")
            return []

    def _reload(self, files, startup: bool = False, policy_changed: bool = False, unseen_only: bool = False) -> None:
        """Judge *files* — *unseen_only*: those whose source or policy is not
        the one last judged (a batch judges all it names: a module they import
        may be what changed).  A bad policy file leaves each spell as it was
        (its version keeps its policy) until the file is fixed."""
        policy_error = None
        for f in sorted(files):
            try:
                self._judge(f, startup, unseen_only)
            except UsageError as e:         # the policy file's: the same for every spell
                if startup:
                    raise
                policy_error = e.render()
        if policy_error is not None:
            _say(f"policy file rejected, spells keep their previous policy: {policy_error.splitlines()[0]}")
        elif policy_changed:
            _say("policy file re-read: it applies to new requests")
        if policy_error is not None or policy_changed:
            self.policy_error = policy_error

    def _judge(self, file: str, startup: bool, unseen_only: bool) -> None:
        """Read *file* and check it; swap it in if it is clean, else record why not."""
        path = os.path.join(self.ns.dir, file)
        old = self.by_file.get(file)
        try:
            with open(path, encoding="utf-8", errors="surrogateescape") as fh:
                source = fh.read()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            if old is not None:
                self._publish(file, None)
                _say(f"{file} removed (its runs in flight finish)")
            return
        except OSError as e:
            _say(f"cannot read {file}: {e.strerror}")
            return
        policy = self.policy_for(self.ns, path)
        sha = hashlib.sha256(source.encode("utf-8", "surrogateescape")).hexdigest()[:12]
        old = old or Spell(file, api.lang_for(file))
        if unseen_only and old.seen == (sha, policy):
            return
        lang = old.lang
        capabilities = []
        try:
            report = api.check(source, lang, path, policy)
            findings, capabilities = list(report.findings), report.capabilities
            if not findings:
                program = api.compile(source, lang, path).link(policy)     # its modules pinned with it
                program.compiled                # compiled to Python now, not in the first request
        except LlmspellError as e:
            findings = [e]
        except Exception as e:                  # a bug in a stage: the file is refused, the server goes on
            findings = [InternalError.of(e)]
        if findings:
            doc = api.CheckReport(path, lang, findings, capabilities).to_json()
            rejection = Rejection(sha, _now(), doc["findings"], "\n\n".join(e.render() for e in findings),
                                  capabilities)
            serving = old.serving and attrs.evolve(old.serving, policy=policy)
            self._publish(file, attrs.evolve(old, serving=serving, rejected=rejection, seen=(sha, policy)))
            if old.rejected is None or old.rejected.rendered != rejection.rendered:     # news, not a re-judging
                n = len(findings)
                keeps = f"version {serving.sha} keeps serving" if serving else "not serving"
                _say(f"{file} rejected ({n} problem{'s' if n != 1 else ''}; {keeps}): {findings[0].headline()}")
            return
        version = Version(program, policy, _version(source, program), _now(), capabilities)
        self._publish(file, attrs.evolve(old, serving=version, rejected=None, seen=(sha, policy)))
        if old.serving is None:
            if not startup:
                _say(f"{file} added: version {version.sha}")
        elif old.serving.sha != version.sha:
            _say(f"{file} swapped in: version {version.sha} (was {old.serving.sha})")

    def _publish(self, file: str, spell: Spell | None) -> None:
        by_file = dict(self.by_file)
        if spell is None:
            by_file.pop(file, None)
        else:
            by_file[file] = spell
        self.by_file = by_file


def _stem(file: str) -> str:
    return os.path.splitext(file)[0]


def _names(by_file) -> dict[str, str]:
    """Each spell file's name as GET shows it: its stem, or its file name where
    another spell shares the stem."""
    stems = collections.Counter(_stem(f) for f in by_file)
    return {f: _stem(f) if stems[_stem(f)] == 1 else f for f in by_file}


def _is_spell(file: str) -> bool:
    """A spell's file name: a language's extension, not hidden (editors keep
    their lock and backup files there)."""
    return not file.startswith(".") and os.path.splitext(file)[1].lower() in api.LANG_BY_SUFFIX


def _watch(spells: Spells, stop: threading.Event, debounce_ms: int, poll_ms: int) -> None:
    """The watch thread: judges what each batch of changes touched.  Its first
    return (a timeout) means the watch is in place; the rescan then catches any
    edit made between startup's scan and that moment."""
    from watchfiles import watch

    module_paths = {d for s in spells.by_file.values() if s.serving for d in s.serving.policy.module_paths}
    folders = sorted({spells.root} | {os.path.dirname(p) for p in spells.policy_paths} | module_paths)
    ready = False
    try:
        for batch in watch(*folders, debounce=debounce_ms, rust_timeout=poll_ms, yield_on_timeout=True,
                           stop_event=stop, raise_interrupt=False):
            try:
                if not ready:
                    ready = True
                    spells.rescan()
                if batch:
                    spells.changed({q for _, p in batch for q in (p, os.path.realpath(p))})
            except Exception as e:      # a bug: report it and keep watching
                _say(f"internal error while reloading: {type(e).__name__}: {e} — this is a bug, please report it")
    except Exception as e:              # the folder went away, the watcher failed: serve what is loaded
        _say(f"stopped watching {spells.ns.dir}: {e}; edits are no longer picked up")


# -- HTTP ------------------------------------------------------------------------------------

class _HttpError(Exception):
    """A request answered with an error status (raised inside a handler)."""

    def __init__(self, status: int, kind: str, message: str, hint: str | None = None):
        super().__init__(message)
        self.status = status
        self.body = {"ok": False, "error": {"kind": kind, "message": message, "hint": hint}}


def _plain(v):
    """*v* as JSON can carry it: what a run returns is plain data already, but
    a float may be infinite or NaN, which JSON has no number for."""
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if v != v else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


def _json(doc, status: int = 200):
    """A JSON response.  ASCII-escaped: a Lua string may hold bytes that are not
    UTF-8 and a JavaScript one lone surrogates; as ``\\uXXXX`` escapes both are
    valid JSON text, where raw they could not even be encoded."""
    from starlette.responses import Response
    return Response(json.dumps(_plain(doc), ensure_ascii=True, allow_nan=False), status,
                    media_type="application/json")


def _error_json(e: LlmspellError) -> dict:
    s = e.span
    return {"kind": e.kind, "message": e.message, "file": s.file or None, "line": s.line or None,
            "col": s.col or None, "hint": e.hint, "rendered": e.render()}


def app(spells: Spells, workers: int):
    """The Starlette application over *spells*, running at most *workers* spells at once."""
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.routing import Route

    gate = asyncio.Semaphore(workers)       # bound to the server's loop at its first use
    journals: collections.OrderedDict = collections.OrderedDict()

    def guarded(handler):
        """No request can take the server down: an error is a JSON answer."""
        async def endpoint(request):
            try:
                return await handler(request)
            except _HttpError as e:
                return _json(e.body, e.status)
            except asyncio.CancelledError:      # Ctrl-C's grace ran out while this run went on
                return _json({"ok": False, "error": {"kind": "shutdown", "message": "the server stopped during the run",
                                                     "hint": None}}, 503)
            except Exception as e:      # a bug: a 500 that says so, never a traceback
                return _json({"ok": False, "error": {"kind": "internal error", "message": f"{type(e).__name__}: {e}",
                                                     "hint": "this is a bug in llmspell; please report it"}}, 500)
        return endpoint

    def keep(head: dict, ok: bool, journal: list) -> str:
        """Keep a run's journal for ``GET /runs/ID`` (the last KEPT_RUNS runs)."""
        journal_id = uuid.uuid4().hex
        journals[journal_id] = {"journal_id": journal_id, **head, "ok": ok, "at": _now(), "journal": journal}
        while len(journals) > KEPT_RUNS:
            journals.popitem(last=False)
        return journal_id

    async def run(request):
        shown, spell = spells.find(request.path_params["name"])
        inputs = await _inputs(request)
        version = spell.serving         # taken once: this run finishes on it, whatever is swapped in meanwhile
        if version is None:
            r = spell.rejected
            return _json({"ok": False, "spell": shown, "file": spell.file, "version": None,
                          "error": {"kind": "check", "message": f"{spell.file} has problems and no earlier version",
                                    "hint": f"GET /spells/{shown} shows them; a clean save is swapped in",
                                    "rendered": r and r.rendered, "findings": r and r.findings}}, 422)
        head = {"spell": shown, "file": spell.file, "version": version.sha}
        async with gate:
            started = time.perf_counter()
            try:
                result = await _in_thread(lambda: version.program.run(version.policy, args=(inputs,)))
            except LlmspellError as e:
                ms = (time.perf_counter() - started) * 1000
                status = 500 if isinstance(e, InternalError) else 422
                journal_id = keep(head, False, getattr(e, "journal", []))
                return _json({"ok": False, **head, "error": _error_json(e), "output": getattr(e, "output", ""),
                              "journal_id": journal_id, "ms": round(ms, 3)}, status)
        ms = (time.perf_counter() - started) * 1000
        journal_id = keep(head, True, result.journal)
        return _json({"ok": True, **head, "output": result.output, "values": result.values, "journal_id": journal_id,
                      "instructions": result.instructions, "alloc_bytes": result.alloc_bytes,
                      "alloc_objects": result.alloc_objects, "tokens": result.tokens, "cost": result.cost,
                      "ms": round(ms, 3)})

    async def list_spells(request):
        return _json(spells.listing())

    async def show_spell(request):
        return _json(spells.describe(request.path_params["name"]))

    async def show_run(request):
        entry = journals.get(request.path_params["id"])
        if entry is None:
            raise _HttpError(404, "not found", f"no run {request.path_params['id']!r}",
                             f"only the last {KEPT_RUNS} runs are kept")
        return _json(entry)

    async def http_error(request, exc):
        kind = {404: "not found", 405: "method not allowed"}.get(exc.status_code, "bad request")
        message = f"{request.method} {request.url.path}: {exc.detail}"
        hint = "the routes are GET /spells, GET|POST /spells/NAME, GET /runs/ID"
        return _json({"ok": False, "error": {"kind": kind, "message": message, "hint": hint}}, exc.status_code)

    return Starlette(routes=[Route("/spells", guarded(list_spells), methods=["GET"]),
                             Route("/spells/{name}", guarded(show_spell), methods=["GET"]),
                             Route("/spells/{name}", guarded(run), methods=["POST"]),
                             Route("/runs/{id}", guarded(show_run), methods=["GET"])],
                     exception_handlers={HTTPException: http_error})


async def _inputs(request) -> dict:
    body = await request.body()
    if not body.strip():
        return {}
    try:
        inputs = json.loads(body)
    except (ValueError, RecursionError) as e:
        raise _HttpError(400, "bad request", f"the body is not JSON: {e}",
                         'send the inputs as a JSON object: {"name": "Ann"}') from None
    if not isinstance(inputs, dict):
        kind = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(type(inputs), "a number")
        raise _HttpError(400, "bad request", f"the body is {kind}, not a JSON object",
                         'send the inputs as a JSON object: {"name": "Ann"}')
    return inputs


async def _in_thread(work):
    """*work()* on a new daemon thread, awaited.  Not a thread pool: its threads
    are joined at exit, so one spell looping without ``--timeout`` would keep
    Ctrl-C from ever ending the server."""
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    def settle(outcome):
        if not done.done():
            if isinstance(outcome, BaseException):
                done.set_exception(outcome)
            else:
                done.set_result(outcome)

    def body():
        try:
            outcome = work()
        except BaseException as e:      # handed to the request, which answers it
            outcome = e
        try:
            loop.call_soon_threadsafe(settle, outcome)
        except RuntimeError:            # the server stopped while this run went on
            pass

    threading.Thread(target=body, name="llmspell-serve-run", daemon=True).start()
    return await done
