// Invalid JSON throws SyntaxError; the messages are exactly node's.
const bad = [
  "",
  " ",
  "{",
  "}",
  "[1, 2",
  "[1, 2,]",
  '{"a": 1,}',
  "{a: 1}",
  "{'a': 1}",
  '{"a" 1}',
  '{"a": 01}',
  "1.",
  ".5",
  "+1",
  "NaN",
  "undefined",
  "'single'",
  '"unterminated',
  '"bad \\x escape"',
  '"tab\there"',
  "tru",
  "nul",
  "[1] [2]",
  '{"a": 1} x',
  "0x10",
];
for (const text of bad) {
  try {
    JSON.parse(text);
    console.log(JSON.stringify(text), "parsed?!");
  } catch (e) {
    console.log(JSON.stringify(text).padEnd(20), e.name + ": " + e.message);
  }
}
console.log(JSON.parse("  [ ]  "), JSON.parse("1e5"), JSON.parse("-0.5e-2"), JSON.parse('"\\u0041"'));
