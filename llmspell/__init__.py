"""llmspell: spells in Lua, JavaScript and Tengo that orchestrate LLMs, compiled
to one IR and run on one metered, deterministic, sandboxed VM.

The public API (``compile``, ``run``, ``check``, :class:`Program`) lives in
:mod:`llmspell.api`; it is imported lazily so that importing a sub-package
(``llmspell.ir``) stays cheap.
"""
__version__ = "0.1.0"

from .errors import (CompileError, LimitExceeded, LlmspellError, ParseError,  # noqa: E402,F401
                     ScriptError, UsageError, VerifyError)

_API = ("compile", "run", "check", "Program", "RunResult")


def __getattr__(name):
    if name in _API:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'llmspell' has no attribute {name!r}")
