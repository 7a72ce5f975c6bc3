"""A scripted, OpenAI-compatible chat-completions server on 127.0.0.1 for tests.

llmspell's LLM bridge talks to providers through litellm; tests point litellm at
this server (``api_base=server.url``) so every call goes over real HTTP without
any network access or API key.  Standard library only.

Input: HTTP requests.  ``POST /v1/chat/completions`` (and ``/chat/completions``)
takes an OpenAI chat request; ``GET /v1/models`` (and ``/models``) lists
``server.models``.  Anything else is a 404 with an OpenAI-style error body.

Output: each chat request consumes the next scripted answer (``server.script``)
or, once the script is exhausted, the ``default`` rule (echo of the last user
message).  An answer is a ``str`` (assistant text), an ``Answer`` (text, tool
calls, error status, latency, stream chunks, usage override) or a function of
the request body returning either.  ``"stream": true`` gets Server-Sent Events in
OpenAI's ``chat.completion.chunk`` format.

Invariants the tests rely on:
* every request is recorded in ``server.requests`` (in arrival order) before it
  is answered, as a ``RecordedRequest`` = the parsed JSON body (a dict) with
  ``.method``, ``.path`` and ``.headers`` (lower-case names);
* answers are taken from the script in arrival order, under a lock;
* responses are deterministic: ids count requests (``chatcmpl-1`` ...),
  ``created`` is the fixed ``CREATED`` epoch, and token usage is counted in
  whitespace-separated words (see ``count_words``), never a real tokenizer;
* each request runs on its own thread (``ThreadingHTTPServer``), so latencies of
  concurrent requests overlap; ``max_in_flight`` is the most chat requests
  the server held at once, and ``gather(n)`` holds each one until n are in
  flight — whether a client overlaps its calls is then a count, not a clock;
* an exception inside an answer function or a request with no answer (strict
  mode, ``default=None``) is answered with HTTP 500 *and* appended to
  ``server.errors`` so the fixture can fail the test instead of letting a client
  retry hide the bug.
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Union

__all__ = ["Answer", "ToolCall", "RecordedRequest", "LLMServer", "count_words", "echo", "CREATED"]

CREATED = 1_700_000_000  # fixed "created" timestamp of every response (2023-11-14)

_CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")
_MODEL_PATHS = ("/v1/models", "/models")

# OpenAI's error "type"/"code" for the statuses tests use; anything else is api_error.
_ERROR_KINDS = {
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    404: ("invalid_request_error", "not_found"),
    429: ("requests", "rate_limit_exceeded"),
    500: ("server_error", None),
    503: ("server_error", "service_unavailable"),
}


@dataclass
class ToolCall:
    """One function call the assistant asks for; ``id`` defaults to ``call_<request>_<index>``."""

    name: str
    arguments: dict = field(default_factory=dict)
    id: str | None = None


@dataclass
class Answer:
    """A scripted reply.

    ``text`` None means content null when there are tool calls, "" otherwise.
    ``finish_reason`` defaults to "tool_calls" with tool calls, else "stop".
    ``usage`` entries override the counted ones.  ``latency`` (seconds) replaces
    the server-wide latency for this answer.  ``status`` != 200 sends an
    OpenAI-style error JSON body (``error_body``: a dict sent as is, or a str used
    as the error message); ``headers`` are extra response headers (e.g.
    ``{"retry-after": "0"}``).  ``chunks`` fixes how a streamed text is split;
    their concatenation is the text (``text`` may then be omitted).
    """

    text: str | None = None
    tool_calls: list[ToolCall] = field(default_factory=list)
    finish_reason: str | None = None
    usage: dict | None = None
    latency: float | None = None
    status: int = 200
    error_body: dict | str | None = None
    chunks: list[str] | None = None
    headers: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.chunks is not None:
            joined = "".join(self.chunks)
            if self.text is None:
                self.text = joined
            elif self.text != joined:
                raise ValueError("Answer.chunks must concatenate to Answer.text")


class RecordedRequest(dict):
    """The parsed JSON body of one request (empty for GET), plus how it came."""

    def __init__(self, body: dict, method: str, path: str, headers: dict[str, str]):
        super().__init__(body)
        self.method = method
        self.path = path
        self.headers = headers


AnswerLike = Union[str, Answer, Callable[[RecordedRequest], Union[str, Answer]]]


def count_words(text: str | None) -> int:
    """Token rule of this server: one token per whitespace-separated word."""
    return len(text.split()) if text else 0


def _content_text(content: Any) -> str:
    """Text of a message ``content``: a str, or the "text" parts of a content list."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(part.get("text", "") for part in content
                        if isinstance(part, dict) and part.get("type") == "text")
    return ""


def prompt_tokens(body: dict) -> int:
    """Words in the text content of all messages; roles, tool schemas and the
    arguments of earlier tool calls are not counted."""
    return sum(count_words(_content_text(m.get("content")))
               for m in body.get("messages", ()) if isinstance(m, dict))


def echo(body: dict) -> str:
    """Default rule: "echo: <text of the last user message>"."""
    for message in reversed(body.get("messages", ())):
        if isinstance(message, dict) and message.get("role") == "user":
            return "echo: " + _content_text(message.get("content"))
    return "echo: "


def _words_with_space(text: str) -> list[str]:
    """Split text into stream pieces of one word with the whitespace around it;
    the concatenation is the text."""
    return re.findall(r"\s*\S+\s*", text) or ([text] if text else [])


class _Server(ThreadingHTTPServer):
    # many concurrent clients (parallel workflow steps) must not wait in a 5-deep backlog
    request_queue_size = 64
    daemon_threads = True


#: seconds a gathered request waits for the others (a bound for a client that
#: does not overlap its calls, not a speed test)
GATHER_WAIT = 20.0


class LLMServer:
    """The server.  ``start()``/``stop()`` or use it as a context manager.

    ``url`` is ``http://127.0.0.1:<port>/v1`` (what litellm wants as api_base).
    ``latency`` (seconds) delays every answer that sets no latency of its own.
    ``default`` answers requests once the script is empty (``None`` = strict:
    such a request is an error).
    """

    def __init__(self, latency: float = 0.0,
                 default: Callable[[RecordedRequest], Union[str, Answer]] | None = echo,
                 models: tuple[str, ...] = ("test-model",)):
        self._initial = (latency, default, tuple(models))
        self._lock = threading.Lock()
        self._arrivals = threading.Condition(self._lock)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.reset()

    # -- configuration ---------------------------------------------------
    def reset(self) -> None:
        """Forget script, requests, errors and counters; restore constructor settings."""
        with self._lock:
            self.latency, self.default, models = self._initial
            self.models = list(models)
            self._script: deque[AnswerLike] = deque()
            self.requests: list[RecordedRequest] = []
            self.errors: list[str] = []
            self._served = 0  # chat requests answered so far; numbers ids
            self.in_flight = self.max_in_flight = 0
            self._gather = 0

    def gather(self, n: int) -> None:
        """Hold each chat request until *n* are in flight at once (then all
        go on).  A client that overlaps its calls passes straight through; one
        that makes them one at a time leaves the first waiting: after
        GATHER_WAIT seconds the server stops holding, and ``max_in_flight``
        shows how many overlapped."""
        with self._lock:
            self._gather = n

    def _arrive(self) -> None:
        with self._arrivals:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            if not self._gather:
                return
            if self.in_flight >= self._gather:
                self._gather = 0           # all there: every held request goes on
                self._arrivals.notify_all()
            elif not self._arrivals.wait_for(lambda: not self._gather, GATHER_WAIT):
                self._gather = 0           # they do not overlap: stop holding the others
                self._arrivals.notify_all()

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def script(self, *answers: AnswerLike) -> None:
        """Queue answers, consumed one per chat request in arrival order."""
        with self._lock:
            self._script.extend(answers)

    @property
    def pending(self) -> int:
        """Scripted answers not consumed yet."""
        with self._lock:
            return len(self._script)

    # -- lifecycle -------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("LLMServer is not started")
        return self._httpd.server_address[1]

    def start(self) -> "LLMServer":
        if self._httpd is not None:
            raise RuntimeError("LLMServer already started")
        handler = type("Handler", (_Handler,), {"llm": self})
        self._httpd = _Server(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True  # a sleeping answer must not block stop()
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.01},
                                        name=f"llm-server-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()
        self._httpd = self._thread = None

    def __enter__(self) -> "LLMServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- answering (called from handler threads) -------------------------
    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _next(self, request: RecordedRequest) -> tuple[int, Answer | None]:
        """Number this chat request and resolve its answer (None after an error)."""
        with self._lock:
            self._served += 1
            number = self._served
            answer = self._script.popleft() if self._script else self.default
        if answer is None:
            return number, self._fail(f"request {number}: no scripted answer (strict mode)")
        if callable(answer):
            try:
                answer = answer(request)
            except Exception as exc:  # reported through server.errors, see module doc
                return number, self._fail(f"request {number}: answer function raised {exc!r}")
        if isinstance(answer, str):
            answer = Answer(text=answer)
        if not isinstance(answer, Answer):
            return number, self._fail(f"request {number}: answer is {type(answer).__name__}, "
                                      "not str or Answer")
        return number, answer

    def _fail(self, message: str) -> None:
        with self._lock:
            self.errors.append(message)
        return None


def _tool_call_json(call: ToolCall, number: int, index: int) -> dict:
    return {"id": call.id or f"call_{number}_{index}", "type": "function",
            "function": {"name": call.name, "arguments": json.dumps(call.arguments)}}


def _usage(answer: Answer, body: dict) -> dict:
    """Counted usage: completion = words of the text plus words of each tool
    call's JSON arguments; ``answer.usage`` overrides any entry."""
    prompt = prompt_tokens(body)
    completion = count_words(answer.text) + sum(
        count_words(json.dumps(c.arguments)) for c in answer.tool_calls)
    usage = {"prompt_tokens": prompt, "completion_tokens": completion,
             "total_tokens": prompt + completion}
    usage.update(answer.usage or {})
    return usage


def _finish_reason(answer: Answer) -> str:
    return answer.finish_reason or ("tool_calls" if answer.tool_calls else "stop")


def completion_json(answer: Answer, body: dict, number: int) -> dict:
    """The non-streamed ``chat.completion`` object for an answer."""
    content = answer.text if answer.text is not None else (None if answer.tool_calls else "")
    message: dict = {"role": "assistant", "content": content}
    if answer.tool_calls:
        message["tool_calls"] = [_tool_call_json(c, number, i)
                                 for i, c in enumerate(answer.tool_calls)]
    return {"id": f"chatcmpl-{number}", "object": "chat.completion", "created": CREATED,
            "model": body.get("model", ""),
            "choices": [{"index": 0, "message": message, "logprobs": None,
                         "finish_reason": _finish_reason(answer)}],
            "usage": _usage(answer, body)}


def stream_chunks(answer: Answer, body: dict, number: int) -> list[dict]:
    """The ``chat.completion.chunk`` objects of a streamed answer: role, text
    pieces, each tool call (name first, then its arguments in two pieces), the
    finish reason, and a usage chunk when ``stream_options.include_usage``."""
    def chunk(delta: dict, finish: str | None = None) -> dict:
        return {"id": f"chatcmpl-{number}", "object": "chat.completion.chunk",
                "created": CREATED, "model": body.get("model", ""),
                "choices": [{"index": 0, "delta": delta, "logprobs": None,
                             "finish_reason": finish}]}

    chunks = [chunk({"role": "assistant", "content": ""})]
    text = answer.text or ""
    pieces = answer.chunks if answer.chunks is not None else _words_with_space(text)
    chunks += [chunk({"content": piece}) for piece in pieces]
    for index, call in enumerate(answer.tool_calls):
        whole = _tool_call_json(call, number, index)
        arguments = whole["function"]["arguments"]
        half = len(arguments) // 2
        chunks.append(chunk({"tool_calls": [{
            "index": index, "id": whole["id"], "type": "function",
            "function": {"name": call.name, "arguments": ""}}]}))
        for part in (arguments[:half], arguments[half:]):
            chunks.append(chunk({"tool_calls": [{"index": index,
                                                 "function": {"arguments": part}}]}))
    chunks.append(chunk({}, _finish_reason(answer)))
    if (body.get("stream_options") or {}).get("include_usage"):
        chunks.append({"id": f"chatcmpl-{number}", "object": "chat.completion.chunk",
                       "created": CREATED, "model": body.get("model", ""), "choices": [],
                       "usage": _usage(answer, body)})
    return chunks


def error_json(status: int, message: str) -> dict:
    kind, code = _ERROR_KINDS.get(status, ("api_error", None))
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


class _Handler(BaseHTTPRequestHandler):
    """Speaks HTTP/1.0 (one request per connection): no chunked encoding needed
    for SSE, the stream simply ends when the connection closes."""

    llm: LLMServer  # set on the per-server subclass
    server_version = "llmspell-test-llm/1"

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        self.llm._record(RecordedRequest({}, "GET", self.path, self._headers()))
        if self.path.split("?")[0] in _MODEL_PATHS:
            data = [{"id": m, "object": "model", "created": CREATED, "owned_by": "llmspell-tests"}
                    for m in self.llm.models]
            self._send_json(200, {"object": "list", "data": data})
        else:
            self._send_json(404, error_json(404, f"no route GET {self.path}"))

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("content-length") or 0))
        try:
            body = json.loads(raw or b"{}")
            if not isinstance(body, dict):
                raise ValueError("body is not a JSON object")
        except ValueError as exc:
            self.llm._record(RecordedRequest({}, "POST", self.path, self._headers()))
            self._send_json(400, error_json(400, f"invalid JSON body: {exc}"))
            return
        request = RecordedRequest(body, "POST", self.path, self._headers())
        self.llm._record(request)
        if self.path.split("?")[0] not in _CHAT_PATHS:
            self._send_json(404, error_json(404, f"no route POST {self.path}"))
            return
        number, answer = self.llm._next(request)
        if answer is None:
            self._send_json(500, error_json(500, self.llm.errors[-1]))
            return
        self.llm._arrive()
        try:
            self._answer(number, answer, body)
        finally:
            self.llm._leave()

    def _answer(self, number: int, answer, body: dict) -> None:
        latency = self.llm.latency if answer.latency is None else answer.latency
        if latency > 0:
            time.sleep(latency)
        try:
            if answer.status != 200:
                error = answer.error_body
                if not isinstance(error, dict):
                    error = error_json(answer.status, error or f"scripted error {answer.status}")
                self._send_json(answer.status, error, answer.headers)
            elif body.get("stream"):
                self._send_stream(stream_chunks(answer, body, number), answer.headers)
            else:
                self._send_json(200, completion_json(answer, body, number), answer.headers)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout); nothing left to tell it

    def _headers(self) -> dict[str, str]:
        return {name.lower(): value for name, value in self.headers.items()}

    def _send_json(self, status: int, obj: dict, extra: dict | None = None) -> None:
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _send_stream(self, chunks: list[dict], extra: dict) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("cache-control", "no-cache")
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        for chunk in chunks:
            self.wfile.write(b"data: " + json.dumps(chunk).encode() + b"\n\n")
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()
