"""Shared test setup: every test runs with the IR cache in a private directory."""
import os
import tempfile

os.environ.setdefault("LLMSPELL_CACHE_DIR", tempfile.mkdtemp(prefix="llmspell-test-cache-"))

# The VM raises Python's recursion limit once, at import; do it before any test
# (hypothesis warns when the limit changes while one of its tests runs).
import llmspell.vm.execute  # noqa: E402,F401
