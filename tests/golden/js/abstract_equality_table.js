// The full == table over representative values ("1" = equal, "." = not equal),
// followed by the === table for the same values.
const values = [
  ["undef", undefined], ["null", null], ["true", true], ["false", false],
  ["0", 0], ["-0", -0], ["1", 1], ["NaN", NaN], ["Inf", Infinity],
  ['""', ""], ['"0"', "0"], ['"1"', "1"], ['" "', " "], ['"a"', "a"], ['"1e0"', "1e0"],
  ["[]", []], ["[0]", [0]], ["[1]", [1]], ["[[]]", [[]]], ["{}", {}],
  ["valueOf1", { valueOf() { return 1; } }], ["toStr0", { toString() { return "0"; } }],
];
const width = 11;
const header = " ".repeat(width) + values.map((_, i) => String(i % 10)).join("");
function table(op) {
  console.log(header);
  values.forEach(([name, a], i) => {
    const row = values.map(([, b]) => (op(a, b) ? "1" : ".")).join("");
    console.log(`${String(i % 10)} ${name.padEnd(width - 2)}${row}`);
  });
}
console.log("==");
table((a, b) => a == b);
console.log("===");
table((a, b) => a === b);
console.log("!= is the negation of ==:", values.every(([, a]) => values.every(([, b]) => (a != b) === !(a == b))));
console.log("== is symmetric:", values.every(([, a]) => values.every(([, b]) => (a == b) === (b == a))));
