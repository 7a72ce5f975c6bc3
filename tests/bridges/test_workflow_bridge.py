"""The ``workflow`` bridge, driven through real Lua spells.

Agents talk to the scripted OpenAI-compatible server (``llm_server``) over real
HTTP, or to the offline ``scripted/*`` models.  Expected values come from the
bridge's documented semantics (the module docstring of bridges/workflow.py and
the seed API): step kinds, templates, the four workflow types, retry /
on_error / fallback, timeouts, events, and overlapping parallel waits.
"""
import textwrap
import time

import pytest
from llm_server import Answer
from llmspell.bridges import workflow as workflow_bridge  # noqa: F401  (registers the workflow intrinsics)
from llmspell.bridges.workflow import template_refs
from llmspell.sandbox.policy import Limits, Policy

import llmspell


def spell(src, server=None, **policy):
    """Run *src* (BASE and MODEL point at *server*); return the RunResult."""
    head = f'local BASE = "{server.url}"\nlocal MODEL = "openai/test-model"\n' if server else ""
    return llmspell.run(head + textwrap.dedent(src), name="spell.lua", policy=Policy(**policy))


def values(src, server=None, **policy):
    return spell(src, server, **policy).values


def error_of(src, server=None, **policy):
    """The message of the script error *src* ends with, as the script sees it ("file:line: " first)."""
    with pytest.raises(llmspell.ScriptError) as info:
        spell(src, server, **policy)
    return info.value.lua_message


@pytest.fixture(autouse=True)
def quick_provider_backoff(monkeypatch):
    from llmspell.bridges import providers
    monkeypatch.setattr(providers, "BACKOFF", 0.01)


# -- sequential, the seed example --------------------------------------------------------------

def test_seed_research_workflow(llm_server):
    llm_server.script("Qubits exploit superposition.", "Short: qubits.")
    r = spell("""
        local saved = {}
        tools.register{name = "save_note", parameters = {path = {type = "string", required = true},
                                                         content = {type = "string", required = true}},
                       handler = function(p) saved[#saved + 1] = p.path .. "=" .. p.content; return "saved " .. p.path end}
        local researcher = llm.agent{model = MODEL, api_base = BASE, system = "You research."}
        local summarizer = llm.agent{model = MODEL, api_base = BASE}
        local wf = workflow.create({name = "research_workflow", type = "sequential"})
        wf:addStep({name = "search", agent = researcher, prompt = "Search for information about {{topic}}"})
        wf:addStep({name = "summarize", agent = summarizer, prompt = "Summarize the findings: {{search.output}}"})
        wf:addStep({name = "save", tool = "save_note",
                    params = {path = "research_{{topic}}.md", content = "{{summarize.output}}"}})
        wf:addStep({name = "shout", fn = function(inputs, results)
            return string.upper(results.summarize.output) .. " " .. inputs.topic end})
        local result = wf:run({topic = "quantum computing"})
        print(result.workflow, result.status, result.output)
        for name, step in pairs(result.steps) do print(name, step.status, step.output) end
        print(saved[1])
        print(table.concat(wf:steps(), ","), #researcher:history())
    """, llm_server)
    assert r.output.splitlines() == [
        "research_workflow\tok\tSHORT: QUBITS. quantum computing",
        "search\tok\tQubits exploit superposition.",
        "summarize\tok\tShort: qubits.",
        "save\tok\tsaved research_quantum computing.md",
        "shout\tok\tSHORT: QUBITS. quantum computing",
        "research_quantum computing.md=Short: qubits.",
        "search,summarize,save,shout\t0",     # the step worked on a copy of the conversation
    ]
    first, second = llm_server.requests
    assert first["messages"] == [{"role": "system", "content": "You research."},
                                 {"role": "user", "content": "Search for information about quantum computing"}]
    assert second["messages"][-1]["content"] == "Summarize the findings: Qubits exploit superposition."
    # the run is one journal entry: its steps' requests and tool calls are inside it
    assert [e["call"] for e in r.journal] == ["tools.register", "llm.agent", "llm.agent", "workflow.create"] + [
        "workflow.addStep"] * 4 + ["workflow.run", "workflow.steps", "agent.history"]


def test_steps_given_at_create_and_chained_add_step():
    assert values("""
        local wf = workflow.create{name = "w", steps = {
            {name = "a", fn = function() return 1 end},
            {name = "b", fn = function(i, r) return r.a.output + 1 end}}}
        wf:addStep{name = "c", fn = function(i, r) return r.b.output * 10 end}
          :addStep{name = "d", fn = function(i, r) return r.c.output + 1 end}
        local r = wf:run()
        return r.output, table.concat(wf:steps(), " ")
    """) == [21, "a b c d"]


def test_llm_step_fills_prompt_and_system(llm_server):
    llm_server.script("a haiku")
    r = spell("""
        local wf = workflow.create{}
        wf:addStep{name = "poem", llm = {model = MODEL, api_base = BASE, system = "You write {{form}}s.",
                                          prompt = "Write about {{topic}}", temperature = 0.5}}
        print(wf:run{topic = "rain", form = "haiku"}.output)
    """, llm_server)
    assert r.output == "a haiku\n"
    sent = llm_server.requests[0]
    assert sent["messages"] == [{"role": "system", "content": "You write haikus."},
                                {"role": "user", "content": "Write about rain"}]
    assert sent["temperature"] == 0.5


# -- templates ---------------------------------------------------------------------------------

def test_template_refs_is_a_pure_scan():
    assert template_refs("{{a.output}} and {{ topic }} {{b.output.x.1}}") == ["a.output", "topic", "b.output.x.1"]
    assert template_refs("{{ }} {{a b}} {single} {{1x}} plain") == []


def test_template_values_fields_json_and_plain_text():
    # documented: strings as they are, tables as JSON, other values as tostring prints them
    out = values("""
        local wf = workflow.create{}
        wf:addStep{name = "data", fn = function() return {user = {name = "Ada", tags = {"x", "y"}}, n = 3, f = 0.5} end}
        wf:addStep{name = "say", llm = {model = "scripted/echo", prompt =
            "{{data.output.user.name}}|{{data.output.user.tags.2}}|{{data.output.user.tags}}|{{data.output.n}}|"
            .. "{{data.output.f}}|{{data.status}}|{{flag}}|{{count}}"}}
        return wf:run{flag = true, count = 7}.output
    """)
    assert out == ['echo: Ada|y|["x", "y"]|3|0.5|ok|true|7']


def test_params_whole_template_passes_the_value_itself():
    assert values("""
        tools.register{name = "size", parameters = {items = {type = "array"}, label = {type = "string"}},
                       handler = function(p) return p.label .. ":" .. #p.items end}
        local wf = workflow.create{}
        wf:addStep{name = "list", fn = function() return {"a", "b", "c"} end}
        wf:addStep{name = "count", tool = "size", params = {items = "{{list.output}}", label = "n={{list.status}}"}}
        return wf:run().output
    """) == ["n=ok:3"]


def test_unknown_name_is_an_error_before_anything_runs(llm_server):
    msg = error_of("""
        local ran = false
        local a = llm.agent{model = MODEL, api_base = BASE}
        local wf = workflow.create{name = "w"}
        wf:addStep{name = "first", fn = function() ran = true end}
        wf:addStep{name = "ask", agent = a, prompt = "About {{topc}}"}
        local ok, e = pcall(wf.run, wf, {topic = "x"})
        assert(not ran)
        error(e, 0)
    """, llm_server)
    # raised through pcall, so without a position (as luaL_error's level 1 under pcall in Lua)
    assert msg == ("workflow.run: workflow 'w', step 'ask': template '{{topc}}': "
                   "unknown name 'topc' (inputs: topic; steps it can use: first)")
    assert llm_server.requests == []


@pytest.mark.parametrize("wtype, steps, problem", [
    ("sequential", ['{name = "a", llm = {model = "scripted/echo", prompt = "{{b.output}}"}}',
                    '{name = "b", fn = function() end}'],
     "step 'a': template '{{b.output}}': step 'b' does not run before step 'a'"),
    ("sequential", ['{name = "a", llm = {model = "scripted/echo", prompt = "{{a.output}}"}}'],
     "step 'a': template '{{a.output}}': step 'a' cannot use its own result"),
    ("parallel", ['{name = "a", fn = function() end}',
                  '{name = "b", llm = {model = "scripted/echo", prompt = "{{a.output}}"}}'],
     "step 'b': template '{{a.output}}': parallel steps cannot use each other's outputs"),
])
def test_steps_that_cannot_see_a_result(wtype, steps, problem):
    msg = error_of(f'workflow.create{{name = "w", type = "{wtype}", steps = {{{", ".join(steps)}}}}}:run()')
    assert msg.endswith(f"workflow.run: workflow 'w', {problem}")


def test_missing_field_fails_the_step_naming_template_and_step():
    msg = error_of("""
        local wf = workflow.create{name = "w"}
        wf:addStep{name = "data", fn = function() return {a = {b = 1}} end}
        wf:addStep{name = "use", llm = {model = "scripted/echo", prompt = "{{data.output.a.c}}"}}
        wf:run()
    """)
    assert msg.endswith("workflow.run: workflow 'w', step 'use': template '{{data.output.a.c}}': "
                        "data.output.a has no field 'c' (it is a table)")
    msg = error_of("""
        local wf = workflow.create{name = "w"}
        wf:addStep{name = "data", fn = function() return "text" end}
        wf:addStep{name = "use", llm = {model = "scripted/echo", prompt = "{{data}}"}}
        wf:run()
    """)
    assert "template '{{data}}': a step's output, status or error expected, as in '{{data.output}}'" in msg


# -- declaring steps ----------------------------------------------------------------------------

@pytest.mark.parametrize("step, expected", [
    ('{name = "x"}', "bad argument 'step' (step 'x' needs one of the fields agent, llm, tool, fn, workflow)"),
    ('{name = "x", fn = function() end, tool = "t"}',
     "bad argument 'fn' (step 'x' has both 'tool' and 'fn': one kind per step)"),
    ('{name = "a", fn = function() end}', "bad argument 'name' (workflow 'w' already has a step named 'a')"),
    ('{name = "x", tool = "lookp"}', "bad argument 'tool' (no tool named 'lookp' (did you mean 'lookup'?))"),
    ('{name = "x", agent = st}', "bad argument 'agent' (agent expected, got state)"),
    ('{name = "x", agent = llm.agent{model = "scripted/echo"}}',
     "bad argument 'prompt' (an agent step needs a prompt)"),
    ('{name = "x", tool = "lookup", prompt = "hi"}', "bad argument 'prompt' (only agent steps take prompt)"),
    ('{name = "x", fn = function() end, promt = "hi"}', "bad argument 'step' (unknown field 'promt')"),
    ('{name = "x", fn = function() end, timeout = 1}',
     "bad argument 'timeout' (timeout applies to agent, llm and tool steps)"),
    ('{name = "x", fn = function() end, on_error = "continue", fallback = 1}',
     "bad argument 'fallback' (a fallback needs on_error = 'fallback', not 'continue')"),
    ('{name = "x", fn = function() end, on_error = "fallback"}',
     "bad argument 'fallback' (on_error = 'fallback' needs a fallback value or function)"),
    ('{name = "x", fn = function() end, on_error = "ignore"}',
     "bad argument 'on_error' (one of 'fail', 'continue', 'fallback' expected, got 'ignore')"),
    ('{name = "x", fn = function() end, retry = {attempts = 0}}',
     "bad argument 'retry.attempts' (at least 1 expected)"),
    ('{name = "two words", fn = function() end}',
     "bad argument 'name' ('two words' is not a step name: letters, digits, _ and - expected)"),
    ('{name = "iteration", fn = function() end}',
     "bad argument 'name' ('iteration' is reserved for loops' {{iteration}})"),
    ('{name = "x", workflow = wf}',
     "bad argument 'workflow' (workflow 'w' contains workflow 'w': a workflow cannot run itself)"),
])
def test_bad_steps_are_refused_at_add_step(step, expected):
    msg = error_of(f"""
        tools.register{{name = "lookup", handler = function() end}}
        local st = state.create()
        local wf = workflow.create{{name = "w"}}
        wf:addStep{{name = "a", fn = function() end}}
        wf:addStep({step})
    """)
    assert msg == f"spell.lua:6: workflow.addStep: {expected}"


def test_bad_steps_in_create_name_their_position():
    msg = error_of('workflow.create{steps = {{name = "a", fn = print}, {name = "b"}}}')
    assert msg.endswith("workflow.create: bad argument 'steps[2]' "
                        "(step 'b' needs one of the fields agent, llm, tool, fn, workflow)")
    msg = error_of('workflow.create{steps = {{name = "a", fn = print, retry = {attempts = "3"}}}}')
    assert msg.endswith("workflow.create: bad argument 'steps[1].retry.attempts' (integer expected, got string)")


def test_cycles_through_nesting_are_refused():
    msg = error_of("""
        local outer, inner = workflow.create{name = "outer"}, workflow.create{name = "inner"}
        outer:addStep{name = "sub", workflow = inner}
        inner:addStep{name = "back", workflow = outer}
    """)
    assert msg.endswith("bad argument 'workflow' (workflow 'outer' contains workflow 'inner': "
                        "a workflow cannot run itself)")


@pytest.mark.parametrize("spec, expected", [
    ('{type = "sequential", merge = "first"}', "bad argument 'merge' (only parallel workflows take merge)"),
    ('{type = "parallel", count = 2}', "bad argument 'count' (only loop workflows take count)"),
    ('{type = "loop"}', "bad argument 'spec' (a loop needs exactly one of count, while, until)"),
    ('{type = "parallel", max_concurrency = 0}', "bad argument 'max_concurrency' (at least 1 expected)"),
    ('{type = "conditional", steps = {}}',
     "bad argument 'steps' (a conditional workflow's steps live in its branches)"),
    ('{type = "dag"}',
     "bad argument 'type' (one of 'sequential', 'parallel', 'conditional', 'loop' expected, got 'dag')"),
])
def test_bad_workflow_specs(spec, expected):
    assert error_of(f"workflow.create({spec})") == f"spell.lua:1: workflow.create: {expected}"


# -- parallel -------------------------------------------------------------------------------

def test_parallel_outputs_in_declaration_order_and_merge_first():
    assert values("""
        local function wf(merge)
            local w = workflow.create{type = "parallel", merge = merge}
            w:addStep{name = "a", fn = function() error("no a") end, on_error = "continue"}
            w:addStep{name = "b", llm = {model = "scripted/reverse", prompt = "{{word}}"}}
            w:addStep{name = "c", fn = function(inputs) return inputs.word .. "!" end}
            return w:run{word = "abc"}
        end
        local all, first = wf(), wf("first")
        return all.output, first.output, all.status, all.steps.a.status, all.steps.a.error
    """) == [["cba", "abc!"], "cba", "error", "error", "spell.lua:4: no a"]


def test_parallel_failure_fails_the_run_in_declaration_order():
    msg = error_of("""
        local w = workflow.create{name = "p", type = "parallel"}
        w:addStep{name = "a", fn = function() return 1 end}
        w:addStep{name = "b", fn = function() error("b broke", 0) end}
        w:addStep{name = "c", fn = function() error("c broke", 0) end}
        w:run()
    """)
    assert msg.endswith("workflow.run: workflow 'p', step 'b': b broke")


def test_ten_parallel_agent_steps_overlap_their_waits(llm_server):
    # litellm's import and first request (~2.5 s of lazy set-up) stay outside the timed runs
    spell('llm.complete{model = MODEL, api_base = BASE, prompt = "warm up"}', llm_server)
    src = """
        local seen = {}
        events.on("workflow.step.*", function(e) seen[#seen + 1] = e.data.step .. ":" .. e.name:sub(15) end)
        local agent = llm.agent{model = MODEL, api_base = BASE, system = "Be brief."}
        local wf = workflow.create{name = "fanout", type = "parallel"}
        for i = 1, 10 do wf:addStep{name = "s" .. i, agent = agent, prompt = "topic " .. i} end
        local r = wf:run()
        print(table.concat(r.output, "|"))
        print(table.concat(seen, " "))
        print(#agent:history())
    """
    runs = []
    for _ in range(2):
        llm_server.reset()
        llm_server.gather(10)               # each answer waits until all ten steps are in flight
        runs.append(spell(src, llm_server))
        assert llm_server.max_in_flight == 10, "the waits did not overlap"
    first, second = runs
    lines = first.output.splitlines()
    assert lines[0] == "|".join(f"echo: topic {i}" for i in range(1, 11))
    # every step starts before any waits are over; they finish in declaration order
    assert lines[1] == " ".join([f"s{i}:started" for i in range(1, 11)] + [f"s{i}:finished" for i in range(1, 11)])
    assert lines[2] == "0"
    assert second.output == first.output
    assert second.journal == first.journal
    assert second.instructions == first.instructions
    # each step had its own copy of the conversation: system + its own prompt only (the last run's requests)
    assert sorted(len(req["messages"]) for req in llm_server.requests) == [2] * 10


def test_max_concurrency_limits_steps_in_flight(llm_server):
    llm_server.latency = 0.1
    r = spell("""
        local wf = workflow.create{type = "parallel", max_concurrency = 2}
        local log = {}
        events.on("workflow.step.*", function(e) log[#log + 1] = e.data.step .. e.name:sub(15, 15) end)
        for i = 1, 4 do wf:addStep{name = "s" .. i, llm = {model = MODEL, api_base = BASE, prompt = "p" .. i}} end
        print(table.concat(wf:run().output, ","))
        print(table.concat(log, " "))
    """, llm_server)
    out = r.output.splitlines()
    assert out[0] == "echo: p1,echo: p2,echo: p3,echo: p4"
    # two in flight: s3 starts only once s1 is done (documented: at most max_concurrency in flight)
    assert out[1] == "s1s s2s s1f s3s s2f s4s s3f s4f"


# -- conditional ----------------------------------------------------------------------------

def test_conditional_runs_the_first_true_branch_or_default():
    src = """
        local wf = workflow.create{name = "route", type = "conditional", branches = {
            {condition = function(inputs) return inputs.kind == "bug" end,
             steps = {{name = "triage", fn = function(i) return "triage " .. i.text end},
                      {name = "reply", llm = {model = "scripted/echo", prompt = "{{triage.output}}"}}}},
            {condition = function(inputs) return inputs.kind == "question" end,
             steps = {{name = "answer", fn = function(i) return "answer " .. i.text end}}},
            default = {{name = "ignore", fn = function() return "ignored" end}}}}
        local out = {}
        for _, kind in ipairs({"bug", "question", "spam"}) do
            local r = wf:run{kind = kind, text = "t"}
            local names = {}
            for name in pairs(r.steps) do names[#names + 1] = name end
            out[#out + 1] = tostring(r.branch) .. ":" .. r.output .. ":" .. table.concat(names, ",")
        end
        out[#out + 1] = table.concat(wf:steps(), ",")
        return table.concat(out, " | ")
    """
    assert values(src) == [("1:echo: triage t:triage,reply | 2:answer t:answer | default:ignored:ignore"
                            " | triage,reply,answer,ignore")]


def test_conditional_without_a_match_runs_nothing():
    assert values("""
        local wf = workflow.create{type = "conditional", branches = {
            {condition = function() return false end, steps = {{name = "a", fn = function() return 1 end}}}}}
        local r = wf:run()
        return r.branch, r.output, next(r.steps), r.status
    """) == [None, None, None, "ok"]


def test_conditional_has_no_add_step():
    assert error_of('workflow.create{type = "conditional"}:addStep{name = "a", fn = print}').endswith(
        "workflow.addStep: a conditional workflow's steps live in its branches (workflow.create{branches = ...})")


# -- loop -------------------------------------------------------------------------------------

def test_loop_count_iteration_and_results_carried_over():
    assert values("""
        local wf = workflow.create{type = "loop", count = 3}
        wf:addStep{name = "draft", fn = function(inputs, results)
            local before = results.review and results.review.output or inputs.start
            return before .. "+" end}
        wf:addStep{name = "review", llm = {model = "scripted/echo", prompt = "{{iteration}}:{{draft.output}}"}}
        local r = wf:run{start = "x"}
        return r.output, r.iterations, r.steps.draft.output
    """) == ["echo: 3:echo: 2:echo: 1:x+++", 3, "echo: 2:echo: 1:x+++"]


def test_loop_while_and_until():
    assert values("""
        local n = 0
        local step = {name = "inc", fn = function() n = n + 1 return n end}
        local w = workflow.create{type = "loop", ["while"] = function(inputs, results, i)
            return i <= inputs.limit end, steps = {step}}
        local r1 = w:run{limit = 4}
        local u = workflow.create{type = "loop", ["until"] = function(inputs, results, i)
            return results.inc.output >= 10 end, steps = {step}}
        local r2 = u:run()
        local z = workflow.create{type = "loop", count = 0, steps = {step}}:run()
        return r1.iterations, r1.output, r2.iterations, r2.output, z.iterations, z.output
    """) == [4, 4, 6, 10, 0, None]


@pytest.mark.parametrize("predicate", ['["while"] = function() return true end',
                                       '["until"] = function() return false end'])
def test_loop_max_iterations(predicate):
    msg = error_of(f"""
        local n = 0
        local w = workflow.create{{name = "forever", type = "loop", max_iterations = 5, {predicate},
                                   steps = {{{{name = "s", fn = function() n = n + 1 end}}}}}}
        local ok, e = pcall(w.run, w)
        error(e .. " after " .. n, 0)
    """)
    assert msg == "workflow.run: loop 'forever' still running after max_iterations = 5 after 5"


# -- nesting ---------------------------------------------------------------------------------

def test_nested_workflows_get_the_inputs_or_their_own():
    assert values("""
        local inner = workflow.create{name = "inner"}
        inner:addStep{name = "greet", fn = function(inputs) return "hi " .. inputs.who end}
        local outer = workflow.create{name = "outer"}
        outer:addStep{name = "same", workflow = inner}
        outer:addStep{name = "name", fn = function() return {first = "Bo"} end}
        outer:addStep{name = "other", workflow = inner, inputs = {who = "{{name.output.first}}"}}
        local r = outer:run{who = "Al"}
        return r.steps.same.output, r.output, r.steps.other.steps.greet.status
    """) == ["hi Al", "hi Bo", "ok"]


def test_nested_status_and_failures_propagate():
    msg = error_of("""
        local inner = workflow.create{name = "inner"}
        inner:addStep{name = "boom", fn = function() error("kaput", 0) end}
        local outer = workflow.create{name = "outer"}
        outer:addStep{name = "sub", workflow = inner}
        outer:run()
    """)
    assert msg.endswith("workflow.run: workflow 'outer', step 'sub': workflow 'inner', step 'boom': kaput")
    assert values("""
        local inner = workflow.create{name = "inner"}
        inner:addStep{name = "boom", fn = function() error("kaput", 0) end, on_error = "continue"}
        inner:addStep{name = "after", fn = function() return "went on" end}
        local outer = workflow.create{name = "outer"}
        outer:addStep{name = "sub", workflow = inner}
        local r = outer:run()
        return r.status, r.steps.sub.status, r.steps.sub.error, r.output
    """) == ["error", "error", "kaput", "went on"]


def test_nesting_depth_is_bounded():
    msg = error_of("""
        local wf = workflow.create{name = "w0"}
        wf:addStep{name = "leaf", fn = function() return "leaf" end}
        for i = 1, 40 do
            local outer = workflow.create{name = "w" .. i}
            outer:addStep{name = "sub", workflow = wf}
            wf = outer
        end
        wf:run()
    """)
    assert msg.endswith("workflows nested more than 32 deep")
    assert "workflow 'w40', step 'sub': workflow 'w39', step 'sub'" in msg


# -- retry, on_error, fallback ---------------------------------------------------------------

def test_retry_until_success():
    assert values("""
        local tries = 0
        local wf = workflow.create{}
        wf:addStep{name = "flaky", retry = {attempts = 3, backoff = 0}, fn = function()
            tries = tries + 1
            if tries < 3 then error("try " .. tries, 0) end
            return "made it"
        end}
        return wf:run().output, tries
    """) == ["made it", 3]


def test_retry_exhausted_then_each_error_policy():
    assert values("""
        local tries = 0
        local function failing() tries = tries + 1 error({code = tries}) end
        local wf = workflow.create{}
        wf:addStep{name = "c", fn = failing, retry = {attempts = 2}, on_error = "continue"}
        wf:addStep{name = "v", fn = failing, fallback = "plan B"}
        wf:addStep{name = "f", fn = failing, on_error = "fallback",
                   fallback = function(inputs, results, err) return results.v.output .. "/" .. inputs.x end}
        local r = wf:run{x = "y"}
        return tries, r.steps.c.status, r.steps.c.error:match("^table"), r.steps.v.status, r.steps.v.output,
               r.output, r.status
    """) == [4, "error", "table", "fallback", "plan B", "plan B/y", "error"]


def test_on_error_fail_is_a_catchable_script_error():
    assert values("""
        local wf = workflow.create{name = "w"}
        wf:addStep{name = "bad", fn = function() error("nope") end}
        return pcall(wf.run, wf)
    """) == [False, "workflow.run: workflow 'w', step 'bad': spell.lua:3: nope"]


def test_agent_step_failure_and_retry_against_the_server(llm_server):
    llm_server.script(Answer(status=400, error_body="bad request"), "fine")
    r = spell("""
        local a = llm.agent{model = MODEL, api_base = BASE}
        local wf = workflow.create{}
        wf:addStep{name = "ask", agent = a, prompt = "q", retry = {attempts = 2}}
        print(wf:run().output)
    """, llm_server)
    assert r.output == "fine\n"
    assert len(llm_server.requests) == 2


def test_failed_steps_restore_the_call_depth():
    # 300 failures raised three calls deep, under a depth limit of 50: a leak of
    # the depth counter per failure would end the spell
    assert values("""
        local function deep(n) if n == 0 then error("down") end return deep(n - 1) + 0 end
        local wf = workflow.create{type = "loop", count = 300}
        wf:addStep{name = "d", fn = function() deep(3) end, on_error = "continue"}
        local r = wf:run()
        return r.iterations, r.steps.d.status
    """, limits=Limits(max_depth=50)) == [300, "error"]


def test_limits_are_never_step_failures():
    with pytest.raises(llmspell.LimitExceeded) as info:
        spell("""
            local wf = workflow.create{}
            wf:addStep{name = "spin", fn = function() while true do end end, on_error = "continue"}
            wf:run()
        """, limits=Limits(max_instructions=100_000))
    assert info.value.limit == "instructions"


# -- timeouts --------------------------------------------------------------------------------

def test_step_timeout_is_the_request_timeout(llm_server):
    llm_server.latency = 1.0
    start = time.monotonic()
    r = spell("""
        local a = llm.agent{model = MODEL, api_base = BASE}
        local wf = workflow.create{}
        wf:addStep{name = "slow", agent = a, prompt = "q", timeout = 0.2, on_error = "continue"}
        local r = wf:run()
        print(r.steps.slow.status, r.steps.slow.error)
    """, llm_server)
    status, error = r.output.rstrip("\n").split("\t", 1)
    assert status == "error" and "Timeout" in error
    assert time.monotonic() - start < 2.0      # three 0.2 s attempts, not three 1 s answers


def test_tool_step_timeout_is_passed_to_tools_that_take_one():
    assert values("""
        tools.register{name = "fetch", parameters = {url = {type = "string"}, timeout = {type = "number"}},
                       handler = function(p) return p.url .. " in " .. tostring(p.timeout) end}
        local wf = workflow.create{}
        wf:addStep{name = "a", tool = "fetch", params = {url = "u"}, timeout = 2.5}
        wf:addStep{name = "b", tool = "fetch", params = {url = "v", timeout = 9}, timeout = 2.5}
        wf:addStep{name = "c", tool = "fetch", params = {url = "w"}}
        local r = wf:run()
        return r.steps.a.output, r.steps.b.output, r.steps.c.output
    """) == ["u in 2.5", "v in 9", "w in nil"]


# -- events ------------------------------------------------------------------------------------

def test_events_of_a_run():
    out = values("""
        local log = {}
        events.on("workflow.*", function(e)
            local d = e.data
            log[#log + 1] = table.concat({e.name, d.workflow, d.step or d.type or "", d.status or "",
                                          tostring(d.attempts or ""), d.error or ""}, " ")
        end)
        local wf = workflow.create{name = "w"}
        wf:addStep{name = "a", fn = function() return 1 end}
        wf:addStep{name = "b", fn = function() error("x", 0) end, retry = {attempts = 2}, on_error = "continue"}
        wf:run()
        return table.concat(log, "\\n")
    """)[0].split("\n")
    assert out == [
        "workflow.started w sequential   ",
        "workflow.step.started w a   ",
        "workflow.step.finished w a ok 1 ",
        "workflow.step.started w b   ",
        "workflow.step.finished w b error 2 x",
        "workflow.finished w  error  ",
    ]


def test_loop_events_carry_the_iteration():
    assert values("""
        local seen = {}
        events.on("workflow.step.started", function(e) seen[#seen + 1] = e.data.iteration end)
        workflow.create{type = "loop", count = 3, steps = {{name = "s", fn = function() end}}}:run()
        return table.concat(seen, ",")
    """) == ["1,2,3"]


def test_reference_lists_the_workflow_api():
    from llmspell.bridges.registry import reference_markdown
    text = reference_markdown()
    assert "- `workflow.create({name?, type?, steps?," in text
    assert "- `workflow:addStep({name, agent?, prompt?, llm?, tool?, params?, fn?," in text
    assert "- `workflow:steps()`" in text
    assert "- `workflow:run(inputs?)` — waits" in text
