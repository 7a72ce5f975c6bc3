"""What the golden corpora of every language share.

A golden program ``tests/golden/<lang>/NAME.<ext>`` sits beside ``NAME.out``,
its *transcript* on the language's reference implementation: everything it
printed, then — if it ended with an uncaught error — one line
``ERROR: <message>``.  Each language's ``<lang>_reference.py`` knows how to run
a program on its reference (real Lua through lupa, node); this module holds
the transcript format and the file conventions, so regeneration
(``regen.py``) and the tests can never disagree about them.
"""

from __future__ import annotations

from pathlib import Path


class ReferenceSyntaxError(Exception):
    """The reference implementation refused to load the program (a golden
    program must always load)."""


def transcript(output: str, error: str | None) -> str:
    """Printed output plus the uncaught error message, if any.

    The error line always starts on a fresh line, so a program that wrote
    without a trailing newline and then failed still yields a well-formed file.
    """
    if error is None:
        return output
    if output and not output.endswith("\n"):
        output += "\n"
    return f"{output}ERROR: {error}\n"


def programs(folder: Path, suffix: str) -> list[Path]:
    """Every golden program of a corpus, sorted by name (stable test ids)."""
    return sorted(folder.glob(f"*{suffix}"))


def read_expected(program: Path) -> str:
    """The recorded transcript ``NAME.out`` next to the program."""
    return program.with_suffix(".out").read_bytes().decode("utf-8", "surrogateescape")


def encode_transcript(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def run_llmspell(source: str, name: str, lang: str) -> str:
    """Run ``source`` on llmspell as spell ``name``; return its transcript.

    Only an uncaught script error becomes an ``ERROR:`` line (worded as the
    script itself would see it); any other exception (ParseError,
    LimitExceeded, a Python bug) propagates and fails the calling test.
    """
    import llmspell

    try:
        result = llmspell.run(source, lang=lang, name=name)
    except llmspell.ScriptError as exc:
        # Program.run attaches what the spell printed before failing.
        return transcript(exc.output, exc.lua_message)
    return transcript(result.output, None)
