// Summarise a text as JSON, and survive whatever the model answers.
// The schema goes to llm.complete, which checks the answer (and asks again when
// it does not match); a model that never gets it right, or a provider that
// fails, is an error this spell catches. Offline by default ("scripted/rules");
//   llmspell run --arg model=openai/gpt-4o examples/summarize.js
// tests/unit/test_testing_api.py fuzzes it with llmspell.testing.
const TEXT = args.text ?? "llmspell compiles Lua, JavaScript and Tengo spells to one IR and runs them on one VM.";

const SCHEMA = {
  type: "object",
  properties: {
    title: { type: "string" },
    keywords: { type: "array", items: { type: "string" } },
  },
  required: ["title"],
};

let answer;
try {
  answer = await llm.complete({
    model: args.model ?? "scripted/rules",
    system: 'Summarise the text as JSON: {"title": "...", "keywords": ["...", ...]}',
    prompt: TEXT,
    schema: SCHEMA,
    rules: [{ when: "", reply: '{"title": "One IR, three languages", "keywords": ["lua", "javascript", "tengo"]}' }],
  });
} catch (e) {
  console.log("no summary: " + e.message);
}
if (answer) {
  console.log("title: " + answer.data.title);
  console.log("keywords: " + (answer.data.keywords ?? []).join(", "));
}
