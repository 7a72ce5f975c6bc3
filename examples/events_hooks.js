// Events and hooks, as in the seed design, around an offline model.
events.on("llm.*", (event) => console.log("event: " + event.name));
events.on("custom.milestone", (event) =>
  console.log(`milestone: ${event.data.workflow} reached ${event.data.stage}`));

hooks.register({
  beforeGenerate: (ctx, request) => {
    request.temperature = 0.7;          // change the request before it is sent
    return request;
  },
  afterGenerate: (ctx, request, response) => {
    log.info("generated", { tokens: response.usage.total_tokens, temperature: request.temperature });
    return response;
  },
});

const response = await llm.complete({ model: "scripted/echo", prompt: "Explain quantum computing" });
console.log(response.content);

const memory = state.create({ persistence: "memory" });
memory.set("conversation_id", "abc123");
console.log("state:", memory.get("conversation_id"));
events.emit("custom.milestone", { workflow: "research", stage: "completed" });
