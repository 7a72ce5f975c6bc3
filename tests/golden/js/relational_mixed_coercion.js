// Relational operators with mixed types: ToPrimitive(hint number), then strings
// compare as strings, everything else as numbers; NaN makes every comparison false.
const vals = [
  ["1", 1], ['"2"', "2"], ['"10"', "10"], ["null", null], ["undef", undefined],
  ["true", true], ["false", false], ["[]", []], ["[2]", [2]], ["[1,2]", [1, 2]],
  ['"abc"', "abc"], ["NaN", NaN], ["{}", {}], ["-Inf", -Infinity], ['""', ""],
];
const width = 8;
console.log(" ".repeat(width) + vals.map((_, i) => String(i % 10)).join(""));
vals.forEach(([name, a], i) => {
  const row = vals.map(([, b]) => (a < b ? "<" : a > b ? ">" : a <= b && a >= b ? "=" : "?")).join("");
  console.log(`${i % 10} ${name.padEnd(width - 2)}${row}`);
});
console.log(null >= 0, null <= 0, null == 0, undefined >= 0, undefined == null);
console.log([10] > [9], [10] > 9, "10" > [9], ["b"] > ["a"]);
const order = [];
const left = { valueOf() { order.push("left"); return 1; } };
const right = { valueOf() { order.push("right"); return 2; } };
console.log(left < right, left > right, order);
const dateA = new Date(0), dateB = new Date(1000);
console.log(dateA < dateB, dateA >= dateB);
const sym = { [Symbol.toPrimitive](hint) { return hint === "number" ? 5 : "str"; } };
console.log(sym > 4, sym < 6, sym > "4");
