// Replacer functions see every key (starting with "" for the root) with `this` = holder;
// replacer arrays whitelist keys, in the array's order.
const calls = [];
const data = { id: 7, user: { name: "ann", pass: "secret" }, tags: ["a", "b"], n: 1.5 };
const out = JSON.stringify(data, function (key, value) {
  calls.push(`${JSON.stringify(key)}:${Array.isArray(this) ? "array" : typeof this}`);
  if (key === "pass") return undefined;
  if (typeof value === "number") return value * 100;
  if (typeof value === "string" && key !== "") return value.toUpperCase();
  return value;
});
console.log(out);
console.log(calls.join(" "));
console.log(JSON.stringify(data, ["user", "name", "id"]));
console.log(JSON.stringify(data, ["n", "id"], 1));
console.log(JSON.stringify({ 1: "one", 2: "two", x: "ex" }, [1, "x"]));
console.log(JSON.stringify([{ a: 1, b: 2 }, { a: 3, c: 4 }], ["a"]));
console.log(JSON.stringify({ a: 1 }, (k, v) => (k === "" ? [v, "wrapped"] : v)));
console.log(JSON.stringify({ a: 1, b: "x" }, (k, v) => (k === "" ? v : undefined)));
console.log(JSON.stringify({ a: [1, 2, 3] }, (k, v) => (typeof v === "number" && v > 1 ? undefined : v)));
console.log(JSON.stringify({ d: new Date(0), m: new Map([[1, 2]]), s: new Set([1]) }, (k, v) => {
  if (v instanceof Map) return Object.fromEntries(v);
  if (v instanceof Set) return [...v];
  return v;
}));
console.log(JSON.stringify(5, (k, v) => v + 1), JSON.stringify("s", (k, v) => undefined));
const seen = new Set();
const cyclic = { name: "root", kids: [] };
cyclic.kids.push({ name: "kid", parent: cyclic });
console.log(JSON.stringify(cyclic, (k, v) => {
  if (typeof v === "object" && v !== null) {
    if (seen.has(v)) return "[cycle]";
    seen.add(v);
  }
  return v;
}));
console.log(JSON.stringify({ a: 1, b: 2 }, null), JSON.stringify({ a: 1 }, "not a function"), JSON.stringify({ a: 1 }, []));
