// Object.fromEntries accepts any iterable of [key, value] pairs; keys become strings.
console.log(Object.fromEntries([["a", 1], ["b", 2]]));
console.log(Object.fromEntries(new Map([["m", 1], [2, "two"], [true, "yes"]])));
function* pairs() { yield ["g1", 1]; yield ["g2", 2]; }
console.log(Object.fromEntries(pairs()));
console.log(Object.fromEntries([["dup", 1], ["dup", 2]]), Object.fromEntries([]));
console.log(Object.fromEntries([[1.5, "float"], [null, "null"], [undefined, "undef"], [[1, 2], "array"]]));
const sym = Symbol("k");
console.log(Object.fromEntries([[sym, "symbol key"]])[sym]);
console.log(Object.fromEntries([["a", 1, "ignored extra"], ["b"]]));
try {
  Object.fromEntries([1, 2]);
} catch (e) {
  console.log(e.name, e.message);
}
try {
  Object.fromEntries(null);
} catch (e) {
  console.log(e.name);
}
const prices = { apple: 1.2, bread: 2.5, milk: 0.99 };
const withTax = Object.fromEntries(Object.entries(prices).map(([k, v]) => [k, +(v * 1.2).toFixed(2)]));
console.log(withTax);
const cheap = Object.fromEntries(Object.entries(prices).filter(([, v]) => v < 2));
console.log(cheap);
const upperKeys = Object.fromEntries(Object.entries(prices).map(([k, v]) => [k.toUpperCase(), v]));
console.log(upperKeys);
const query = "a=1&b=two&c=&a=3";
console.log(Object.fromEntries(query.split("&").map(p => p.split("="))));
const zipped = ["x", "y", "z"].map((k, i) => [k, i * i]);
console.log(Object.fromEntries(zipped), Object.fromEntries(Object.entries(Object.fromEntries(zipped))));
const ordered = Object.fromEntries([["b", 1], ["2", 2], ["a", 3], ["1", 4]]);
console.log(Object.keys(ordered));
const roundTrip = new Map(Object.entries(Object.fromEntries(new Map([["k", "v"]]))));
console.log(roundTrip);
