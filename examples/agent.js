// An agent with a tool, offline: "scripted/rules" is a model whose answers are the
// rules below, so this spell runs with no API key. Point the model at a real one
// ("openai/gpt-4o", "anthropic/claude-3-5-sonnet-latest", "ollama/llama3") and the
// same spell talks to it; the rules are then ignored.
//   llmspell run --arg model=openai/gpt-4o examples/agent.js
const MODEL = args.model ?? "scripted/rules";

tools.register({
  name: "get_weather",
  description: "Get current weather for a location",
  parameters: { location: { type: "string", required: true } },
  handler: (params) => ({ temperature: 72, condition: "sunny", location: params.location }),
});

events.on("tool.*", (event) => console.log(`  [${event.name}] ${event.data.tool}`));

const agent = llm.agent({
  model: MODEL,
  api_base: args.api_base,
  tools: ["get_weather"],
  system: "You are a helpful assistant",
  rules: [
    { when: "weather", call: { name: "get_weather", arguments: { location: "NYC" } } },
    { when: "sunny", reply: "It's 72°F and sunny in NYC." },
  ],
});

const answer = await agent.run("What's the weather in NYC?");
console.log("agent: " + answer);
console.log("steps in the conversation: " + agent.history().length);
