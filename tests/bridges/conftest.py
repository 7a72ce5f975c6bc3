"""Fixtures for the LLM bridge tests: a scripted OpenAI-compatible server on
127.0.0.1 (tests/llm_server.py) and a process without any other network.

Import order matters: this conftest is imported before any test module of this
folder, so the environment below is in place before a test module imports
litellm (which reads it at import and when it first builds an HTTP client).
"""
import ipaddress
import os
import socket
import sys

import pytest

# litellm fetches its model cost map from GitHub at import unless told not to;
# offline mode also stops its other catalogue/tokenizer downloads.
os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
os.environ["LITELLM_OFFLINE_MODE"] = "true"
# In its default "DEV" mode litellm runs dotenv.load_dotenv() at import, which
# would pull keys or OPENAI_BASE_URL from a stray .env file into the tests.
os.environ.setdefault("LITELLM_MODE", "PRODUCTION")
# httpx (under the openai SDK) honours HTTP(S)_PROXY even for 127.0.0.1 unless
# NO_PROXY lists it; the test server must be reached directly.
for _name in ("NO_PROXY", "no_proxy"):
    os.environ[_name] = ",".join(filter(None, [os.environ.get(_name), "127.0.0.1", "localhost"]))

# tests/ is on sys.path in pytest's default import mode; make it so in every mode.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from llm_server import LLMServer  # noqa: E402  (tests/llm_server.py)

def _is_ip(host) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _loopback_only(event, args):
    """Audit hook: refuse any connection off 127.0.0.1/::1 and any DNS lookup
    (IP literals need none), so a test that would reach a real provider fails
    loudly instead of silently going online."""
    if event == "socket.connect":
        sock, address = args
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not (
                _is_ip(address[0]) and ipaddress.ip_address(address[0]).is_loopback):
            raise ConnectionRefusedError(f"test network guard: connect to {address!r} refused")
    elif event == "socket.getaddrinfo":
        host = args[0].decode() if isinstance(args[0], bytes) else args[0]
        if host not in (None, "localhost") and not _is_ip(host):
            raise socket.gaierror(f"test network guard: lookup of {host!r} refused")


# Audit hooks cannot be removed: once this folder is collected, the guard holds
# for the rest of the process (no test of llmspell may use the network).
sys.addaudithook(_loopback_only)


@pytest.fixture
def llm_server():
    """A started LLMServer, fresh for each test (start+stop costs ~10 ms, so no
    shared server whose late retries could eat the next test's script).
    Teardown fails the test if the server saw an internal error (an answer
    function raised, or a request found no answer in strict mode)."""
    server = LLMServer().start()
    try:
        yield server
    finally:
        server.stop()
    assert not server.errors, f"llm_server errors: {server.errors}"


def pytest_configure(config):
    """litellm silences these two warnings of its own at import, but pytest
    restores the warning filters for every test, so they would flood the output."""
    config.addinivalue_line("filterwarnings", "ignore:.*`ReadOnly` qualifier:UserWarning")
    config.addinivalue_line("filterwarnings",
                            "ignore:Accessing the .* attribute on the instance is deprecated")
