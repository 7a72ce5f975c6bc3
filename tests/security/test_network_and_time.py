"""Hostile spells, part 2 (issue #7): the network policy against real redirects,
and the wall-clock limit (``--timeout``) against spells that would never end.

Redirects: two HTTP servers on 127.0.0.1 (ports chosen by the OS); only A is
granted.  ``tools.http_get``/``tools.http_request`` check the host of every hop
(bridges/builtin_tools.py ``fetch``), so a redirect from A to B must end in
the denial naming ``net:127.0.0.1:B`` and ``--allow-net=127.0.0.1:B`` — and B
must never see a request.  Host names are checked as written (documented in
builtin_tools): ``localhost`` and ``127.0.0.1`` are different hosts.

Timeouts: each spell runs with ``Limits(timeout=TIMEOUT)`` (``MODEL_TIMEOUT``
when it waits on the model server) and no instruction limit; it must end with
the timeout LimitExceeded at the spell's own line, leaving no thread working
for it; a spell waiting on a server must end while the server is still
answering (the servers count the requests they hold: a count, not a clock).

It found six bugs, all fixed: a timeout swallowed by ``finally { continue }``
(limits are now sticky), no position for a limit crossed while a branch waits
(reported where the wait started), retry back-offs and HTTP requests that
outlived the deadline, and a ``user:password@`` URL whose connection went to
another host than the one checked.
"""
from __future__ import annotations

import http.server
import os
import sys
import threading
import time
import urllib.parse
from typing import NamedTuple

import pytest
from llmspell.bridges.builtin_tools import MAX_REDIRECTS, REDIRECTS
from llmspell.sandbox.policy import DEFAULT_GRANTS, Limits, Policy

import llmspell

from .test_hostile_spells import EXT, PYTHON_MARKS, TRIVIAL, assert_unharmed, host_state

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from llm_server import LLMServer

LANGS = tuple(EXT)


# -- the servers --------------------------------------------------------------------------------

class Web:
    """An HTTP server on 127.0.0.1 that logs ``(method, path)`` of every request.

    Routes: ``/to?status=S&location=L`` answers S with ``Location: L``;
    ``/chain?n=N`` redirects to ``/chain?n=N-1`` (cycling through every redirect
    status, the Location alternately relative and absolute) and answers 200 at 0;
    ``/loop`` redirects to itself; ``/slow?seconds=X`` answers after X seconds;
    anything else answers 200 ``landed METHOD PATH``."""

    def __init__(self):
        self.log: list = []
        self.slow_in_flight = 0                 # /slow requests not answered yet
        web = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status, body="", location=None):
                data = body.encode()
                self.send_response(status)
                if location is not None:
                    self.send_header("Location", location)
                self.send_header("Content-Length", str(len(data)))
                try:
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass                # the spell timed out and hung up: that is the point

            def answer(self):
                web.log.append((self.command, self.path))
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                if url.path == "/to":
                    self.reply(int(query["status"]), location=query["location"])
                elif url.path == "/chain" and query["n"] != "0":
                    n = int(query["n"])
                    hop = f"/chain?n={n - 1}" if n % 2 else f"{web.url}/chain?n={n - 1}"
                    self.reply(REDIRECTS[n % len(REDIRECTS)], location=hop)
                elif url.path == "/chain":
                    self.reply(200, "end of chain")
                elif url.path == "/loop":
                    self.reply(302, location="/loop")
                elif url.path == "/slow":
                    web.slow_in_flight += 1
                    try:
                        time.sleep(float(query["seconds"]))
                        self.reply(200, "slow")
                    finally:
                        web.slow_in_flight -= 1
                else:
                    self.reply(200, f"landed {self.command} {self.path}")

            do_GET = do_POST = do_PUT = do_DELETE = answer

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True        # a /slow answer must not hold up stop()
        self.port = self.httpd.server_address[1]
        self.hostport = f"127.0.0.1:{self.port}"
        self.url = f"http://{self.hostport}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        self.thread.start()

    def to(self, status: int, location: str) -> str:
        """The URL of a redirect to *location*."""
        return f"{self.url}/to?" + urllib.parse.urlencode({"status": status, "location": location})

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.fixture(scope="module")
def web_pair():
    a, b = Web(), Web()
    yield a, b
    a.stop()
    b.stop()


@pytest.fixture
def web(web_pair):
    """Servers A (to be granted) and B (never granted), logs emptied."""
    for server in web_pair:
        server.log.clear()
    return web_pair


@pytest.fixture(scope="module")
def llm():
    """The scripted model server, with litellm imported and its first request
    made (~3 s of lazy set-up that must not count against a spell's timeout)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NO_PROXY", "127.0.0.1")          # httpx must reach the server directly
        server = LLMServer().start()
        llmspell.run(f'llm.complete{{model = "openai/test-model", api_base = "{server.url}", prompt = "warm up"}}')
        yield server
        server.stop()


# -- fetching from a spell --------------------------------------------------------------------

#: a spell in each language making one request on line 2 (GET through http_get,
#: other methods through http_request) and printing "STATUS BODY"; Tengo, which
#: has no exceptions, prints a failure's error value after "!"
SPELLS = {
    "lua": ("local a = ...\nlocal r = {call}\nprint(r.status .. ' ' .. r.body)",
            "tools.http_get(a.url)", "tools.http_request{url = a.url, method = a.method, body = 'payload'}"),
    "javascript": ("const a = args;\nconst r = {call};\nconsole.log(r.status + ' ' + r.body);",
                   "tools.http_get(a.url)", "tools.http_request({url: a.url, method: a.method, body: 'payload'})"),
    "tengo": (('fmt := import("fmt")\nr := {call}\n'
              'if is_error(r) { fmt.println("!", r.value) } else { fmt.println(r.status, " ", r.body) }'),
              "tools.http_get(args.url)",
              'tools.http_request({url: args.url, method: args.method, body: "payload"})'),
}


class Outcome(NamedTuple):
    ok: bool
    text: str        # "STATUS BODY" when the request succeeded, else the error's message
    span: object     # where a Lua/JavaScript error was raised (None otherwise)


def fetch(lang: str, url: str, *grants: str, method: str = "GET") -> Outcome:
    template, get, other = SPELLS[lang]
    src = template.replace("{call}", get if method == "GET" else other)
    policy = Policy(grants=DEFAULT_GRANTS + grants)
    try:
        out = llmspell.run(src, lang=lang, name=f"fetch.{EXT[lang]}", args=({"url": url, "method": method},),
                           policy=policy).output.strip()
    except llmspell.ScriptError as e:
        outcome = Outcome(False, e.message, e.span)
    else:
        outcome = Outcome(not out.startswith("!"), out.removeprefix("!"), None)
    assert not any(mark in outcome.text for mark in PYTHON_MARKS), outcome.text
    return outcome


def assert_denied(outcome: Outcome, lang: str, hostport: str):
    """The one denial wording, naming the capability and its flag, at the call's line."""
    assert not outcome.ok, outcome
    assert f"permission denied: needs net:{hostport} (grant it with --allow-net={hostport}," in outcome.text
    if lang != "tengo":                              # a Tengo failure is a value, with no position
        assert (outcome.span.file, outcome.span.line) == (f"fetch.{EXT[lang]}", 2), outcome.span


def grant(server: Web) -> str:
    return f"net:{server.hostport}"


# -- redirects ----------------------------------------------------------------------------------

@pytest.mark.parametrize("status", REDIRECTS)
@pytest.mark.parametrize("lang", LANGS)
def test_redirect_to_an_ungranted_server_is_refused_before_it_is_requested(web, lang, status):
    a, b = web
    # absolute Location with GET, scheme-relative Location with a method that has a body
    for location, method in ((f"{b.url}/landing", "GET"), (f"//{b.hostport}/landing", "POST")):
        assert_denied(fetch(lang, a.to(status, location), grant(a), method=method), lang, b.hostport)
    assert len(a.log) == 2 and b.log == []


@pytest.mark.parametrize("lang", LANGS)
def test_redirect_chain_within_the_granted_server_is_followed(web, lang):
    a, b = web
    n = MAX_REDIRECTS - 1
    assert fetch(lang, f"{a.url}/chain?n={n}", grant(a)) == (True, "200 end of chain", None)
    assert a.log == [("GET", f"/chain?n={i}") for i in range(n, -1, -1)]
    # 307/308 keep the method (and body): a PUT lands as a PUT
    outcome = fetch(lang, a.to(308, "/put-here"), grant(a), method="PUT")
    assert outcome == (True, "200 landed PUT /put-here", None) and b.log == []


@pytest.mark.parametrize("lang", LANGS)
def test_redirect_loop_ends_in_a_clean_error(web, lang):
    a, _ = web
    outcome = fetch(lang, f"{a.url}/loop", grant(a))
    assert not outcome.ok and f"too many redirects (more than {MAX_REDIRECTS})" in outcome.text
    if lang != "tengo":
        assert (outcome.span.file, outcome.span.line) == (f"fetch.{EXT[lang]}", 2)
    assert a.log == [("GET", "/loop")] * (MAX_REDIRECTS + 1)


@pytest.mark.parametrize("lang", LANGS)
def test_redirect_to_another_scheme_is_refused(web, lang):
    a, _ = web
    outcome = fetch(lang, a.to(302, "file:///etc/passwd"), grant(a))
    assert not outcome.ok and "only http and https URLs are supported, got 'file:///etc/passwd'" in outcome.text


@pytest.mark.parametrize("lang", LANGS)
def test_localhost_and_127_0_0_1_are_different_hosts(web, lang):
    """Documented: host names are checked as written, never resolved first."""
    a, _ = web
    local = f"localhost:{a.port}"
    assert_denied(fetch(lang, f"http://{local}/landing", grant(a)), lang, local)
    assert_denied(fetch(lang, a.to(301, f"http://{local}/landing"), grant(a)), lang, local)
    assert_denied(fetch(lang, f"{a.url}/landing", f"net:{local}"), lang, a.hostport)
    assert a.log == [("GET", a.to(301, f"http://{local}/landing").removeprefix(a.url))]
    # granted as written, localhost works
    assert fetch(lang, f"http://{local}/landing", f"net:{local}") == (True, "200 landed GET /landing", None)


@pytest.mark.parametrize("lang", LANGS)
def test_userinfo_is_not_the_host(web, lang):
    a, b = web
    sneaky = f"http://{a.hostport}@{b.hostport}/landing"     # looks like A, is B
    assert_denied(fetch(lang, sneaky, grant(a)), lang, b.hostport)
    assert_denied(fetch(lang, a.to(307, sneaky), grant(a)), lang, b.hostport)
    # the other way round it is A's URL: whatever happens, nothing reaches B
    fetch(lang, f"http://{b.hostport}@{a.hostport}/landing", grant(a))
    assert b.log == []


def test_userinfo_url_reaches_its_granted_host(web):
    a, _ = web
    outcome = fetch("lua", f"http://user:secret@{a.hostport}/landing", grant(a))
    assert outcome == (True, "200 landed GET /landing", None)


# -- timeouts -----------------------------------------------------------------------------------

TIMEOUT = 0.25
#: the timeout of a spell that waits on the model server: long enough that its
#: request surely reaches the server first, even on a loaded machine (litellm
#: takes its time to send one), so the limit cuts the wait itself short
MODEL_TIMEOUT = 1.0
#: how many timeouts the model server takes to answer: far beyond any run
SLOW_MODEL = 20
#: how long an abandoned wait may take to end after the run
GRACE = 2.0

MODEL = 'model = "openai/test-model", api_base = "$LLM", prompt = "p"'
JS_MODEL = '{model: "openai/test-model", api_base: "$LLM", prompt: "p"}'


class Case(NamedTuple):
    lang: str
    name: str
    src: str                  # $LLM: the model server's URL; $WEB: the HTTP server A's
    line: int | None = None   # where the timeout must be reported; None: the last line
    network: bool = False     # waits on a server (whose sockets and threads come and go on their own)
    backstop: int | None = None   # an instruction limit, should the timeout ever fail to end the run


CASES = [
    # -- loops, and handlers that cannot swallow the limit
    Case("lua", "while-true", "local n = 0\nwhile true do n = n + 1 end"),
    Case("lua", "pcall-cannot-swallow", "while true do pcall(function() while true do end end) end"),
    Case("javascript", "for-ever", "let n = 0;\nfor (;;) { n++; }"),
    Case("javascript", "finally-continue-cannot-swallow", "for (;;) { try { for (;;) {} } finally { continue; } }",
         backstop=20_000_000),
    Case("tengo", "for-ever", "n := 0\nfor { n++ }"),
    # -- catastrophic backtracking in the matchers
    Case("lua", "pattern-find", 'local s = string.rep("a", 3000)\nlocal x = s:find(".-.-.-.-.-b")'),
    Case("lua", "pattern-gmatch", 'for w in string.rep("a", 3000):gmatch("a*a*a*a*b") do end'),
    Case("javascript", "regexp-nested-plus", "/(a+)+$/.test('a'.repeat(40) + '!');"),
    Case("javascript", "regexp-backreference", "/^(a*)*\\1b$/.test('a'.repeat(40));"),
    Case("tengo", "re_match-nested-plus", 'text := import("text")\nx := text.re_match("(a+)+$", "' + "a" * 40 + '!")'),
    # -- coroutines, generators, promises
    Case("lua", "coroutine-yield-loop",
         "local co = coroutine.wrap(function() while true do coroutine.yield(1) end end) while true do co() end"),
    Case("javascript", "generator-endless", "function* g() { let i = 0; for (;;) yield i++; } for (const x of g()) {}"),
    Case("javascript", "await-loop", "(async () => { for (;;) await null; })();"),
    Case("javascript", "microtask-loop", "function loop() { Promise.resolve().then(loop); }\nloop();", line=1),
    # -- waiting on a model slower than the timeout
    Case("lua", "llm-latency", f"local r = llm.complete{{{MODEL}}}", network=True),
    Case("tengo", "llm-latency", f"r := llm.complete({JS_MODEL.replace(' =', ':')})", network=True),
    Case("javascript", "llm-latency", f"const r = await llm.complete({JS_MODEL});", network=True),
    # -- workflows with parallel slow steps
    Case("lua", "parallel-looping-steps", 'local wf = workflow.create{type = "parallel"}\n'
         'for i = 1, 3 do wf:addStep{name = "s" .. i, fn = function() while true do end end} end\n'
         "local r = wf:run()", line=2),
    Case("lua", "parallel-llm-steps", 'local wf = workflow.create{type = "parallel"}\n'
         f'for i = 1, 3 do wf:addStep{{name = "s" .. i, llm = {{{MODEL}}}}} end\n'
         "local r = wf:run()", network=True),
    Case("lua", "step-retry-backoff", 'local wf = workflow.create{type = "sequential"}\n'
         f'wf:addStep{{name = "s", fn = function() error("flaky") end, retry = {{attempts = 2, backoff = {3 * TIMEOUT}}}}}\n'
         "local r = wf:run()"),
    # -- waiting on an HTTP server slower than the timeout
    Case("lua", "http-slow-server", f'local r = tools.http_get("$WEB/slow?seconds={3 * TIMEOUT}")', network=True),
]


def _busy(thread: threading.Thread) -> bool:
    """Whether *thread* is still doing something for a spell.  Not counted: the
    test servers' threads (inside socketserver) and idle workers of the wait
    pool (a worker runs a job inside concurrent.futures' ``_WorkItem.run``)."""
    frame = sys._current_frames().get(thread.ident)
    stack = []
    while frame is not None:
        stack.append((os.path.basename(frame.f_code.co_filename), frame.f_code.co_name))
        frame = frame.f_back
    if any(file == "socketserver.py" for file, _ in stack):
        return False
    if thread.name.startswith("llmspell-wait"):
        return ("thread.py", "run") in stack
    return True


def leaked_threads(before: set) -> list:
    """Threads still working for the spell GRACE seconds after it ended: new
    threads, and wait-pool workers (which outlive runs by design) still busy."""
    deadline = time.monotonic() + GRACE
    while True:
        leaked = [t.name for t in threading.enumerate()
                  if t is not threading.current_thread() and (t.ident not in before or t.name.startswith("llmspell"))
                  and _busy(t)]
        if not leaked or time.monotonic() > deadline:
            return leaked
        time.sleep(0.05)


@pytest.mark.parametrize("case", [pytest.param(c, id=f"{c.lang}-{c.name}") for c in CASES])
def test_timeout_ends_the_spell_cleanly(case, request, web):
    server = request.getfixturevalue("llm") if "$LLM" in case.src else None
    timeout = MODEL_TIMEOUT if server is not None else TIMEOUT
    if server is not None:
        server.reset()
        server.latency = SLOW_MODEL * timeout
    src = case.src.replace("$LLM", server.url if server else "").replace("$WEB", web[0].url)
    name = f"{case.name}.{EXT[case.lang]}"
    policy = Policy(grants=DEFAULT_GRANTS + (grant(web[0]),), limits=Limits(timeout=timeout, max_instructions=case.backstop))
    before_threads = {t.ident for t in threading.enumerate()}
    before = host_state()
    with pytest.raises(llmspell.LimitExceeded) as info:
        llmspell.run(src, lang=case.lang, name=name, policy=policy)
    e = info.value
    assert (e.limit, e.count, e.hint) == ("timeout", f"{timeout}s", "raise it with --timeout")
    # the limit cut the wait short: when the run ended, the server was still answering
    if server is not None:
        assert server.requests, "no request reached the model server"
        assert server.in_flight >= 1, "the run waited for the model's answer instead of ending at the timeout"
    if "$WEB/slow" in case.src and any(path.startswith("/slow") for _, path in web[0].log):
        assert web[0].slow_in_flight >= 1, "the run waited for the HTTP answer instead of ending at the timeout"
    assert (e.span.file, e.span.line) == (name, case.line or src.count("\n") + 1), f"position {e.span}"
    # the host is unharmed: nothing keeps working for the spell, a trivial spell runs
    assert leaked_threads(before_threads) == []
    assert llmspell.run(TRIVIAL[case.lang], lang=case.lang, name=f"after.{EXT[case.lang]}").output == "ok\n"
    if not case.network:                # servers open and close their sockets and threads on their own
        assert_unharmed(before)
    else:
        assert sys.getrecursionlimit() == before[0]
