const arr = ["a", "b"];
const it = arr[Symbol.iterator]();
console.log(it.next(), it.next(), it.next());
const strIt = "xy"[Symbol.iterator]();
console.log(strIt.next().value, strIt.next().value, strIt.next().done);
const m = new Map([[1, "one"]]);
const mi = m.entries();
console.log(mi.next(), mi.next());
const obj = {
  items: ["p", "q", "r"],
  *[Symbol.iterator]() { for (const i of this.items) yield i.toUpperCase(); },
};
console.log([...obj], Array.from(obj).join(""));
const [h, ...t] = obj;
console.log(h, t);
const infinite = { [Symbol.iterator]() { let n = 0; return { next() { return { value: n++, done: false }; }, return() { console.log("return called at", n); return { done: true }; } }; } };
for (const v of infinite) { if (v >= 2) break; }
const [p, q] = infinite;
console.log(p, q);
try { for (const x of {}) {} } catch (e) { console.log(e.name, e.message); }
try { [...123]; } catch (e) { console.log(e.name); }
console.log(Object.entries({ a: 1 })[Symbol.iterator] === Array.prototype[Symbol.iterator]);
