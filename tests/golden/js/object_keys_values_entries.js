// Object.keys/values/entries: own enumerable string keys only, in property order.
const obj = { z: 26, a: 1, 10: "ten", 2: "two", [Symbol("s")]: "symbol" };
console.log(Object.keys(obj));
console.log(Object.values(obj));
console.log(Object.entries(obj));
const proto = { inherited: true };
const child = Object.create(proto, {
  visible: { value: 1, enumerable: true },
  hidden: { value: 2, enumerable: false },
});
console.log(Object.keys(child), Object.values(child), "inherited" in child);
console.log(Object.getOwnPropertyNames(child));
console.log(Object.keys(["a", "b"]), Object.values(["a", "b"]), Object.entries(["a", "b"]));
console.log(Object.keys("hi"), Object.values("hi"), Object.entries("hi"));
console.log(Object.keys(42), Object.values(true), Object.entries(Symbol("x")));
try {
  Object.keys(null);
} catch (e) {
  console.log(e.name, e.message);
}
try {
  Object.entries(undefined);
} catch (e) {
  console.log(e.name, e.message);
}
class Point {
  constructor() { this.x = 1; this.y = 2; }
  method() {}
  get computed() { return 3; }
}
console.log(Object.keys(new Point()), Object.entries(new Point()));
const counts = { apple: 3, banana: 0, cherry: 7 };
const total = Object.values(counts).reduce((a, b) => a + b, 0);
const nonzero = Object.entries(counts).filter(([, n]) => n > 0).map(([k]) => k);
console.log(total, nonzero);
const inverted = Object.fromEntries(Object.entries(counts).map(([k, v]) => [v, k]));
console.log(inverted);
const withGetter = { get g() { return "getter value"; }, plain: 1 };
console.log(Object.values(withGetter), Object.entries(withGetter));
const sorted = Object.entries({ b: 2, c: 3, a: 1 }).sort(([a], [b]) => (a < b ? -1 : 1));
console.log(sorted, Object.keys({}).length, Object.keys([]).length);
