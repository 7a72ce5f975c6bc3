"""The command line as a user sees it: outputs, exit statuses, and errors that
name file:line:col with the source line — never a Python traceback."""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).parent.parent.parent


def cli(*args, cwd=ROOT):
    p = subprocess.run([sys.executable, "-m", "llmspell", *args], cwd=cwd,
                       capture_output=True, text=True, timeout=120)
    assert "Traceback" not in p.stderr, p.stderr
    return p


def test_run_example_fib():
    p = cli("run", "examples/fib.lua")
    assert p.returncode == 0
    assert p.stdout == "0 1 1 2 3 5 8 13 21 34 55\nfib(80) = 23416728348467685\n"


def test_run_example_agent_offline():
    p = cli("run", "--journal", "/dev/null", "examples/agent.lua")
    assert p.returncode == 0
    assert p.stdout == ("  [tool.called] get_weather\n  [tool.executed] get_weather\n"
                        "agent: It's 72°F and sunny in NYC.\nsteps in the conversation: 5\n")


def test_disasm_interleaves_source():
    p = cli("disasm", "examples/fib.lua")
    assert p.returncode == 0
    assert "if n < 2 then return n end" in p.stdout
    assert "FOR_NUM" in p.stdout and "CALL" in p.stdout and "RETURN" in p.stdout


def test_limit_exit_status_and_message():
    p = cli("run", "--max-instructions", "1000", "examples/loop.lua")
    assert p.returncode == 1
    first = p.stderr.splitlines()[0]
    assert first.startswith("LimitExceeded: instructions (1000) at examples/loop.lua:4:")
    assert "n = n + 1" in p.stderr


def test_runtime_error_shows_position_and_source(tmp_path):
    f = tmp_path / "bad.lua"
    f.write_text("local t = nil\nprint(t.x)\n")
    p = cli("run", str(f))
    assert p.returncode == 1
    assert f"{f}:2:" in p.stderr
    assert "attempt to index a nil value (local 't')" in p.stderr
    assert "print(t.x)" in p.stderr and "^" in p.stderr


def test_syntax_error(tmp_path):
    f = tmp_path / "syn.lua"
    f.write_text("local x = = 1\n")
    p = cli("run", str(f))
    assert p.returncode == 1
    assert f"{f}:1:" in p.stderr


def test_usage_errors_exit_2(tmp_path):
    assert cli("run").returncode == 2
    assert cli("run", str(tmp_path / "missing.lua")).returncode == 2
    assert cli("run", "--max-instructions", "lots", "examples/fib.lua").returncode == 2
    (tmp_path / "x.txt").write_text("print(1)")
    assert cli("run", str(tmp_path / "x.txt")).returncode == 2
    assert cli().returncode == 2


def test_stats_line():
    p = cli("run", "--stats", "examples/hello.lua")
    assert p.returncode == 0
    assert p.stderr.startswith("instructions=")


def test_python_api_is_what_the_cli_uses():
    import llmspell
    r = llmspell.run("print(1 + 1) return 'ok', 2", lang="lua")
    assert r.output == "2\n" and r.values == ["ok", 2]


def test_unwritable_output_files_are_refused_before_running(tmp_path):
    for flag in ("--record", "--journal"):
        p = cli("run", flag, str(tmp_path / "missing" / "out.json"), "examples/hello.lua")
        assert p.returncode == 2
        assert "does not exist" in p.stderr and p.stdout == ""      # nothing ran


def test_replay_of_a_missing_cassette_is_a_usage_error(tmp_path):
    p = cli("run", "--replay", str(tmp_path / "none.json"), "examples/agent.lua")
    assert p.returncode == 2 and "cannot read cassette" in p.stderr
