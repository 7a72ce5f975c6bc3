"""``llmspell serve DIR`` as a client meets it: a real server process on
127.0.0.1, real HTTP, spells edited under it while requests run.

Expected results come from running the same spell through :mod:`llmspell.api`
in this process under the policy the CLI builds from the same flags: the
served path must equal the API path, counts included.  LLM spells talk to the
scripted model server of tests/llm_server.py.
"""
import http.client
import json
import os
import pathlib
import queue
import re
import signal
import subprocess
import sys
import threading
import time

import httpx
import pytest
from llm_server import LLMServer, count_words, echo

from llmspell import api, cli
from llmspell.errors import LlmspellError

TIMEOUT = 30            # seconds: a bound for a stuck server, not a speed test
FLAGS = ("--max-instructions", "200000")

SPELLS = {
    "hello.lua": 'local a = ...\nprint("hello, " .. a.name)\nlocal t = {}\n'
                 'for i = 1, a.n do t[#t + 1] = i * i end\nreturn #a.name, t, a.n / 2\n',
    "hello.js": 'const xs = [];\nfor (let i = 0; i < args.n; i++) xs.push(args.name.toUpperCase() + i);\n'
                'console.log(xs.join(","), JSON.stringify(args));\n',
    "count.tengo": 'fmt := import("fmt")\ntext := import("text")\n'
                   'fmt.println(text.repeat(args.name, args.n), len(args.name))\n',
    "bad.lua": "print(foo(1))\n",
    "busy.lua": "local n = 0\nfor i = 1, 1e7 do n = n + i end\nprint(n)\n",
    "readfile.lua": "print(tools.file_read((...).path))\n",
    "ask.lua": 'local a = ...\nlocal r = llm.complete{model = "openai/test-model", api_base = a.base, prompt = a.q}\n'
               'print(r.content)\n',
}

# litellm offline and straight to 127.0.0.1 (as tests/bridges/conftest.py sets up its own process)
LLM_ENV = {"LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_OFFLINE_MODE": "true", "LITELLM_MODE": "PRODUCTION",
           "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}


class Server:
    """``llmspell serve`` in a subprocess; its stderr lines arrive on a queue."""

    def __init__(self, folder, *flags, cwd):
        self.folder = str(folder)
        self.p = subprocess.Popen([sys.executable, "-m", "llmspell", "serve", self.folder, "--port", "0", *flags],
                                  cwd=cwd, env={**os.environ, **LLM_ENV}, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        first = self.line(lambda s: " on http://" in s)
        m = re.fullmatch(r"llmspell serve: (\d+) spells? from (.*) on (http://127\.0\.0\.1:(\d+))", first)
        assert m, first
        self.count, self.url = int(m[1]), m[3]
        self.http = httpx.Client(base_url=self.url, trust_env=False, timeout=TIMEOUT)

    def _pump(self):
        for line in self.p.stderr:
            self.lines.put(line.rstrip("\n"))

    def line(self, wanted) -> str:
        """The next stderr line *wanted* accepts (the ones before it are kept in ``seen``)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                self.p.kill()
                pytest.fail(f"no such line within {TIMEOUT} s; stderr so far: {self.seen}")
            self.seen.append(line)
            if wanted(line):
                return line

    def stop(self) -> str:
        """Ctrl-C: the server ends with status 0; its remaining stderr."""
        self.http.close()
        self.p.send_signal(signal.SIGINT)
        try:
            _, rest = self.p.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.p.kill()
            raise
        assert self.p.returncode == 0, rest
        return "\n".join(self.seen) + rest


@pytest.fixture(scope="module")
def llm():
    server = LLMServer().start()
    yield server
    server.stop()
    assert not server.errors, server.errors


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    top = tmp_path_factory.mktemp("serve")
    folder = top / "spells"
    folder.mkdir()
    for name, text in SPELLS.items():
        (folder / name).write_text(text)
    (top / "secret.lua").write_text('print("outside the folder")\n')
    (top / "data.txt").write_text("some data")
    server = Server(folder, *FLAGS, cwd=top)
    yield server
    stderr = server.stop()
    assert "Traceback" not in stderr, stderr


def expected(srv, file, inputs):
    """The same spell, run through the API under the policy the CLI gives it."""
    path = os.path.join(srv.folder, file)
    ns = cli.build_parser().parse_args(["serve", srv.folder, *FLAGS])
    source = pathlib.Path(path).read_text()
    return api.run(source, api.lang_for(file), name=path, policy=cli._policy(ns, path), args=(inputs,))


def expected_error(srv, file, inputs) -> LlmspellError:
    with pytest.raises(LlmspellError) as info:
        expected(srv, file, inputs)
    return info.value


def said(prompt: str) -> str:
    """What the model server answers *prompt* by default (its echo rule)."""
    return echo({"messages": [{"role": "user", "content": prompt}]})


def until(probe, what: str):
    """Poll *probe()* until it returns something true (edits reach the server through its watch)."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        got = probe()
        if got:
            return got
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def version(srv, name):
    r = srv.http.get(f"/spells/{name}")
    return r.json().get("version") if r.status_code == 200 else None


@pytest.mark.parametrize("name, file, inputs", [
    ("hello.lua", "hello.lua", {"name": "Ann", "n": 4}),
    ("hello.js", "hello.js", {"name": "Bo", "n": 3, "nested": {"xs": [1, 2.5, None, True]}}),
    ("count", "count.tengo", {"name": "ab", "n": 3}),
])
def test_a_run_over_http_equals_the_api_run(srv, name, file, inputs):
    r = srv.http.post(f"/spells/{name}", json=inputs)
    assert r.status_code == 200, r.text
    doc = r.json()
    want = expected(srv, file, inputs)
    assert doc["ok"] is True and doc["file"] == file and doc["version"] == version(srv, name)
    assert doc["output"] == want.output and doc["values"] == want.values
    for count in ("instructions", "alloc_bytes", "alloc_objects", "tokens", "cost"):
        assert doc[count] == getattr(want, count), count
    assert doc["ms"] > 0
    journal = srv.http.get(f"/runs/{doc['journal_id']}")
    assert journal.status_code == 200 and journal.json()["journal"] == want.journal == []


def test_an_empty_body_is_no_inputs(srv):
    doc = srv.http.post("/spells/hello.js").json()
    assert doc["ok"] is True and doc["output"] == expected(srv, "hello.js", {}).output


def test_the_listing_shows_each_spell_with_its_check_status(srv):
    doc = srv.http.get("/spells").json()
    spells = {s["file"]: s for s in doc["spells"]}
    assert set(SPELLS) <= set(spells) and srv.count == len(SPELLS)
    # a stem two spells share is shown (and reached) by file name; others by stem
    assert spells["hello.lua"]["name"] == "hello.lua" and spells["count.tengo"]["name"] == "count"
    assert {s["lang"] for s in spells.values()} == {"lua", "javascript", "tengo"}
    clean = spells["readfile.lua"]
    assert clean["check"] == "ok" and clean["serving"] and re.fullmatch(r"[0-9a-f]{12}", clean["version"])
    path = os.path.join(srv.folder, "readfile.lua")
    assert clean["capabilities"] == api.check(SPELLS["readfile.lua"], "lua", path).capabilities != []
    bad = spells["bad.lua"]
    want = api.check(SPELLS["bad.lua"], "lua", os.path.join(srv.folder, "bad.lua")).to_json()["findings"]
    assert bad["check"] == "problems" and bad["findings"] == want and want[0]["code"] == "unknown-global"
    assert not bad["serving"] and "unknown global 'foo'" in bad["rejected"]["rendered"]
    assert srv.http.get("/spells/bad").json() == bad
    # a spell that never passed check has no version to serve
    r = srv.http.post("/spells/bad", json={})
    assert r.status_code == 422 and r.json()["error"]["kind"] == "check"
    assert r.json()["error"]["findings"] == want


def test_unknown_ambiguous_and_malformed_requests(srv):
    r = srv.http.post("/spells/nope", json={})
    assert r.status_code == 404 and r.json()["error"]["kind"] == "not found"
    r = srv.http.post("/spells/hello", json={})
    assert r.status_code == 409 and "hello.js, hello.lua" in r.json()["error"]["message"]
    r = srv.http.post("/spells/count", content=b"{not json")
    assert r.status_code == 400 and "not JSON" in r.json()["error"]["message"]
    r = srv.http.post("/spells/count", json=[1, 2])
    assert r.status_code == 400 and "an array, not a JSON object" in r.json()["error"]["message"]
    assert srv.http.get("/runs/0123").status_code == 404
    assert srv.http.delete("/spells/count").status_code == 405


@pytest.mark.parametrize("method, target", [
    ("POST", "/spells/..%2Fsecret"), ("POST", "/spells/..%2Fsecret.lua"), ("GET", "/spells/..%2Fsecret.lua"),
    ("POST", "/spells/%2E%2E"), ("POST", "/spells/..%2F..%2Fetc%2Fpasswd"), ("POST", "/spells/spells%2Fcount"),
])
def test_no_name_reaches_outside_the_folder(srv, method, target):
    host, port = srv.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)      # the target exactly as written
    try:
        conn.request(method, target, body=b"{}" if method == "POST" else None)
        resp = conn.getresponse()
        body = json.loads(resp.read())
    finally:
        conn.close()
    assert resp.status == 404 and body["ok"] is False
    assert "outside the folder" not in json.dumps(body)


def test_limits_and_permissions_apply_per_request(srv, tmp_path):
    r = srv.http.post("/spells/busy", json={})
    want = expected_error(srv, "busy.lua", {})
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["kind"] == "LimitExceeded" == want.kind and err["message"] == want.message
    assert err["rendered"] == want.render() and (err["line"], err["col"]) == (want.span.line, want.span.col)

    inputs = {"path": os.path.join(os.path.dirname(srv.folder), "data.txt")}
    r = srv.http.post("/spells/readfile", json=inputs)
    want = expected_error(srv, "readfile.lua", inputs)
    assert r.status_code == 422
    err = r.json()["error"]
    assert "permission denied: needs read:" in err["message"] and err["rendered"] == want.render()
    assert err["hint"] == want.hint and err["file"] == os.path.join(srv.folder, "readfile.lua")
    kept = srv.http.get(f"/runs/{r.json()['journal_id']}").json()      # a failed run's journal is kept too
    assert kept["ok"] is False and kept["journal"] == want.journal


def test_an_edited_policy_file_applies_to_new_requests(srv):
    inputs = {"path": os.path.join(os.path.dirname(srv.folder), "data.txt")}
    policy = os.path.join(srv.folder, "llmspell.toml")
    with open(policy, "w") as f:
        f.write('[permissions]\nread = [".."]\n')
    try:
        doc = until(lambda: srv.http.post("/spells/readfile", json=inputs).json().get("ok") and
                    srv.http.post("/spells/readfile", json=inputs).json(), "the policy file to be read")
        assert doc["output"] == "some data\n"
    finally:
        os.remove(policy)
    until(lambda: srv.http.post("/spells/readfile", json=inputs).status_code == 422, "the grant to go")


def test_an_edit_is_swapped_in_and_a_broken_one_is_not(srv):
    path = os.path.join(srv.folder, "swap.lua")

    def save(text):
        with open(path, "w") as f:
            f.write(text)

    def run():
        return srv.http.post("/spells/swap", json={}).json()

    save('print("one")\n')
    first = until(lambda: version(srv, "swap"), "the new spell to appear")
    assert run()["output"] == "one\n"
    save('print("two")\n')
    second = until(lambda: version(srv, "swap") not in (None, first) and version(srv, "swap"), "the edit")
    assert run()["output"] == "two\n" and run()["version"] == second

    save('print("three"\n')                        # a save in the middle of an edit
    shown = until(lambda: (d := srv.http.get("/spells/swap").json())["check"] == "problems" and d, "the rejection")
    assert shown["version"] == second and shown["serving"]
    assert shown["findings"][0]["code"] == "syntax" and "syntax error" in shown["rejected"]["rendered"]
    assert run()["output"] == "two\n"
    listed = {s["file"]: s for s in srv.http.get("/spells").json()["spells"]}["swap.lua"]
    assert listed == shown

    save('print("four")\n')
    until(lambda: srv.http.get("/spells/swap").json()["check"] == "ok", "the fix")
    assert run()["output"] == "four\n"
    os.remove(path)
    until(lambda: srv.http.post("/spells/swap", json={}).status_code == 404, "the spell to go")
    srv.line(lambda s: s.startswith("llmspell serve: swap.lua removed"))
    said = "\n".join(srv.seen)
    assert f"swap.lua swapped in: version {second} (was {first})" in said
    assert re.search(rf"swap.lua rejected \(1 problem; version {second} keeps serving\): .*syntax error", said)


def test_a_module_edit_is_a_new_version_and_a_broken_module_is_kept_out(srv):
    """A spell's modules (here a JavaScript library of a Lua spell, in a
    subfolder) are pinned with it: a clean module edit swaps in a new version
    of the spell; a broken one is refused and the old module keeps serving."""
    lib = os.path.join(srv.folder, "lib", "words.js")
    os.makedirs(os.path.dirname(lib), exist_ok=True)

    def save(path, text):
        with open(path, "w") as f:
            f.write(text)

    def run():
        return srv.http.post("/spells/usesjs", json={}).json()

    save(lib, "export const shout = (s) => s.toUpperCase();\n")
    save(os.path.join(srv.folder, "usesjs.lua"), 'print(require("lib.words").shout("one"))\n')
    first = until(lambda: version(srv, "usesjs"), "the new spell to appear")
    assert run()["output"] == "ONE\n"
    save(lib, "export const shout = (s) => s.toUpperCase() + '!';\n")
    second = until(lambda: version(srv, "usesjs") not in (None, first) and version(srv, "usesjs"), "the module edit")
    assert run()["output"] == "ONE!\n"
    save(lib, "export const shout = (s) => s.toUpperCase( + '?';\n")      # broken mid-edit
    shown = until(lambda: (d := srv.http.get("/spells/usesjs").json())["check"] == "problems" and d, "the rejection")
    assert shown["version"] == second and shown["findings"][0]["file"].endswith("words.js")
    assert run()["output"] == "ONE!\n"                                   # the pinned module still serves


def test_a_run_in_flight_finishes_on_the_version_it_started(srv, llm):
    path = os.path.join(srv.folder, "slow.lua")
    body = 'local r = llm.complete{{model = "openai/test-model", api_base = (...).base, prompt = "{v}"}}\n' \
           'print("{v}", r.content)\n'
    with open(path, "w") as f:
        f.write(body.format(v="v1"))
    old = until(lambda: version(srv, "slow"), "the spell to appear")
    gate = threading.Event()
    llm.script(lambda request: gate.wait(TIMEOUT) and "late answer")
    answers = []
    inflight = threading.Thread(target=lambda: answers.append(
        httpx.post(f"{srv.url}/spells/slow", json={"base": llm.url}, trust_env=False, timeout=TIMEOUT)))
    inflight.start()
    try:
        until(lambda: any(m.get("content") == "v1" for r in list(llm.requests) for m in r.get("messages", ())),
              "the run to wait on the model")
        with open(path, "w") as f:
            f.write(body.format(v="v2"))
        new = until(lambda: version(srv, "slow") not in (None, old) and version(srv, "slow"), "the edit")
        assert inflight.is_alive()          # still waiting on the model: the swap happened mid-run
    finally:
        gate.set()
        inflight.join(TIMEOUT)
    doc = answers[0].json()
    assert doc["ok"] is True and doc["output"] == "v1\tlate answer\n" and doc["version"] == old
    assert doc["tokens"] == count_words("v1") + count_words("late answer")
    assert [e["call"] for e in srv.http.get(f"/runs/{doc['journal_id']}").json()["journal"]] == ["llm.complete"]
    doc = srv.http.post("/spells/slow", json={"base": llm.url}).json()
    assert doc["output"] == f"v2\t{said('v2')}\n" and doc["version"] == new


def test_concurrent_runs_overlap_their_model_waits(srv, llm):
    """n clients at once: the model server holds each call until all n are in
    flight, so the runs pass only if the server runs them in parallel."""
    n = 8                                   # --workers defaults to 8
    assert srv.http.post("/spells/ask", json={"base": llm.url, "q": "warm"}).json()["ok"]
    llm.reset()
    llm.gather(n)
    results = [None] * n

    def ask(i):                 # a client per thread: n connections, as n users would come
        results[i] = httpx.post(f"{srv.url}/spells/ask", json={"base": llm.url, "q": f"question {i}"},
                                trust_env=False, timeout=TIMEOUT).json()

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
    assert [r["output"] for r in results] == [said(f"question {i}") + "\n" for i in range(n)]
    assert llm.max_in_flight == n, f"only {llm.max_in_flight} of {n} runs waited on the model at once"


def test_startup_errors_are_one_line_usage_errors(srv, tmp_path):
    port = srv.url.rsplit(":", 1)[1]
    for args, message in (([srv.folder, "--port", port], f"cannot listen on 127.0.0.1:{port}: "),
                          ([str(tmp_path / "missing")], "no such folder: ")):
        p = subprocess.run([sys.executable, "-m", "llmspell", "serve", *args], capture_output=True, text=True,
                           timeout=TIMEOUT)
        assert p.returncode == 2 and "Traceback" not in p.stderr
        assert p.stderr.startswith(f"llmspell: usage error: {message}"), p.stderr


def test_a_changed_module_rejudges_the_spells_that_import_it(tmp_path):
    """In process: which spells a batch of changed paths touches.  A spell is
    re-judged when a module its Program pinned (``files``) changes."""
    from llmspell.serve import Spells
    tmp_path = tmp_path.resolve()           # the watch reports resolved paths too
    (tmp_path / "lib").mkdir()
    module = tmp_path / "lib" / "util.lua"
    module.write_text("return 1\n")
    (tmp_path / "a.lua").write_text('print(require("lib.util"))\n')
    (tmp_path / "b.lua").write_text('print("x")\n')
    ns = cli.build_parser().parse_args(["serve", str(tmp_path)])
    spells = Spells(ns, cli._policy)
    spells.rescan(startup=True)
    assert spells.by_file["a.lua"].serving.program.files == [str(module)]
    assert spells.affected({str(module)}) == {"a.lua"}
    assert spells.affected({str(tmp_path / "b.lua"), str(tmp_path / "notes.txt")}) == {"b.lua"}
    assert spells.affected({str(tmp_path / "llmspell.toml")}) == {"a.lua", "b.lua"}
    assert spells.affected({str(tmp_path / "lib" / "c.lua")}) == set()       # subfolders hold modules, not spells
