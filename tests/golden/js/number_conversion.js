// Number(x) / unary + : whole-string conversion with whitespace trimming and 0x/0b/0o prefixes.
const strings = [
  "", " ", "\n\t", "0", "-0", "+5", "12", " 12 ", "1.5", ".5", "5.", "1e3", "1E-2", "-1e-7",
  "0x1f", "0X1F", "-0x1f", "0b101", "0o17", "017", "1_000", "12px", "Infinity", "-Infinity",
  "infinity", "NaN", "1e1000", "\u00a012\u2003", "0.0000001", "123456789012345678901",
];
for (const s of strings) {
  const n = Number(s);
  console.log(JSON.stringify(s).padEnd(24), Object.is(n, -0) ? "-0" : String(n));
}
const others = [
  ["null", null], ["undefined", undefined], ["true", true], ["false", false], ["[]", []],
  ["[5]", [5]], ["[1,2]", [1, 2]], ['[" 7 "]', [" 7 "]], ["[[3]]", [[3]]], ["{}", {}],
  ["date0", new Date(0)], ["valueOf", { valueOf: () => "42" }],
];
for (const [label, v] of others) {
  console.log(label.padEnd(24), Number(v), +v);
}
try { Number(Symbol("s")); } catch (e) { console.log(e.name, e.message); }
console.log(Number(), Number(undefined), typeof Number("1"), typeof new Number("1"), new Number("7") + 1);
