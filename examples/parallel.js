// Several model calls in flight at once: each llm.complete returns a promise at
// once, and Promise.all waits for all of them; the waits overlap like parallel
// workflow steps, yet the output is in the order of the array, never of arrival.
//   llmspell run --arg model=openai/gpt-4o examples/parallel.js
const MODEL = args.model ?? "scripted/reverse";
const topics = ["qubits", "decoders", "error correction"];

const answers = await Promise.all(topics.map((topic) =>
  llm.complete({ model: MODEL, api_base: args.api_base, prompt: topic })));

answers.forEach((response, i) => console.log(`${topics[i]}: ${response.content}`));

try {
  await llm.complete({ model: "scripted/unknown", prompt: "x" });
} catch (e) {
  console.log("caught:", e.message);
}
