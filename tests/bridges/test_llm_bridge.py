"""llm.complete and agents, through litellm over real HTTP to the local
scripted server.  Expected values follow the server's script (what the "model"
says) and the bridge's documented semantics."""
import json

import pytest

import llmspell
from llm_server import Answer, ToolCall
from llmspell.sandbox.policy import Limits, Policy


def spell(server, body, **policy):
    src = f'local BASE = "{server.url}"\nlocal MODEL = "openai/test-model"\n' + body
    return llmspell.run(src, name="spell.lua", policy=Policy(**policy))


def test_complete_sends_system_then_prompt_and_returns_usage(llm_server):
    llm_server.script("Quantum computers use qubits.")
    r = spell(llm_server, """
local resp = llm.complete{model = MODEL, api_base = BASE, system = "be brief",
                          prompt = "Explain quantum computing", temperature = 0.2, max_tokens = 50}
print(resp.content)
print(resp.usage.prompt_tokens, resp.usage.completion_tokens, resp.usage.total_tokens, resp.finish_reason)
""")
    assert r.output.splitlines()[0] == "Quantum computers use qubits."
    # the server counts words: "be brief" + "Explain quantum computing" = 5; the answer has 4
    assert r.output.splitlines()[1] == "5\t4\t9\tstop"
    sent = llm_server.requests[0]
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]
    assert sent["temperature"] == 0.2 and sent["max_tokens"] == 50
    assert r.tokens == 9
    assert [e["call"] for e in r.journal] == ["llm.complete"]


def test_messages_form_as_in_the_seed(llm_server):
    r = spell(llm_server, """
local response = llm.complete({model = MODEL, api_base = BASE,
    messages = {{role = "user", content = "Explain quantum computing"}}})
print(response.content)
""")
    assert r.output == "echo: Explain quantum computing\n"


def test_streaming_calls_on_token_with_each_piece(llm_server):
    llm_server.script(Answer(chunks=["Hello", ", ", "world"]))
    r = spell(llm_server, """
local pieces = {}
local resp = llm.complete{model = MODEL, api_base = BASE, prompt = "hi",
                          on_token = function(t) pieces[#pieces + 1] = t end}
print(table.concat(pieces, "|"), resp.content)
""")
    assert r.output == "Hello|, |world\tHello, world\n"


def test_structured_output_retries_with_the_validation_error(llm_server):
    llm_server.script("not json at all", json.dumps({"name": "Ada"}), json.dumps({"name": "Ada", "age": 36}))
    r = spell(llm_server, """
local resp = llm.complete{model = MODEL, api_base = BASE, prompt = "who?",
    schema = {type = "object", properties = {name = {type = "string"}, age = {type = "integer"}},
              required = {"name", "age"}}}
print(resp.data.name, resp.data.age)
""")
    assert r.output == "Ada\t36\n"
    assert len(llm_server.requests) == 3
    feedback = llm_server.requests[2]["messages"][-1]["content"]
    assert "'age' is a required property" in feedback


def test_structured_output_gives_up_with_a_clear_error(llm_server):
    llm_server.script("nope", "still nope")
    with pytest.raises(llmspell.ScriptError) as info:
        spell(llm_server, 'llm.complete{model = MODEL, api_base = BASE, prompt = "x", schema_retries = 1,\n'
                          '  schema = {type = "object"}}')
    assert "does not match the schema after 2 attempt(s)" in info.value.message
    assert info.value.span.line == 3


@pytest.fixture(autouse=True)
def quick_backoff(monkeypatch):
    from llmspell.bridges import providers
    monkeypatch.setattr(providers, "BACKOFF", 0.01)


def test_rate_limit_is_retried_then_succeeds(llm_server):
    llm_server.script(Answer(status=429, error_body="slow down"), "finally")
    r = spell(llm_server, 'print(llm.complete{model = MODEL, api_base = BASE, prompt = "x"}.content)')
    assert r.output == "finally\n"


def test_persistent_server_error_is_a_clear_script_error(llm_server):
    llm_server.script(*[Answer(status=500, error_body="boom")] * 3)
    with pytest.raises(llmspell.ScriptError) as info:
        spell(llm_server, 'llm.complete{model = MODEL, api_base = BASE, prompt = "x"}')
    assert info.value.message.startswith("llm.complete: ")
    assert "after 3 attempts" in info.value.message
    assert len(llm_server.requests) == 3        # exactly our three attempts, no hidden retries


def test_token_budget_is_a_limit(llm_server):
    llm_server.script("one two three four five six")
    with pytest.raises(llmspell.LimitExceeded) as info:
        spell(llm_server, 'llm.complete{model = MODEL, api_base = BASE, prompt = "x"}',
              limits=Limits(max_tokens=5))
    assert info.value.limit == "LLM tokens"


def test_agent_runs_the_tools_the_model_asks_for(llm_server):
    llm_server.script(
        Answer(tool_calls=[ToolCall("get_weather", {"location": "NYC"})]),
        lambda body: "It is " + json.loads(body["messages"][-1]["content"])["condition"] + " in NYC.")
    r = spell(llm_server, """
tools.register({
    name = "get_weather",
    description = "Get current weather for a location",
    parameters = {location = {type = "string", required = true}},
    handler = function(params) return {temperature = 72, condition = "sunny", where = params.location} end
})
local agent = llm.agent({model = MODEL, api_base = BASE, tools = {"get_weather"}, system = "You are helpful"})
print(agent:run("What's the weather in NYC?"))
print(#agent:history())
""")
    assert r.output == "It is sunny in NYC.\n5\n"
    first = llm_server.requests[0]
    assert first["tools"][0]["function"]["name"] == "get_weather"
    assert first["tools"][0]["function"]["parameters"]["required"] == ["location"]
    tool_msg = llm_server.requests[1]["messages"][-1]
    assert tool_msg["role"] == "tool" and json.loads(tool_msg["content"])["where"] == "NYC"


def test_tool_failures_are_answers_the_model_sees(llm_server):
    llm_server.script(
        Answer(tool_calls=[ToolCall("get_weather", {})]),                  # missing a required argument
        Answer(tool_calls=[ToolCall("nonexistent", {"x": 1})]),
        Answer(tool_calls=[ToolCall("get_weather", {"location": "Oslo"})]),  # the handler raises
        "I could not find out.")
    r = spell(llm_server, """
tools.register{name = "get_weather", parameters = {location = {type = "string", required = true}},
               handler = function(p) error("weather service down") end}
local agent = llm.agent{model = MODEL, api_base = BASE, tools = {"get_weather"}}
print(agent:run("weather?"))
""")
    assert r.output == "I could not find out.\n"
    answers = [req["messages"][-1]["content"] for req in llm_server.requests[1:]]
    assert "'location' is a required property" in answers[0]
    assert "no tool named 'nonexistent'" in answers[1]
    assert "weather service down" in answers[2]


def test_agent_stops_at_max_steps(llm_server):
    llm_server.script(*[Answer(tool_calls=[ToolCall("t", {})])] * 3)
    with pytest.raises(llmspell.ScriptError) as info:
        spell(llm_server, 'tools.register{name = "t", handler = function() return 1 end}\n'
                          'llm.agent{model = MODEL, api_base = BASE, tools = {"t"}, max_steps = 3}:run("go")')
    assert "no final answer within max_steps = 3" in info.value.message


def test_sub_agent_as_a_tool(llm_server):
    llm_server.script(Answer(tool_calls=[ToolCall("summarizer", {"prompt": "summarize this"})]),
                      "short summary",                      # the sub-agent's answer
                      lambda body: "boss got: " + body["messages"][-1]["content"])
    r = spell(llm_server, """
local summarizer = llm.agent{model = MODEL, api_base = BASE, name = "summarizer"}
local boss = llm.agent{model = MODEL, api_base = BASE, tools = {summarizer}}
print(boss:run("delegate"))
""")
    assert r.output == "boss got: short summary\n"


def test_hooks_change_requests_and_can_cancel_tool_calls(llm_server):
    r = spell(llm_server, """
hooks.register({
    beforeGenerate = function(ctx, request) request.temperature = 0.7 return request end,
    beforeToolCall = function(ctx, tool, input)
        if input.path:match("^/etc/") then error("Cannot write to system directories", 0) end
    end,
})
llm.complete{model = MODEL, api_base = BASE, prompt = "x"}
tools.register{name = "save", parameters = {path = {type = "string"}}, handler = function() return "saved" end}
print(pcall(tools.save, "/etc/passwd"))
print(tools.save("/tmp/ok"))
""")
    assert llm_server.requests[0]["temperature"] == 0.7
    assert r.output == "false\tCannot write to system directories\nsaved\n"


def test_record_then_replay_offline_gives_identical_runs(tmp_path):
    from llm_server import LLMServer
    cassette = str(tmp_path / "cassette.json")
    with LLMServer() as server:
        server.script(Answer(tool_calls=[ToolCall("lookup", {"q": "x"})]), "the answer is 42")
        src = (f'local agent = llm.agent{{model = "openai/test-model", api_base = "{server.url}", tools = {{"lookup"}}}}\n'
               'tools.register{name = "lookup", handler = function(a) return "found " .. a.q end}\n'
               'print(agent:run("question"))\n')
        program = llmspell.compile(src, "lua", "spell.lua")
        recorded = program.run(record=cassette)
    # the server is gone: the replay cannot reach any model
    replayed = program.run(replay=cassette)
    assert replayed.output == recorded.output == "the answer is 42\n"
    assert replayed.journal == recorded.journal
    assert replayed.instructions == recorded.instructions
    changed = llmspell.compile(src.replace("question", "another question"), "lua", "spell.lua")
    with pytest.raises(llmspell.ScriptError, match="differs from the recording"):
        changed.run(replay=cassette)


def test_destructive_and_confirmation_tools_need_an_explicit_grant():
    src = ('tools.register{name = "wipe", destructive = true, handler = function() return "wiped" end}\n'
           'tools.register{name = "pay", requires_confirmation = true, handler = function() return "paid" end}\n'
           'print(pcall(tools.wipe)) print(pcall(tools.pay))')
    denied = llmspell.run(src).output.splitlines()
    toml = "under [permissions] in llmspell.toml"
    assert denied == ["false\ttools.wipe: permission denied: needs destructive:wipe "
                      f'(grant it with --allow-tool=wipe, or tool = ["wipe"] {toml})',
                      "false\ttools.pay: permission denied: needs destructive:pay "
                      f'(grant it with --allow-tool=pay, or tool = ["pay"] {toml})']
    from llmspell.sandbox.policy import DEFAULT_GRANTS
    granted = llmspell.run(src, policy=Policy(grants=DEFAULT_GRANTS + ("destructive:wipe", "destructive:pay")))
    assert granted.output == "true\twiped\ntrue\tpaid\n"


def test_the_run_timeout_bounds_a_slow_model(llm_server):
    llm_server.script(Answer(text="late", latency=3.0), *[Answer(text="late", latency=3.0)] * 3)
    import time
    start = time.monotonic()
    with pytest.raises(llmspell.LimitExceeded) as info:
        spell(llm_server, 'llm.complete{model = MODEL, api_base = BASE, prompt = "x"}', limits=Limits(timeout=0.5))
    assert info.value.limit == "timeout"
    assert time.monotonic() - start < 2.5       # not the model's 3 s, let alone its retries
