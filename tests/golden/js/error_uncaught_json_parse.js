// An uncaught SyntaxError from JSON.parse ends the program; its message is node's.
const inputs = [
  '{"name": "ok", "n": 1}',
  "[1, 2, 3]",
  '"just a string"',
  "{'single': 'quotes'}",
  "null",
];
function load(text) {
  const value = JSON.parse(text);
  return typeof value + " " + JSON.stringify(value);
}
let index = 0;
for (const text of inputs) {
  index++;
  console.log(index, "parsing", text);
  console.log(index, "->", load(text));
}
console.log("parsed everything");
const summary = { count: inputs.length };
console.log(summary);
console.log("end of program");
