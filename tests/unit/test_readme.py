"""The README stays current: its Script API section is generated from the
bridge registry (`llmspell api`), and its quick start has exactly two commands."""
import pathlib
import re

from llmspell.bridges import reference

README = pathlib.Path(__file__).parent.parent.parent / "README.md"
START, END = "<!-- api-reference:start -->", "<!-- api-reference:end -->"


def test_api_reference_matches_the_registry():
    text = README.read_text()
    assert START in text and END in text
    block = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert block == reference().strip(), "regenerate the README section with: llmspell api"


def test_quick_start_has_two_commands():
    section = README.read_text().split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert len(commands) == 2
    assert "llmspell run examples/" in commands[0]
    assert "pytest" in commands[1]
