// JSON.parse's reviver is called bottom-up (leaves first, root last with key "");
// returning undefined deletes the property.
const text = '{"a": 1, "b": {"c": [10, 20], "d": "2024-01-02"}, "e": null}';
const visits = [];
const result = JSON.parse(text, function (key, value) {
  visits.push(JSON.stringify(key) + (Array.isArray(this) ? "[in array]" : ""));
  return value;
});
console.log(visits.join(" "));
console.log(result);
const doubled = JSON.parse(text, (k, v) => (typeof v === "number" ? v * 2 : v));
console.log(doubled);
const dropped = JSON.parse(text, (k, v) => (v === null || k === "c" ? undefined : v));
console.log(dropped, "e" in dropped);
const dated = JSON.parse('{"created": "2024-03-04T05:06:07.000Z", "n": 5}', (k, v) =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) ? new Date(v) : v);
console.log(dated.created instanceof Date, dated.created.getUTCFullYear(), dated.created.getUTCHours(), dated.n);
console.log(JSON.parse("[1, 2, 3]", (k, v) => (k === "" ? v.length : v)));
const holey = JSON.parse("[1, 2, 3]", (k, v) => (k === "1" ? undefined : v));
console.log(holey.length, 1 in holey, holey[1], holey.join("-"));
console.log(JSON.parse('"plain"', (k, v) => `${k}|${v}`), JSON.parse("7", (k, v) => typeof k));
const typed = JSON.parse('{"type": "point", "x": 1, "y": 2}', (k, v) =>
  v && v.type === "point" ? { toString() { return `P(${v.x},${v.y})`; } } : v);
console.log(String(typed));
console.log(JSON.parse(' \n\t{ "spaced" :\n [ 1 , 2 ] } '));
console.log(JSON.parse('{"__proto__": {"x": 1}}').__proto__, Object.keys(JSON.parse('{"__proto__": 1}')));
console.log(JSON.parse('{"a": 1, "a": 2}'), JSON.parse("-0"), Object.is(JSON.parse("-0"), -0), JSON.parse("1E2"));
console.log(JSON.stringify(JSON.parse('"\\u00e9\\n\\t\\"\\\\\\/"')), JSON.parse('"\\ud83d\\ude00"').length);
