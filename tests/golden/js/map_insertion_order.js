// Maps keep insertion order; re-setting keeps the position, delete+set moves to the end.
// Keys use SameValueZero: NaN equals NaN, -0 equals +0, objects by identity.
const m = new Map();
m.set("b", 1).set("a", 2).set(3, "three").set("3", "string three");
console.log([...m.keys()]);
m.set("b", 100);
console.log([...m.entries()]);
m.delete("b");
m.set("b", 200);
console.log([...m.keys()]);
const special = new Map([[NaN, "nan"], [0, "zero"]]);
console.log(special.get(NaN), special.get(-0), special.has(+0), special.size);
special.set(-0, "negative zero overwrites");
console.log([...special], Object.is([...special.keys()][1], -0));
const k1 = { id: 1 }, k2 = { id: 1 };
const objs = new Map([[k1, "first"], [k2, "second"]]);
console.log(objs.size, objs.get(k1), objs.get(k2), objs.get({ id: 1 }));
const fnKey = () => {};
const mixed = new Map([[null, "null"], [undefined, "undef"], [true, "bool"], [fnKey, "fn"], [[], "array"]]);
console.log(mixed.get(null), mixed.get(undefined), mixed.get(true), mixed.get(fnKey), mixed.get([]), mixed.size);
console.log(m.set("z", 1) === m, m.delete("nope"), m.delete("z"), m.has("z"));
const fromObj = new Map(Object.entries({ y: 1, x: 2, 1: "one" }));
console.log([...fromObj.keys()]);
const copy = new Map(m);
copy.set("only in copy", true);
console.log(m.size, copy.size, copy.get("a"));
const grouped = new Map();
for (const w of ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]) {
  const letter = w[0];
  if (!grouped.has(letter)) grouped.set(letter, []);
  grouped.get(letter).push(w);
}
console.log(grouped);
console.log(Array.from(grouped, ([k, v]) => `${k}:${v.length}`).join(" "));
console.log(new Map([[1, "a"]]).get("1"), new Map().get("missing"), new Map([[1, 2]]).size);
console.log(typeof m.keys().next, m.entries().next().value, [...m.values()]);
