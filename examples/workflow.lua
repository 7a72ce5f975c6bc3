-- The seed's research workflow: search, summarize, save — offline.
-- Models are "scripted/rules" (answers written below); change MODEL for a real one.
-- Run:  llmspell run --allow-write=. --allow-tool=file_write examples/workflow.lua
local inputs = ... or {}
local MODEL = inputs.model or "scripted/rules"

local researcher = llm.agent({
    model = MODEL, api_base = inputs.api_base, system = "You research topics",
    rules = {{when = "Search", reply = "Qubits are fragile; error correction protects them."}},
})
local summarizer = llm.agent({
    model = MODEL, api_base = inputs.api_base, system = "You summarize",
    rules = {{when = "Summarize", reply = "Error correction makes qubits usable."}},
})

local wf = workflow.create({name = "research_workflow", type = "sequential"})
wf:addStep({name = "search", agent = researcher, prompt = "Search for information about {{topic}}"})
wf:addStep({name = "summarize", agent = summarizer, prompt = "Summarize the findings: {{search.output}}"})
wf:addStep({name = "save", tool = "file_write",
            params = {path = "research_{{topic}}.md", content = "{{summarize.output}}"}})

events.on("workflow.step.finished", function(e)
    print(string.format("step %-9s %s", e.data.step, e.data.status))
end)

local result = wf:run({topic = "qubits"})
print(result.status, result.steps.summarize.output)

-- the same agents in parallel: their model calls overlap
local both = workflow.create({name = "ask_both", type = "parallel"})
both:addStep({name = "r", agent = researcher, prompt = "Search qubits"})
both:addStep({name = "s", agent = summarizer, prompt = "Summarize qubits"})
local answers = both:run({}).output
print(#answers, answers[1], answers[2])
