-- Summarise a text as JSON, and survive whatever the model answers.
-- The schema goes to llm.complete, which checks the answer (and asks again when
-- it does not match); a model that never gets it right, or a provider that
-- fails, is an error this spell catches. Offline by default ("scripted/rules");
--   llmspell run --arg model=openai/gpt-4o examples/summarize.lua
-- tests/unit/test_testing_api.py fuzzes it with llmspell.testing.
local inputs = ... or {}
local TEXT = inputs.text or "llmspell compiles Lua, JavaScript and Tengo spells to one IR and runs them on one VM."

local SCHEMA = {
    type = "object",
    properties = {
        title = {type = "string"},
        keywords = {type = "array", items = {type = "string"}},
    },
    required = {"title"},
}

local ok, answer = pcall(llm.complete, {
    model = inputs.model or "scripted/rules",
    system = 'Summarise the text as JSON: {"title": "...", "keywords": ["...", ...]}',
    prompt = TEXT,
    schema = SCHEMA,
    rules = {{when = "", reply = '{"title": "One IR, three languages", "keywords": ["lua", "javascript", "tengo"]}'}},
})
if not ok then
    print("no summary: " .. tostring(answer))
    return
end
print("title: " .. answer.data.title)
print("keywords: " .. table.concat(answer.data.keywords or {}, ", "))
