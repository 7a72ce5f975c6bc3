"""The scripted LLM server (tests/llm_server.py) as litellm sees it: every call
goes through ``litellm.completion`` over real HTTP on 127.0.0.1.

Expected token counts come from the server's documented rule (one token per
whitespace-separated word of message text); expected exception classes from
litellm's mapping of OpenAI status codes.
"""
import json
import socket
import threading
import urllib.error
import urllib.request

import litellm  # ~2 s: imported once for the module (conftest set its environment)
import pytest

from llm_server import CREATED, Answer, LLMServer, ToolCall

litellm.suppress_debug_info = True  # no "Provider List"/"Give Feedback" prints in test output

MODEL = "openai/test-model"
USER = [{"role": "user", "content": "hi there"}]
WEATHER_TOOL = {"type": "function", "function": {
    "name": "get_weather", "description": "Current weather of a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                   "required": ["city"]}}}


def complete(server, messages=USER, **kwargs):
    """One litellm call to the server; no SDK retries unless a test asks."""
    kwargs.setdefault("max_retries", 0)
    return litellm.completion(model=MODEL, api_base=server.url, api_key="test-key",
                              messages=messages, **kwargs)


def test_plain_text_answer_then_default_echo(llm_server):
    llm_server.script("Hello from the script")
    first = complete(llm_server)
    second = complete(llm_server, [{"role": "user", "content": "again please"}])
    assert first.choices[0].message.content == "Hello from the script"
    assert first.choices[0].finish_reason == "stop"
    assert second.choices[0].message.content == "echo: again please"
    assert (first.id, second.id) == ("chatcmpl-1", "chatcmpl-2")
    assert first.created == CREATED
    assert llm_server.pending == 0


def test_usage_counts_words_of_messages_and_answer(llm_server):
    llm_server.script("one two three", Answer(text="x", usage={"prompt_tokens": 100}))
    messages = [{"role": "system", "content": "be brief"},
                {"role": "user", "content": [{"type": "text", "text": "weather in Paris?"}]}]
    usage = complete(llm_server, messages).usage
    # prompt: "be brief" (2) + "weather in Paris?" (3); completion: 3 words
    assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == (5, 3, 8)
    overridden = complete(llm_server, messages).usage
    assert (overridden.prompt_tokens, overridden.completion_tokens) == (100, 1)


def test_tool_calls_are_parsed_by_litellm(llm_server):
    llm_server.script(Answer(tool_calls=[ToolCall("get_weather", {"city": "Paris"}),
                                         ToolCall("get_time", {"tz": "CET"}, id="call_fixed")]))
    response = complete(llm_server, tools=[WEATHER_TOOL], tool_choice="auto")
    choice = response.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.content is None
    calls = choice.message.tool_calls
    assert [(c.id, c.type, c.function.name, json.loads(c.function.arguments)) for c in calls] == [
        ("call_1_0", "function", "get_weather", {"city": "Paris"}),
        ("call_fixed", "function", "get_time", {"tz": "CET"})]


def post_raw(server, body):
    """POST a chat request without litellm, which would normalise what it reads."""
    request = urllib.request.Request(server.url + "/chat/completions", json.dumps(body).encode(),
                                     {"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as reply:
        return reply.read().decode()


def test_wire_format_of_tool_calls_and_stream(llm_server):
    """litellm turns finish_reason "stop" into "tool_calls" whenever tool calls
    are present, so the server's own finish reasons are checked on the wire."""
    call = Answer(tool_calls=[ToolCall("get_weather", {"city": "Paris"})])
    llm_server.script(call, call, Answer(text="cut", finish_reason="length"))
    body = {"model": "m", "messages": USER}
    choice = json.loads(post_raw(llm_server, body))["choices"][0]
    assert (choice["finish_reason"], choice["message"]["content"]) == ("tool_calls", None)
    events = post_raw(llm_server, dict(body, stream=True)).split("\n\n")
    assert events[-2:] == ["data: [DONE]", ""]
    chunks = [json.loads(e[len("data: "):]) for e in events[:-2]]
    assert {c["object"] for c in chunks} == {"chat.completion.chunk"}
    assert [c["choices"][0]["finish_reason"] for c in chunks][-1] == "tool_calls"
    assert complete(llm_server).choices[0].finish_reason == "length"


def test_function_answer_sees_the_request(llm_server):
    """A dynamic answer replies to the tool result the client sent back."""
    llm_server.script(Answer(tool_calls=[ToolCall("get_weather", {"city": "Paris"})]),
                      lambda request: f"It is {request['messages'][-1]['content']}.")
    first = complete(llm_server, tools=[WEATHER_TOOL])
    call = first.choices[0].message.tool_calls[0]
    messages = USER + [first.choices[0].message.model_dump(exclude_none=True),
                       {"role": "tool", "tool_call_id": call.id, "content": "sunny"}]
    second = complete(llm_server, messages, tools=[WEATHER_TOOL])
    assert second.choices[0].message.content == "It is sunny."
    sent = llm_server.requests[1]["messages"]
    assert sent[1]["tool_calls"][0]["id"] == call.id
    assert sent[2] == {"role": "tool", "tool_call_id": call.id, "content": "sunny"}


def test_streamed_text_arrives_in_chunks(llm_server):
    llm_server.script("Hello there big world", Answer(chunks=["He", "llo", " you"]))
    stream = list(complete(llm_server, stream=True))
    pieces = [c.choices[0].delta.content for c in stream if c.choices and c.choices[0].delta.content]
    assert pieces == ["Hello ", "there ", "big ", "world"]  # split by words
    assert [c.choices[0].finish_reason for c in stream if c.choices][-1] == "stop"
    given = list(complete(llm_server, stream=True, stream_options={"include_usage": True}))
    pieces = [c.choices[0].delta.content for c in given if c.choices and c.choices[0].delta.content]
    assert pieces == ["He", "llo", " you"]
    usage = given[-1].usage
    assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == (2, 2, 4)
    assert llm_server.requests[0]["stream"] is True
    assert llm_server.requests[1]["stream_options"] == {"include_usage": True}


def test_streamed_tool_calls_assemble(llm_server):
    llm_server.script(Answer(text="Let me check.",
                             tool_calls=[ToolCall("get_weather", {"city": "Paris"}),
                                         ToolCall("get_weather", {"city": "Oslo"})]))
    chunks = list(complete(llm_server, tools=[WEATHER_TOOL], stream=True))
    message = litellm.stream_chunk_builder(chunks, messages=USER).choices[0].message
    assert message.content == "Let me check."
    assert [(c.id, c.function.name, json.loads(c.function.arguments))
            for c in message.tool_calls] == [("call_1_0", "get_weather", {"city": "Paris"}),
                                             ("call_1_1", "get_weather", {"city": "Oslo"})]
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "tool_calls"


@pytest.mark.parametrize("status, error", [(429, litellm.RateLimitError),
                                           (500, litellm.InternalServerError),
                                           (503, litellm.ServiceUnavailableError),
                                           (400, litellm.BadRequestError)])
def test_error_status_raises_litellm_exception(llm_server, status, error):
    llm_server.script(Answer(status=status, error_body="scripted failure"))
    with pytest.raises(error) as raised:
        complete(llm_server)
    assert raised.value.status_code == status
    assert "scripted failure" in str(raised.value)
    assert len(llm_server.requests) == 1  # max_retries=0: no hidden retry


def test_error_then_success_with_retries(llm_server):
    """litellm hands num_retries to the openai SDK as max_retries; the SDK
    honours retry-after-ms, which keeps the backoff at 1 ms here."""
    fast_retry = {"retry-after-ms": "1"}
    llm_server.script(Answer(status=429, headers=fast_retry),
                      Answer(status=500, headers=fast_retry), "finally")
    response = complete(llm_server, num_retries=2)
    assert response.choices[0].message.content == "finally"
    assert [r.headers["x-stainless-retry-count"] for r in llm_server.requests] == ["0", "1", "2"]


def test_timeout_raises_litellm_timeout(llm_server):
    llm_server.script(Answer(text="too late", latency=1.0))
    with pytest.raises(litellm.Timeout):
        complete(llm_server, timeout=0.2)


def test_concurrent_requests_are_held_at_once(llm_server):
    llm_server.gather(10)                   # each answer waits until all ten are in flight
    answers = [None] * 10

    def ask(i):
        answers[i] = complete(llm_server, [{"role": "user", "content": f"n{i}"}])

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.choices[0].message.content for a in answers] == [f"echo: n{i}" for i in range(10)]
    assert llm_server.max_in_flight == 10


def test_a_client_that_does_not_overlap_is_seen(llm_server, monkeypatch):
    """``gather`` cannot hang a test: one request alone is let go after
    GATHER_WAIT, and ``max_in_flight`` tells what happened."""
    import llm_server as module
    monkeypatch.setattr(module, "GATHER_WAIT", 0.2)
    llm_server.gather(3)
    for i in range(2):
        assert complete(llm_server, [{"role": "user", "content": f"n{i}"}]).choices[0].message.content == f"echo: n{i}"
    assert llm_server.max_in_flight == 1


def test_requests_are_recorded(llm_server):
    complete(llm_server, [{"role": "system", "content": "be brief"}] + USER,
             temperature=0.25, max_tokens=7, tools=[WEATHER_TOOL],
             response_format={"type": "json_object"}, seed=3, stop=["END"])
    (request,) = llm_server.requests
    assert (request.method, request.path) == ("POST", "/v1/chat/completions")
    assert request.headers["authorization"] == "Bearer test-key"
    assert request.headers["content-type"] == "application/json"
    assert request == {"model": "test-model",
                       "messages": [{"role": "system", "content": "be brief"}] + USER,
                       "temperature": 0.25, "max_tokens": 7, "tools": [WEATHER_TOOL],
                       "response_format": {"type": "json_object"}, "seed": 3, "stop": ["END"]}


def test_models_listing_and_unknown_route(llm_server):
    with urllib.request.urlopen(llm_server.url + "/models", timeout=5) as reply:
        listing = json.load(reply)
    assert [m["id"] for m in listing["data"]] == ["test-model"]
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(llm_server.url + "/embeddings", data=b"{}", timeout=5)
    assert raised.value.code == 404
    assert json.load(raised.value)["error"]["type"] == "invalid_request_error"


def test_strict_mode_and_failing_answer_function_are_reported():
    def broken(request):
        raise KeyError("oops")

    with LLMServer(default=None) as server:
        server.script(broken)
        for _ in range(2):  # the broken function, then nothing left to answer
            with pytest.raises(litellm.InternalServerError):
                complete(server)
    assert len(server.errors) == 2
    assert "KeyError('oops')" in server.errors[0]
    assert "no scripted answer" in server.errors[1]


def test_reset_forgets_script_requests_and_settings(llm_server):
    llm_server.script("used", "unused")
    complete(llm_server)
    llm_server.latency = 5.0
    llm_server.reset()
    assert (llm_server.pending, llm_server.requests, llm_server.latency) == (0, [], 0.0)
    again = complete(llm_server)
    assert (again.id, again.choices[0].message.content) == ("chatcmpl-1", "echo: hi there")


def test_network_guard_allows_only_loopback():
    """conftest's audit hook: a test that would reach a real provider fails."""
    with pytest.raises(ConnectionRefusedError, match="test network guard"):
        socket.create_connection(("192.0.2.1", 443), timeout=1)  # TEST-NET-1
    with pytest.raises(socket.gaierror, match="test network guard"):
        socket.getaddrinfo("api.openai.com", 443)
