"""Running a spell under limits, for the limit tests of every language."""
import pytest
from llmspell.sandbox.policy import Limits, Policy

import llmspell


def runner(lang: str, name: str):
    """``(run, limit_of)`` for spells in *lang* named *name*: ``run(src, **limits)``
    returns the RunResult; ``limit_of`` expects a LimitExceeded and returns it."""
    def run(src, **limits):
        return llmspell.run(src, lang=lang, name=name, policy=Policy(limits=Limits(**limits)))

    def limit_of(src, **limits):
        with pytest.raises(llmspell.LimitExceeded) as info:
            run(src, **limits)
        return info.value
    return run, limit_of


def assert_exact_instruction_count(run, limit_of, src: str, output: str):
    """*src* prints *output* with the same count on every run, and exactly that
    many instructions are enough (one fewer is not)."""
    a, b = run(src), run(src)
    assert a.output == output
    assert a.instructions == b.instructions > 200
    run(src, max_instructions=a.instructions)
    limit_of(src, max_instructions=a.instructions - 1)
