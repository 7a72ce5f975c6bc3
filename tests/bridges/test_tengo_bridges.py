"""The bridges from Tengo: the seed's Tengo example against the local
OpenAI-compatible server (litellm over real HTTP), bridge failures as error
values, and the examples offline."""
import pathlib
import subprocess
import sys

import llmspell
from llm_server import Answer, ToolCall
from llmspell.sandbox.policy import Policy

ROOT = pathlib.Path(__file__).parent.parent.parent


def tengo(src, **policy):
    return llmspell.run(src, lang="tengo", name="spell.tengo", policy=Policy(**policy))


def test_seed_example_llm_complete_and_fmt_println(llm_server):
    """The seed's Tengo example, word for word but for the model."""
    llm_server.script("Quantum computers use qubits.")
    r = tengo(f"""
        fmt := import("fmt")
        response := llm.complete({{
            model: "openai/test-model", api_base: "{llm_server.url}",
            messages: [
                {{role: "user", content: "Explain quantum computing"}}
            ]
        }})
        fmt.println(response.content)
    """)
    assert r.output == "Quantum computers use qubits.\n"
    assert llm_server.requests[0]["messages"] == [{"role": "user", "content": "Explain quantum computing"}]


def test_a_bridge_failure_is_an_error_value():
    r = tengo("""
        fmt := import("fmt")
        r := llm.complete({model: "scripted/nope", prompt: "x"})
        fmt.println(is_error(r), " ", type_name(r))
        fmt.println(r.value)
        ok := tools.call("calculator", {expression: "2+3"})
        fmt.println(is_error(ok), " ", ok)
    """)
    lines = r.output.splitlines()
    assert lines[0] == "true error"
    assert lines[1].startswith("llm.complete: unknown offline model 'scripted/nope'")
    assert lines[2] == "false 5"


def test_state_events_and_script_callbacks():
    r = tengo("""
        fmt := import("fmt")
        st := state.create({persistence: "memory"})
        st.set("context", {topic: "quantum"})
        seen := []
        events.on("custom.*", func(e) { seen = append(seen, e.name) })
        events.emit("custom.milestone", {stage: "done"})
        fmt.println(st.get("context.topic"), " ", seen)
    """)
    assert r.output == 'quantum ["custom.milestone"]\n'


def test_agent_with_a_tengo_tool_against_the_server(llm_server):
    llm_server.script(Answer(tool_calls=[ToolCall("get_weather", {"location": "NYC"})]),
                      "It's 72°F and sunny in NYC.")
    p = subprocess.run([sys.executable, "-m", "llmspell", "run", "--arg", "model=openai/test-model",
                        "--arg", f"api_base={llm_server.url}", "examples/agent.tengo"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout == "agent: It's 72°F and sunny in NYC.\n"


def test_tengo_examples_offline():
    for name, expected in (("hello.tengo", "Hello, world!\n"),
                           ("agent.tengo", "agent: It's 72°F and sunny in NYC.\n")):
        p = subprocess.run([sys.executable, "-m", "llmspell", "run", f"examples/{name}"], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
        assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr
        assert p.stdout == expected
