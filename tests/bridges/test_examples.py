"""The example spells in examples/ run offline, as a new user runs them.
Expected outputs follow from each spell's own logic and the bridges'
documented semantics (scripted models answer what their rules say)."""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).parent.parent.parent


def run(*args):
    p = subprocess.run([sys.executable, "-m", "llmspell", "run", *args], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert "Traceback" not in p.stderr, p.stderr
    return p


def test_state_example():
    p = run("examples/state.lua")
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == [
        "abc123\tquantum physics\tnil",        # filter keeps only the listed paths
        "[REDACTED]\tjohn",                      # sanitize redacts api_key, keeps user
        "quantum computing\tcurious\tJohn",      # deep merge, theirs wins the conflict
        "nil",
        "John",                                  # restored from the snapshot
    ]


def test_events_and_hooks_example():
    p = run("examples/events_hooks.lua")
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == ["event: llm.request", "event: llm.response",
                                     "echo: Explain quantum computing",
                                     "milestone: research reached completed"]
    assert 'level=info msg="generated" temperature=0.7 tokens=7' in p.stderr


def test_every_example_checks_clean():
    """Under the flags its header's "Run:" line gives (none if it has none)."""
    paths = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".lua", ".js", ".tengo"))
    for path in paths:
        run_line = re.search(r"Run:\s+llmspell run (.*) examples/", path.read_text())
        flags = run_line[1].split() if run_line else []
        p = subprocess.run([sys.executable, "-m", "llmspell", "check", *flags, str(path)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
        assert p.returncode == 0, p.stderr
        assert p.stderr == "1 file checked, 0 problems\n"
    # and without its grants, a spell that writes files is told which flags it needs
    p = subprocess.run([sys.executable, "-m", "llmspell", "check", str(ROOT / "examples" / "workflow.lua")],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 1 and "permission: needs destructive:file_write" in p.stderr
    assert "hint: grant it with --allow-tool=file_write" in p.stderr


def test_research_assistant_example(tmp_path):
    p = subprocess.run([sys.executable, "-m", "llmspell", "run", f"--allow-write={tmp_path}",
                        "--allow-tool=file_write", str(ROOT / "examples" / "research.lua")],
                       cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    summary = "Summary: 2025 brought error-corrected logical qubits and faster decoders."
    assert p.stdout == f"{summary}\nsaved {len(summary)} bytes\n"
    assert (tmp_path / "research_summary.md").read_text() == summary


def test_research_assistant_needs_the_write_grant(tmp_path):
    p = subprocess.run([sys.executable, "-m", "llmspell", "run", str(ROOT / "examples" / "research.lua")],
                       cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert p.returncode == 1
    assert "permission denied: needs write:" in p.stderr and "--allow-write=" in p.stderr
    assert not (tmp_path / "research_summary.md").exists()


def test_examples_against_the_local_server(llm_server, tmp_path):
    """The same spells with a real provider path: litellm over HTTP to the local
    server, scripted to answer what the examples' rules answer offline."""
    from llm_server import Answer, ToolCall
    llm_server.script(Answer(tool_calls=[ToolCall("get_weather", {"location": "NYC"})]),
                      "It's 72°F and sunny in NYC.")
    p = run("--arg", "model=openai/test-model", "--arg", f"api_base={llm_server.url}", "examples/agent.lua")
    assert p.returncode == 0, p.stderr
    assert "agent: It's 72°F and sunny in NYC." in p.stdout
    assert llm_server.requests[0]["tools"][0]["function"]["name"] == "get_weather"

    llm_server.script("Qubits are fragile.", "Error correction makes qubits usable.",
                      "Qubits are fragile.", "Error correction makes qubits usable.")
    p = subprocess.run([sys.executable, "-m", "llmspell", "run", f"--allow-write={tmp_path}",
                        "--allow-tool=file_write", "--arg", "model=openai/test-model",
                        "--arg", f"api_base={llm_server.url}", str(ROOT / "examples" / "workflow.lua")],
                       cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert "ok\tError correction makes qubits usable." in p.stdout
    assert (tmp_path / "research_qubits.md").read_text() == "Error correction makes qubits usable."
    assert llm_server.requests[-4]["messages"][-1]["content"] == "Search for information about qubits"


def test_workflow_example_offline(tmp_path):
    p = subprocess.run([sys.executable, "-m", "llmspell", "run", f"--allow-write={tmp_path}",
                        "--allow-tool=file_write", str(ROOT / "examples" / "workflow.lua")],
                       cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == [
        "step search    ok", "step summarize ok", "step save      ok",
        "ok\tError correction makes qubits usable.",
        "step r         ok", "step s         ok",
        "2\tQubits are fragile; error correction protects them.\tError correction makes qubits usable."]
    assert (tmp_path / "research_qubits.md").read_text() == "Error correction makes qubits usable."
