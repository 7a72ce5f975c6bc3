"""The errors the public API raises (defined in :mod:`llmspell.ir.errors`)."""
from .ir.errors import (CompileError, InternalError, LimitExceeded, LlmspellError, ParseError,  # noqa: F401
                        ScriptError, UsageError, VerifyError)
