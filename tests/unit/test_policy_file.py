"""The policy file, llmspell.toml (sandbox/config.py), as a user meets it: the
CLI in a subprocess, a toml beside the spell or given with --config, flags on
top, and bad files reported at file:line with exit status 2, no traceback."""
import os
import subprocess
import sys

import pytest
from llmspell.sandbox.policy import Policy

SPELL = """\
local p = ...
print(tools.file_read(p.path))
local n = 0
for i = 1, 1e9 do n = n + 1 end
"""


def cli(*args, cwd):
    p = subprocess.run([sys.executable, "-m", "llmspell", *args], cwd=cwd,
                       capture_output=True, text=True, timeout=120)
    assert "Traceback" not in p.stderr, p.stderr
    return p


@pytest.fixture
def project(tmp_path):
    """A real folder with spell.lua and data/x.txt; returns (folder, path of x.txt)."""
    root = os.path.realpath(tmp_path)
    os.mkdir(os.path.join(root, "data"))
    data = os.path.join(root, "data", "x.txt")
    with open(data, "w") as f:
        f.write("hello")
    with open(os.path.join(root, "spell.lua"), "w") as f:
        f.write(SPELL)
    return root, data


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


def run(root, data, *flags):
    return cli("run", "spell.lua", "--arg", f"path={data}", *flags, cwd=root)


def test_toml_beside_the_spell_grants_a_read_and_sets_a_limit(project):
    root, data = project
    write(os.path.join(root, "llmspell.toml"),
          '[limits]\nmax_instructions = 5_000\nmax_memory = "64MB"\n\n[permissions]\nread = ["./data"]\n')
    p = run(root, data)
    assert p.stdout == "hello\n"                       # the read was granted (path relative to the toml)
    assert p.returncode == 1
    assert p.stderr.startswith("LimitExceeded: instructions (5000) at spell.lua:4:")


def test_without_a_toml_the_read_is_denied_naming_flag_and_toml_line(project):
    root, data = project
    p = run(root, data, "--max-instructions", "5000")
    assert p.returncode == 1
    assert (f"permission denied: needs read:{data} (grant it with --allow-read={data}, "
            f'or read = ["{data}"] under [permissions] in llmspell.toml)') in p.stderr


def test_the_toml_is_not_searched_upward(project):
    root, data = project
    write(os.path.join(root, "llmspell.toml"), '[permissions]\nread = ["./data"]\n')
    os.mkdir(os.path.join(root, "sub"))
    write(os.path.join(root, "sub", "spell.lua"), SPELL)
    p = cli("run", "sub/spell.lua", "--arg", f"path={data}", "--max-instructions", "5000", cwd=root)
    assert "permission denied: needs read:" in p.stderr


def test_config_wins_over_the_folders_file(project):
    root, data = project
    write(os.path.join(root, "llmspell.toml"), '[limits]\nmax_instructions = 5000\n[permissions]\nread = ["./data"]\n')
    os.mkdir(os.path.join(root, "conf"))
    other = write(os.path.join(root, "conf", "strict.toml"), '[limits]\nmax_instructions = 3000\n'
                                                             '[permissions]\nread = ["../data"]\n')
    p = run(root, data, "--config", other)
    assert p.stdout == "hello\n"
    assert p.stderr.startswith("LimitExceeded: instructions (3000) at spell.lua:4:")
    write(other, "[limits]\nmax_instructions = 3000\n")
    p = run(root, data, "--config", other)
    assert "permission denied: needs read:" in p.stderr      # the folder's file is not read at all


def test_flags_override_limits_and_add_permissions(project):
    root, data = project
    write(os.path.join(root, "llmspell.toml"), "[limits]\nmax_instructions = 5000\n")
    p = run(root, data, "--max-instructions", "7000", "--allow-read", "data")
    assert p.stdout == "hello\n"
    assert p.stderr.startswith("LimitExceeded: instructions (7000) at spell.lua:4:")


def test_allow_all_in_the_toml(project):
    root, data = project
    write(os.path.join(root, "llmspell.toml"), "[limits]\nmax_instructions = 5000\n[permissions]\nall = true\n")
    assert run(root, data).stdout == "hello\n"


@pytest.mark.parametrize("text, line, words", [
    ("[limits]\nmax_instructions = = 5\n", 2, "invalid TOML"),
    ("[limits]\nmax_instructions = 5\nmax_memroy = \"64MB\"\n", 3, "unknown key 'max_memroy' in [limits]"),
    ("[permissions]\nread = [\"a\"]\nnetwork = [\"x\"]\n", 3, "unknown key 'network' in [permissions]"),
    ("timeout = 3\n", 1, "unknown key 'timeout'"),
    ("[limits]\nmax_instructions = \"lots\"\n", 2, "'max_instructions' must be a whole number"),
    ("[limits]\n\ntimeout = true\n", 3, "'timeout' must be a number"),
    ("[limits]\nmax_memory = \"huge\"\n", 2, "'max_memory': not a size"),
    ("[limits]\nmax_depth = 0\n", 2, "'max_depth' must be positive"),
    ("[permissions]\nread = \"./data\"\n", 2, "'read' must be a list of non-empty strings"),
    ("[permissions]\nall = 1\n", 2, "'all' must be true or false"),
    ("limits.max_cost = \"cheap\"\n", 1, "'max_cost' must be a number"),
])
def test_a_bad_policy_file_is_a_usage_error_at_file_and_line(project, text, line, words):
    root, data = project
    write(os.path.join(root, "llmspell.toml"), text)
    for args in (("run", "spell.lua"), ("check", "spell.lua")):
        p = cli(*args, cwd=root)
        assert p.returncode == 2
        assert p.stdout == ""
        first = p.stderr.splitlines()[0]
        assert first.startswith(f"llmspell: {os.path.join(root, 'llmspell.toml')}:{line}:"), p.stderr
        assert words in first


def test_a_missing_config_is_a_usage_error(project):
    root, _ = project
    p = cli("check", "spell.lua", "--config", "nope.toml", cwd=root)
    assert p.returncode == 2 and "no such policy file: nope.toml" in p.stderr


@pytest.mark.parametrize("capability, grant", [
    ("read:/abs/p", '--allow-read=/abs/p, or read = ["/abs/p"]'),
    ("net:example.com:443", '--allow-net=example.com:443, or net = ["example.com:443"]'),
    ("env:OPENAI_API_KEY", '--allow-env=OPENAI_API_KEY, or env = ["OPENAI_API_KEY"]'),
    ("destructive:wipe", '--allow-tool=wipe, or tool = ["wipe"]'),
    ("model:openai/gpt-4o", '--allow-model=openai/gpt-4o, or model = ["openai/gpt-4o"]'),
    ("process:spawn", "--allow-all, or all = true"),
])
def test_denial_message_names_the_capability_flag_and_toml_line(capability, grant):
    assert Policy().denial(capability) == (f"permission denied: needs {capability} "
                                           f"(grant it with {grant} under [permissions] in llmspell.toml)")
