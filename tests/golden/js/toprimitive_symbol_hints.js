// Symbol.toPrimitive receives "number", "string" or "default" depending on the operation.
const hints = [];
const probe = {
  [Symbol.toPrimitive](hint) {
    hints.push(hint);
    return hint === "number" ? 10 : hint === "string" ? "probe" : "dflt";
  },
};
function record(label, fn) {
  hints.length = 0;
  const result = fn();
  console.log(label.padEnd(18), JSON.stringify(result).padEnd(12), hints.join(","));
}
record("binary +", () => probe + 1);
record("string +", () => "s" + probe);
record("template", () => `${probe}`);
record("String()", () => String(probe));
record("Number()", () => Number(probe));
record("unary +", () => +probe);
record("unary -", () => -probe);
record("multiply", () => probe * 2);
record("less than", () => probe < 11);
record("== number", () => probe == "dflt");
record("== object", () => probe == probe);
record("property key", () => ({ probe: 1 })[probe]);
record("Math.max", () => Math.max(probe, 3));
record("join", () => [probe].join());
record("isNaN", () => isNaN(probe));
record("bitwise or", () => probe | 0);
const d = new Date(Date.UTC(2020, 0, 1));
console.log(typeof (d + 1), typeof (d - 1), d - new Date(Date.UTC(2019, 11, 31)));
const bad = { [Symbol.toPrimitive]() { return {}; } };
try {
  console.log(bad + 1);
} catch (e) {
  console.log(e.name, e.message);
}
const notFn = { [Symbol.toPrimitive]: 42 };
try {
  console.log(`${notFn}`);
} catch (e) {
  console.log(e.name);
}
const undefTp = { [Symbol.toPrimitive]: undefined, valueOf() { return 3; } };
console.log(undefTp * 2);
