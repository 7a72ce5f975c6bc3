"""Shared test setup: every test runs with the IR cache in a private directory."""
import os
import tempfile

os.environ.setdefault("LLMSPELL_CACHE_DIR", tempfile.mkdtemp(prefix="llmspell-test-cache-"))
