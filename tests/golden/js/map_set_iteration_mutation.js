// Iterating a Map/Set while mutating it: deleted-but-unvisited entries are skipped,
// entries added during iteration are visited.
const m = new Map([["a", 1], ["b", 2], ["c", 3], ["d", 4]]);
const seen = [];
for (const [k, v] of m) {
  seen.push(k);
  if (k === "a") m.delete("c");
  if (k === "b") m.set("e", 5);
}
console.log(seen, [...m.keys()]);
const s = new Set([1, 2, 3]);
const visited = [];
for (const v of s) {
  visited.push(v);
  if (v < 3) s.add(v + 10);
  if (v === 1) s.delete(2);
}
console.log(visited, [...s]);
const counter = new Set([1]);
let steps = 0;
for (const v of counter) {
  if (v < 5) counter.add(v + 1);
  steps++;
}
console.log("grew while iterating:", steps, [...counter]);
const readd = new Set(["x", "y"]);
const order = [];
for (const v of readd) {
  order.push(v);
  if (v === "x" && order.length === 1) {
    readd.delete("x");
    readd.add("x");
  }
}
console.log(order);
const log = [];
const fm = new Map([["p", 1], ["q", 2]]);
fm.forEach(function (value, key, map) {
  log.push(`${key}=${value} same=${map === fm} this=${this.tag}`);
  if (key === "p") map.set("r", 3);
}, { tag: "T" });
console.log(log);
const setLog = [];
new Set(["u", "v"]).forEach((value, key, set) => setLog.push(`${value}/${key}/${set.size}`));
console.log(setLog);
const it = m.keys();
console.log(it.next());
m.clear();
console.log(it.next(), m.size);
const emptied = new Map([[1, 1], [2, 2], [3, 3]]);
for (const k of emptied.keys()) emptied.delete(k);
console.log(emptied.size, [...emptied]);
