"""``llmspell check``: static findings, the same in every language, without
running anything; the human and JSON outputs and exit statuses; and the
policy's disabled builtins, modules and model allow-list, at check time and at
run time.

The fixtures ``tests/check/problems.{lua,js,tengo}`` are one spell written
three times, each line carrying one deliberate mistake (listed in PROBLEMS)."""
import json
import pathlib
import subprocess
import sys

import llmspell
import pytest
from llmspell.sandbox.policy import Policy

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "check"
LANGS = {"lua": "lua", "js": "javascript", "tengo": "tengo"}

#: (line, code) of each deliberate mistake in the fixtures, and what it is
PROBLEMS = [
    (1, "permission"),        # model openai/gpt-4o, while the policy allows scripted/* only
    (1, "unknown-tool"),      # the agent's tool "serch"
    (3, "template"),          # {{topic}}: the run passes "topc"
    (4, "template"),          # {{serch.output}}: no such step
    (5, "unknown-method"),    # wf:ad_step
    (7, "unknown-function"),  # llm.completion
    (8, "bad-argument"),      # prompt = 42
    (8, "unknown-field"),     # temprature
    (9, "permission"),        # tools.file_read("/etc/passwd") without --allow-read
    (10, "bad-argument"),     # calculator's expression misspelt
]
LAST = {"lua": (11, "unknown-global"), "js": (11, "unknown-global"), "tengo": (12, "unknown-member")}

SCRIPTED_ONLY = Policy(grants=("tool:*", "model:scripted/*"))


def check(src, lang="lua", name=None, policy=None):
    name = name or f"spell.{ {'javascript': 'js'}.get(lang, lang) }"
    return llmspell.check(src, lang, name, policy)


def codes(report):
    return [(f.span.line, f.code) for f in report.findings]


def cli(*args):
    p = subprocess.run([sys.executable, "-m", "llmspell", *args], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert "Traceback" not in p.stderr, p.stderr
    return p


@pytest.mark.parametrize("ext", LANGS)
def test_the_same_mistakes_are_found_in_every_language(ext):
    path = FIXTURES / f"problems.{ext}"
    report = llmspell.check(path.read_text(), LANGS[ext], str(path), SCRIPTED_ONLY)
    assert codes(report) == PROBLEMS + [LAST[ext]]
    by_code = {f.code: f for f in reversed(report.findings)}       # the first of each code
    assert by_code["unknown-function"].hint == "did you mean 'complete'?"
    assert by_code["unknown-method"].hint == "did you mean 'addStep'?"
    assert by_code["unknown-field"].hint == "did you mean 'temperature'?"
    assert by_code["unknown-tool"].hint == "did you mean 'search'?" or "serch" in by_code["unknown-tool"].message
    assert "bad argument 'prompt' (string expected, got number)" in by_code["bad-argument"].message
    denied = [f for f in report.findings if f.code == "permission"]
    assert [f.message for f in denied] == ["needs model:openai/gpt-4o", "needs read:/etc/passwd"]
    assert denied[1].hint.startswith("grant it with --allow-read=/etc/passwd, or read = [\"/etc/passwd\"]")
    # nothing ran: no model was asked, no file read
    assert report.capabilities[0]["capability"] == "model:openai/gpt-4o"


def test_the_human_output_names_file_line_col_with_the_source_line_and_a_summary():
    p = cli("check", "--allow-model=scripted/*", "tests/check/problems.lua")
    assert p.returncode == 1
    assert "tests/check/problems.lua:7:11: unknown-function: llm has no function 'completion'\n" \
           "    7 | local c = llm.completion({model = \"scripted/echo\", prompt = \"hi\"})\n" \
           "      |           ^^^^^^^^^^^^^^\n" \
           "hint: did you mean 'complete'?" in p.stderr
    assert p.stderr.endswith("1 file checked, 11 problems\n")


def test_json_output_follows_the_documented_schema():
    p = cli("check", "--format", "json", "--allow-model=scripted/*", "tests/check/problems.js", "examples/hello.js")
    assert p.returncode == 1 and p.stderr == ""
    doc = json.loads(p.stdout)
    assert doc["version"] == 1
    assert doc["summary"] == {"files": 2, "findings": 11, "failed": 1}
    bad, good = doc["files"]
    assert (bad["file"], bad["lang"], good["findings"]) == ("tests/check/problems.js", "javascript", [])
    for f in bad["findings"]:
        assert set(f) == {"code", "message", "hint", "file", "line", "col", "end_line", "end_col"}
        assert f["file"] == "tests/check/problems.js" and f["line"] >= 1 and f["col"] >= 1
    cap = bad["capabilities"][0]
    assert cap == {"capability": "model:openai/gpt-4o", "granted": False, "flag": "--allow-model=openai/gpt-4o",
                   "toml": 'model = ["openai/gpt-4o"] under [permissions] in llmspell.toml', "line": 1, "col": 11}


def test_a_syntax_error_is_a_finding_too():
    p = cli("check", "--format", "json", "tests/golden/lua/strings_escapes.lua", "/dev/null")
    assert p.returncode == 2           # /dev/null: no language to pick → usage error
    bad = check("local x = = 1")
    assert [(f.kind, f.span.line) for f in bad.findings] == [("syntax error", 1)]


def test_exit_statuses():
    assert cli("check", "examples/hello.lua", "examples/hello.js", "examples/hello.tengo").returncode == 0
    assert cli("check", "tests/check/problems.tengo").returncode == 1
    assert cli("check", "no/such/spell.lua").returncode == 2
    assert cli("check", "--format", "yaml", "examples/hello.lua").returncode == 2


def test_explain_lists_each_capability_and_how_to_grant_it():
    p = cli("check", "--explain", "--allow-tool=file_write", "examples/workflow.lua")
    assert p.returncode == 0
    lines = p.stderr.splitlines()
    assert lines[0] == "examples/workflow.lua needs:"
    assert any(line.split()[:1] == ["destructive:file_write"] and line.endswith("granted") for line in lines)
    p = cli("check", "--explain", "tests/check/problems.lua")
    assert any(line.split()[0] == "read:/etc/passwd" and "DENIED — grant with --allow-read=/etc/passwd" in line
               for line in p.stderr.splitlines() if line.startswith("  "))


# -- no false alarms: what the analysis cannot know, it does not judge ---------------------

@pytest.mark.parametrize("src", [
    # a field added under a condition: the table is open
    'local t = {model = "scripted/echo"}\nif os.time() > 0 then t.prompt = "p" end\nllm.complete(t)',
    # a table a closure fills in
    'local t = {model = "scripted/echo"}\nlocal function fill() t.prompt = 1 end\nfill()\nllm.complete(t)',
    # a value the loop changes
    'local m = "scripted/echo"\nfor i = 1, 2 do llm.complete({model = m, prompt = "p"}); m = 5 end',
    # globals a function, _G or load define
    'function helper() return 1 end\nprint(helper())',
    '_G["made"] = 1\nprint(made)',
    'local name = "dyn"\n_G[name] = 1\nprint(dyn)',
    'load("y = 1")()\nprint(y)',
    'function string.shout(s) return s:upper() end\nprint(string.shout("x"))',
    # tools the spell registers, under a known or a computed name
    'tools.register({name = "mine", handler = function(a) return 1 end})\nprint(tools.call("mine", {}), tools.mine())',
    'local n = "t" .. 1\ntools.register({name = n, handler = print})\ntools.call("t2", {})',
    # a workflow whose inputs are not known here: only step names are judged
    'local wf = workflow.create({name = "w"})\nwf:addStep({name = "a", fn = print})\n'
    'wf:addStep({name = "b", tool = "text_length", params = {text = "{{a.output}} {{topic}}"}})\nreturn wf',
])
def test_no_finding_where_the_analysis_cannot_know(src):
    assert check(src).findings == []


@pytest.mark.parametrize("src,lang", [
    ("globalThis.made = 1;\nconsole.log(made, typeof notDefinedAnywhere);", "javascript"),
    ("const t = {model: 'scripted/echo'};\nif (Date.now() > 0) t.prompt = 'p';\nawait llm.complete(t);", "javascript"),
    ("const xs = [1];\nconst o = {...{model: 1}};\nawait llm.complete(o);", "javascript"),
    ('fmt := import("fmt")\nm := {model: "scripted/echo"}\nif len(args) > 0 { m.prompt = "p" }\n'
     'fmt.println(llm.complete(m))', "tengo"),
])
def test_no_finding_where_the_analysis_cannot_know_js_tengo(src, lang):
    assert check(src, lang).findings == []


def test_workflow_steps_named_wrong_when_inputs_are_unknown():
    src = ('local wf = workflow.create({name = "w", steps = {{name = "search", fn = print}}})\n'
           'wf:addStep({name = "sum", tool = "text_length", params = {text = "{{serch.output}}"}})\nreturn wf')
    [f] = check(src).findings
    assert (f.code, f.span.line) == ("template", 2)
    assert f.message.endswith("no step is named 'serch' (did you mean 'search'?)")


def test_a_table_that_holds_itself_does_not_hang_the_check():
    assert check('local t = {model = "scripted/echo"}\nt.self = t\nllm.complete(t)').findings == []


# -- the policy: models, disabled builtins, modules -----------------------------------------------

def test_naming_models_in_the_policy_allows_only_those(tmp_path):
    (tmp_path / "llmspell.toml").write_text('[permissions]\nmodel = ["scripted/*"]\n')
    spell = tmp_path / "s.lua"
    spell.write_text('local function ask() return llm.complete({model = "openai/gpt-4o", prompt = "hi"}) end\n'
                     'print(pcall(ask))\n'
                     'print(llm.complete({model = "scripted/echo", prompt = "hi"}).content)\n')
    p = cli("run", str(spell))
    assert p.returncode == 0, p.stderr
    first, second = p.stdout.splitlines()
    assert first.startswith("false") and "permission denied: needs model:openai/gpt-4o" in first
    assert second == "echo: hi"
    p = cli("check", str(spell))
    assert p.returncode == 1 and f"{spell}:1:29: permission: needs model:openai/gpt-4o" in p.stderr


@pytest.mark.parametrize("ext,src,name", [
    ("lua", "print(pcall(os.time))\nprint(pcall(tools.file_read, 'x'))", "os.time"),
    ("js", "try { Date.now() } catch (e) { console.log(e.message) }", "Date.now"),
    ("tengo", 'text := import("text")\nx := text.re_match("a", "b")', "text.re_match"),
])
def test_disabled_builtins_fail_naming_the_policy_and_check_reports_them(tmp_path, ext, src, name):
    toml = tmp_path / "llmspell.toml"
    toml.write_text('[builtins]\ndisable = ["os.time", "Date.now", "text.re_match", "tools.file_read"]\n')
    spell = tmp_path / f"s.{ext}"
    spell.write_text(src + "\n")
    message = f"permission denied: {name} is disabled by the policy ([builtins] disable in {toml})"
    p = cli("run", str(spell))
    assert message in p.stdout + p.stderr
    p = cli("check", str(spell))
    assert p.returncode == 1 and f"disabled: {message}" in p.stderr


def test_the_policy_limits_tengo_modules(tmp_path):
    (tmp_path / "llmspell.toml").write_text('[modules]\nstdlib = ["fmt"]\n')
    spell = tmp_path / "s.tengo"
    spell.write_text('fmt := import("fmt")\nm := import("math")\nfmt.println(m.pi)\n')
    p = cli("run", str(spell))
    assert p.returncode == 1
    assert f"{spell}:2:6: runtime error: permission denied: module 'math' is not among the modules" in p.stderr
    p = cli("check", str(spell))
    assert p.returncode == 1 and f"{spell}:2:6: disabled: permission denied: module 'math'" in p.stderr


def test_policy_file_sections_are_checked_strictly(tmp_path):
    (tmp_path / "llmspell.toml").write_text('[builtins]\ndisabel = ["os.time"]\n')
    (tmp_path / "s.lua").write_text("print(1)\n")
    p = cli("check", str(tmp_path / "s.lua"))
    assert p.returncode == 2
    assert "llmspell.toml:2:1: usage error: unknown key 'disabel' in [builtins]" in p.stderr
    assert "did you mean 'disable'?" in p.stderr
    (tmp_path / "llmspell.toml").write_text('[modules]\nstdlib = ["fmt", "txt"]\n')
    p = cli("run", str(tmp_path / "s.lua"))
    assert p.returncode == 2
    assert "llmspell.toml:2:1: usage error: unknown standard module 'txt'" in p.stderr
    assert "did you mean 'text'?" in p.stderr


# -- the safety net: a bug in a stage is a positioned message, never a traceback -------------------

def test_a_front_end_bug_becomes_an_internal_error(monkeypatch):
    from llmspell import api

    def broken(source, name, is_module=False):
        raise KeyError("oops")
    monkeypatch.setattr(api, "_frontend", lambda lang: broken)
    with pytest.raises(llmspell.LlmspellError) as info:
        api.compile("print(1)", "lua", "bug.lua", cache=False)
    assert info.value.kind == "internal error"
    assert str(info.value).startswith("bug.lua:1:1: internal error: KeyError: 'oops' (this is a bug in llmspell")
