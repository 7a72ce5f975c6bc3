-- An agent with a tool, offline: "scripted/rules" is a model whose answers are the
-- rules below, so this spell runs with no API key. Point MODEL at a real model
-- ("openai/gpt-4o", "anthropic/claude-3-5-sonnet-latest", "ollama/llama3") and the
-- same spell talks to it; the rules are then ignored.
--   llmspell run --arg model=openai/gpt-4o examples/agent.lua
local inputs = ... or {}
local MODEL = inputs.model or "scripted/rules"

tools.register({
    name = "get_weather",
    description = "Get current weather for a location",
    parameters = {
        location = {type = "string", required = true}
    },
    handler = function(params)
        return {temperature = 72, condition = "sunny", location = params.location}
    end
})

events.on("tool.*", function(event)
    print(string.format("  [%s] %s", event.name, event.data.tool))
end)

local agent = llm.agent({
    model = MODEL,
    api_base = inputs.api_base,
    tools = {"get_weather"},
    system = "You are a helpful assistant",
    rules = {
        {when = "weather", call = {name = "get_weather", arguments = {location = "NYC"}}},
        {when = "sunny", reply = "It's 72°F and sunny in NYC."},
    },
})

local answer = agent:run("What's the weather in NYC?")
print("agent: " .. answer)
print("steps in the conversation: " .. #agent:history())
