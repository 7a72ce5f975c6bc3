const obj = { name: "x", n: 1.5, list: [1, "two", null, true], nested: { a: [] , b: {} }, u: undefined, f() {}, nan: NaN, inf: -Infinity };
console.log(JSON.stringify(obj));
console.log(JSON.stringify(obj, null, 2));
console.log(JSON.stringify([undefined, function () {}, Symbol("s")]), JSON.stringify(undefined), JSON.stringify("he said \"hi\"\n\t\u0001"));
console.log(JSON.stringify({ a: 1, b: 2, c: 3 }, ["a", "c"]), JSON.stringify({ a: 1, b: [1, 2] }, (k, v) => (typeof v === "number" ? v * 10 : v)));
console.log(JSON.stringify({ a: [1, { b: 2 }] }, null, "--"), JSON.stringify([], null, 2), JSON.stringify({}, null, 2));
console.log(JSON.stringify({ toJSON() { return { replaced: true }; } }), JSON.stringify(new Date(0)), JSON.stringify({ d: new Map([[1, 2]]) }));
const parsed = JSON.parse('{"a": [1, 2.5e3, -0, "s\\u0041"], "b": {"c": null}, "t": true}');
console.log(parsed, parsed.a[1], Object.is(parsed.a[2], -0));
console.log(JSON.parse("[1,2]", (k, v) => (Array.isArray(v) ? v : v * 2)), JSON.parse('"str"'), JSON.parse(" 42 "));
for (const bad of ["{a:1}", "[1,]", "'x'", ""]) {
  try { JSON.parse(bad); } catch (e) { console.log(e.name); }
}
const cyc = {}; cyc.self = cyc;
try { JSON.stringify(cyc); } catch (e) { console.log(e.name); }
console.log(JSON.stringify({ key: "v" }, null, 20).split("\n")[1].length, JSON.stringify([1, [2]], null, 1));
