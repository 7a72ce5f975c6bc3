-- The seed's research assistant, offline. Its model is "scripted/rules": the rules
-- below stand in for a real model so the spell runs without an API key; set
-- MODEL to "openai/gpt-4o" (or any litellm model string) to use a real one.
-- Run:  llmspell run --allow-write=. --allow-tool=file_write examples/research.lua
local inputs = ... or {}
local MODEL = inputs.model or "scripted/rules"

tools.register({
    name = "web_search",
    description = "Search the web and return short findings",
    parameters = {query = {type = "string", required = true}},
    handler = function(params)
        return "Findings for " .. params.query .. ": error-corrected logical qubits; faster decoders."
    end,
})

local researcher = llm.agent({
    model = MODEL,
    api_base = inputs.api_base,
    tools = {"web_search", "file_write"},
    system = "You are a helpful research assistant",
    rules = {
        {when = "Research", call = {name = "web_search", arguments = {query = "quantum computing breakthroughs 2025"}}},
        {when = "Findings", reply = "Summary: 2025 brought error-corrected logical qubits and faster decoders."},
    },
})

local topic = "quantum computing breakthroughs 2025"
local research = researcher:run("Research " .. topic .. " and summarize findings")
print(research)
local saved = tools.file_write("research_summary.md", research)
print("saved " .. saved.bytes .. " bytes")
