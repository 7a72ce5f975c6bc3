"""llmspell.testing: answers and tool results injected into offline runs, and the
fuzzing story the README tells — hypothesis finds a spell that indexes a field
the model did not return, and the fixed example survives any answer."""
import json
import pathlib
import re

import pytest
from hypothesis import given, settings, strategies as st

from llmspell.errors import LimitExceeded, ScriptError
from llmspell.sandbox.policy import DEFAULT_GRANTS, Policy
from llmspell.testing import (Answer, ToolFailure, inputs, json_answers, llm_answers, run_spell,
                              tool_results)

ROOT = pathlib.Path(__file__).parent.parent.parent
FUZZ = settings(max_examples=40, deadline=None, database=None, derandomize=True)

SCHEMA = {"type": "object", "required": ["title"],
          "properties": {"title": {"type": "string"}, "keywords": {"type": "array", "items": {"type": "string"}}}}

# the naive spell: valid JSON is guaranteed by the schema, but "keywords" is optional
NAIVE = {
    "lua": """
local answer = llm.complete({model = "openai/gpt-4o-mini", schema = SCHEMA,
                             prompt = "Summarise as JSON (title, keywords): " .. (... or {}).text})
print(answer.data.title .. ": " .. table.concat(answer.data.keywords, ", "))
""".replace("SCHEMA", "{type = 'object', required = {'title'}, properties = {title = {type = 'string'}, "
                      "keywords = {type = 'array', items = {type = 'string'}}}}"),
    "javascript": f"""
const answer = await llm.complete({{model: "openai/gpt-4o-mini", schema: {json.dumps(SCHEMA)},
                                   prompt: "Summarise as JSON (title, keywords): " + args.text}});
console.log(answer.data.title + ": " + answer.data.keywords.join(", "));
""",
}
CRASH = {"lua": "bad argument #1 to 'concat'", "javascript": "Cannot read properties of undefined"}


@pytest.mark.parametrize("lang", ["lua", "javascript"])
def test_fuzzing_finds_the_field_the_model_did_not_return(lang):
    failing = []

    @FUZZ
    @given(json_answers(SCHEMA), inputs(text=st.text(max_size=20)))
    def never_crashes(answer, spell_inputs):
        run = run_spell(NAIVE[lang], lang, answers=[answer], inputs=spell_inputs)
        if run.error is not None:
            failing.append(answer)
        assert run.error is None, str(run.error)

    with pytest.raises(AssertionError, match=CRASH[lang]):
        never_crashes()
    # the last failing run is hypothesis replaying the shrunk example: a valid answer without keywords
    assert json.loads(failing[-1].content) == {"title": ""}


@pytest.mark.parametrize("spell", [str(ROOT / "examples/summarize.lua"), str(ROOT / "examples/summarize.js")])
def test_the_fixed_example_survives_any_answer(spell):
    @FUZZ
    @given(st.lists(llm_answers(schema=SCHEMA), min_size=3, max_size=3), inputs(text=st.text(max_size=20)))
    def never_crashes(answers, spell_inputs):
        run = run_spell(spell, answers=answers, inputs=spell_inputs)
        assert run.error is None, str(run.error)
        assert run.output.startswith(("title: ", "no summary: "))

    never_crashes()


def test_answers_reach_the_spell_as_a_model_would_give_them():
    run = run_spell(ROOT / "examples/summarize.lua", answers=['{"title": "T", "keywords": ["a", "b"]}'])
    assert (run.error, run.output) == (None, "title: T\nkeywords: a, b\n")
    assert [e["call"] for e in run.journal] == ["llm.complete"]
    assert run.tokens > 0 and run.instructions > 0


def test_a_module_in_another_language_answers_from_the_same_injections(tmp_path):
    """A Lua spell whose model call sits in a JavaScript module: the injected
    answers reach the module, and its call is in the run's journal."""
    (tmp_path / "ask.js").write_text(
        'export async function ask(q) {\n'
        '  const r = await llm.complete({model: "scripted/rules", prompt: q});\n'
        '  return r.content;\n}\n')
    (tmp_path / "main.lua").write_text('local m = require("ask")\nprint("answer: " .. m.ask("why?"))\n')

    @settings(max_examples=15, deadline=None)
    @given(llm_answers())
    def any_answer(answer):
        run = run_spell(tmp_path / "main.lua", answers=[answer])
        assert [e["call"] for e in run.journal] == ["llm.complete"]
        if isinstance(answer, Answer) and answer.error:      # the module's rejection, raised in the Lua spell
            assert isinstance(run.error, ScriptError) and answer.error.split(":")[0] in run.error.message
        else:
            assert run.error is None, str(run.error)
            assert run.output == "answer: " + run.journal[0]["result"]["content"] + "\n"
    any_answer()


def test_a_mismatch_is_asked_again_and_a_provider_error_is_the_spells_to_handle():
    run = run_spell(ROOT / "examples/summarize.lua", answers=["not json", '{"title": "second try"}'])
    assert run.output.startswith("title: second try\n")
    run = run_spell(ROOT / "examples/summarize.js", answers=[Answer(error="RateLimitError: slow down")])
    assert run.output == "no summary: llm.complete: scripted/rules: RateLimitError: slow down\n"


def test_an_agent_runs_on_injected_tool_calls():
    answers = [Answer(tool_calls=(("get_weather", '{"location": "Paris"}'),)), "Sunny in Paris."]
    run = run_spell(ROOT / "examples/agent.lua", answers=answers)
    assert run.error is None
    assert "agent: Sunny in Paris." in run.output
    assert "[tool.executed] get_weather" in run.output


def test_whatever_the_model_says_an_agent_ends_cleanly():
    @FUZZ
    @given(st.lists(llm_answers(tools={"get_weather": {"type": "object", "required": ["location"],
                                                       "properties": {"location": {"type": "string"}}}}),
                    min_size=1, max_size=4))
    def clean(answers):
        run = run_spell(ROOT / "examples/agent.js", answers=answers)
        assert run.error is None or type(run.error) is ScriptError, repr(run.error)

    clean()


def test_a_spell_error_is_returned_with_what_happened_before_it():
    run = run_spell(NAIVE["lua"], "lua", answers=['{"title": "x"}'], inputs={"text": "t"})
    assert isinstance(run.error, ScriptError) and "concat" in str(run.error)
    assert [e["call"] for e in run.journal] == ["llm.complete"] and run.tokens > 0


def test_running_out_of_answers_is_a_clear_error():
    run = run_spell('llm.complete({model = "scripted/echo", prompt = "hi"})', answers=[])
    assert "model call #1 has no answer (0 given to run_spell)" in str(run.error)


def test_tool_results_replace_the_world_but_not_the_policy():
    spell = 'print(tools.file_read("/data/in.txt"))'
    reading = Policy(grants=DEFAULT_GRANTS + ("read:/data",))
    assert run_spell(spell, tool_results=["injected text"], policy=reading).output == "injected text\n"
    failed = run_spell(spell, tool_results=[ToolFailure("no such file")], policy=reading)
    assert "no such file" in str(failed.error)
    denied = run_spell(spell, tool_results=["injected text"])
    assert "--allow-read" in str(denied.error)


def test_fuzzed_tool_results_and_inputs_end_cleanly():
    spell = """
local ok, text = pcall(tools.file_read, "/data/" .. ((... or {}).name or "x"))
print(ok and type(text) or "failed")
"""
    reading = Policy(grants=DEFAULT_GRANTS + ("read:/data",))

    @FUZZ
    @given(tool_results(), inputs())
    def clean(result, spell_inputs):
        run = run_spell(spell, tool_results=[result], inputs=spell_inputs, policy=reading)
        assert run.error is None, str(run.error)

    clean()


def test_limits_bound_a_fuzzed_run():
    run = run_spell("while true do end", limits={"max_instructions": 1000})
    assert isinstance(run.error, LimitExceeded)


def test_streaming_gets_the_whole_answer():
    spell = 'llm.complete({model = "scripted/echo", prompt = "p", on_token = function(t) io.write("<", t, ">") end})'
    assert run_spell(spell, answers=["a b"]).output == "<a b>"


def test_the_readme_example(monkeypatch):
    section = (ROOT / "README.md").read_text().split("## Testing spells with `llmspell.testing`", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    code = code.replace("@settings(deadline=None", "@settings(deadline=None, database=None, derandomize=True")
    namespace: dict = {}
    exec(compile(code, "<README example>", "exec"), namespace)
    monkeypatch.chdir(ROOT)
    with pytest.raises(AssertionError, match="bad argument #1 to 'concat'"):
        namespace["test_naive_spell"]()
    namespace["test_example_spell"]()
