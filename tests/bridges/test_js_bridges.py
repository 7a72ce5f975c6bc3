"""The bridges from JavaScript: the seed's JavaScript examples against the local
OpenAI-compatible server (litellm over real HTTP), promises over waiting
bridges, Promise.all overlapping model waits, bridge failures as catchable
errors, and the same intrinsics as Lua (journal entries are identical)."""
import pathlib
import subprocess
import sys
import time

import llmspell
from llm_server import Answer, ToolCall
from llmspell.sandbox.policy import Policy

ROOT = pathlib.Path(__file__).parent.parent.parent


def js(src, server=None, **policy):
    prelude = ""
    if server is not None:
        prelude = f'const MODEL = "openai/test-model"; const BASE = "{server.url}";\n'
    return llmspell.run(prelude + src, lang="javascript", name="spell.js", policy=Policy(**policy))


def test_seed_example_await_llm_complete(llm_server):
    """The seed's JavaScript example, word for word but for the model."""
    llm_server.script("Quantum computers use qubits.")
    r = js("""
        const response = await llm.complete({
            model: MODEL, api_base: BASE,
            messages: [
                {role: "user", content: "Explain quantum computing"}
            ]
        });
        console.log(response.content);
    """, llm_server)
    assert r.output == "Quantum computers use qubits.\n"
    assert llm_server.requests[0]["messages"] == [{"role": "user", "content": "Explain quantum computing"}]


def test_seed_state_and_events_examples():
    r = js("""
        const st = state.create({persistence: "memory"});
        st.set("conversation_id", "abc123");
        st.set("context", {user: "John", topic: "quantum computing", messages: []});
        st.set("context.topic", "quantum physics");
        const seen = [];
        events.on("custom.milestone", (event) => seen.push(`${event.data.workflow}:${event.data.stage}`));
        events.emit("custom.milestone", {workflow: "research", stage: "completed", duration: 45.2});
        console.log(st.get("context.topic"), st.get("context").user, seen.join(","));
    """)
    assert r.output == "quantum physics John research:completed\n"


def test_a_waiting_bridge_returns_a_promise_and_await_gives_its_result():
    r = js("""
        const p = llm.complete({model: "scripted/reverse", prompt: "abc"});
        console.log(p instanceof Promise, (await p).content);
        p.then((x) => console.log("then:", x.content));
    """)
    assert r.output == "true cba\nthen: cba\n"


def test_promise_all_over_model_calls_overlaps_their_waits(llm_server):
    # litellm's import and first request stay outside the timed run
    js('await llm.complete({model: MODEL, api_base: BASE, prompt: "warm up"});', llm_server)
    src = """
        const topics = Array.from({length: 10}, (_, i) => `topic ${i}`);
        const answers = await Promise.all(topics.map((t) => llm.complete({model: MODEL, api_base: BASE, prompt: t})));
        console.log(answers.map((a) => a.content).join("|"));
    """
    runs = []
    for _ in range(2):
        llm_server.reset()
        llm_server.gather(10)               # each answer waits until all ten calls are in flight
        runs.append(js(src, llm_server))
        assert llm_server.max_in_flight == 10, "the waits did not overlap"
    assert runs[0].output == "|".join(f"echo: topic {i}" for i in range(10)) + "\n"
    # deterministic whatever the network did: same output, same instruction count
    assert runs[0].output == runs[1].output and runs[0].instructions == runs[1].instructions


def test_async_functions_overlap_their_model_waits(llm_server):
    js('await llm.complete({model: MODEL, api_base: BASE, prompt: "warm up"});', llm_server)
    llm_server.reset()
    llm_server.latency = 0.2
    start = time.monotonic()
    r = js("""
        async function ask(topic) {
            const r = await llm.complete({model: MODEL, api_base: BASE, prompt: topic});
            return topic + "=" + r.content.length;
        }
        console.log((await Promise.all(["a", "bb", "ccc", "dddd", "eeeee"].map(ask))).join(" "));
    """, llm_server)
    assert time.monotonic() - start < 0.9
    assert r.output == "a=7 bb=8 ccc=9 dddd=10 eeeee=11\n"


def test_bridge_failures_are_catchable_errors():
    r = js("""
        try {
            await llm.complete({model: "scripted/nope", prompt: "x"});
        } catch (e) {
            console.log(e instanceof Error, e.message.startsWith("llm.complete: unknown offline model"));
        }
        try {
            tools.call("no_such_tool", {});
        } catch (e) {
            console.log(e.name, e.message.includes("no_such_tool"));
        }
    """)
    assert r.output == "true true\nError true\n"


def test_an_uncaught_bridge_failure_names_the_spell_position():
    try:
        js('const x = 1;\nawait llm.complete({model: "scripted/nope", prompt: "x"});')
    except llmspell.ScriptError as e:
        assert e.span.line == 2
        assert "unknown offline model" in e.message
    else:
        raise AssertionError("the failure was not reported")


def test_workflow_conditions_use_javascript_truthiness():
    r = js("""
        const wf = workflow.create({name: "c", type: "conditional", branches: [
            {condition: (inputs) => inputs.n, steps: [{name: "a", fn: () => "n is truthy"}]},
        ], default: [{name: "b", fn: () => "n is falsy"}]});
        console.log((await wf.run({n: 0})).output, "|", (await wf.run({n: 2})).output);
    """)
    assert r.output == "n is falsy | n is truthy\n"


def test_agent_with_a_javascript_tool_against_the_server(llm_server):
    llm_server.script(Answer(tool_calls=[ToolCall("get_weather", {"location": "NYC"})]),
                      "It's 72°F and sunny in NYC.")
    p = subprocess.run([sys.executable, "-m", "llmspell", "run", "--arg", "model=openai/test-model",
                        "--arg", f"api_base={llm_server.url}", "examples/agent.js"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert "agent: It's 72°F and sunny in NYC." in p.stdout
    assert llm_server.requests[0]["tools"][0]["function"]["name"] == "get_weather"


def test_javascript_examples_offline():
    def run(name):
        p = subprocess.run([sys.executable, "-m", "llmspell", "run", f"examples/{name}"], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
        assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr
        return p.stdout.splitlines()
    assert run("hello.js") == ["Hello, world!"]
    assert run("agent.js") == ["  [tool.called] get_weather", "  [tool.executed] get_weather",
                               "agent: It's 72°F and sunny in NYC.", "steps in the conversation: 5"]
    assert run("parallel.js")[:3] == ["qubits: stibuq", "decoders: sredoced", "error correction: noitcerroc rorre"]
    assert run("events_hooks.js") == ["event: llm.request", "event: llm.response", "echo: Explain quantum computing",
                                      "state: abc123", "milestone: research reached completed"]


def test_the_same_spell_in_lua_and_javascript_journals_the_same_calls():
    lua = llmspell.run('local r = llm.complete({model = "scripted/echo", prompt = "hi"})\n'
                       'tools.call("calculator", {expression = "2+3"})', name="p.lua")
    jsr = js('const r = await llm.complete({model: "scripted/echo", prompt: "hi"});\n'
             'tools.call("calculator", {expression: "2+3"});')
    strip = [{k: v for k, v in e.items() if k != "fuel"} for e in lua.journal]
    assert [{k: v for k, v in e.items() if k != "fuel"} for e in jsr.journal] == strip
