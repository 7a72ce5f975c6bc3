// Binary + concatenates as soon as either primitive operand is a string.
const samples = [
  ["1", 1], ["'1'", "1"], ["true", true], ["null", null], ["undefined", undefined],
  ["NaN", NaN], ["-0", -0], ["[]", []], ["[1,2]", [1, 2]], ["{}", {}], ["1e21", 1e21], ["'x'", "x"],
];
for (const [name, a] of samples) {
  const row = samples.map(([, b]) => {
    const r = a + b;
    return typeof r === "string" ? JSON.stringify(r) : String(r);
  });
  console.log(name.padEnd(10), row.join(" "));
}
console.log([1] + [2], [1] + 2, [[]] + 1, [null] + 1, [undefined] + "x", [[1, [2]]] + "");
console.log({} + "", "" + { toString: () => "custom" }, "" + Symbol.iterator.description);
console.log(1 + 2 + "3" + 4 + 5, "1" + 2 * 3, "8" / 2 + "2", "a" + +"b", "10" - "3" + "1");
console.log(String(123) === 123 + "", (123).toString() === `${123}`, "" + 0.000001, "" + 1e-7);
console.log("" + 12345678901234567890, "" + 0.1, "" + -1e-7, "" + 2 ** 70, "" + 1.23e-5);
let s = "";
for (const part of [1, true, null, [2, 3], undefined, "z"]) s += part;
console.log(s);
console.log(["a", 1, null, undefined, true, [2, [3]]].join("+"));
console.log(`${[]}|${[null]}|${[undefined, null]}|${[1, [2, [3]]]}`);
