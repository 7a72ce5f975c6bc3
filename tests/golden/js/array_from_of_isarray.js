// Array.from (iterables, array-likes, map function), Array.of and Array.isArray.
console.log(Array.from("héllo"), Array.from("😀!"), Array.from(new Set([3, 3, 4])));
console.log(Array.from(new Map([["a", 1]])), Array.from(new Map([["a", 1]]).keys()));
console.log(Array.from({ length: 3 }), Array.from({ length: 3 }, (_, i) => i * i));
console.log(Array.from({ length: 2, 0: "x", 1: "y", 2: "ignored" }), Array.from({ 0: "no length" }));
console.log(Array.from({ length: "2" }, () => "s"), Array.from({ length: -1 }), Array.from({ length: 2.7 }, (_, i) => i));
console.log(Array.from([1, 2, 3], x => x * 2), Array.from([1, 2], function (x) { return x + this.add; }, { add: 10 }));
function* gen() { yield "g1"; yield "g2"; }
console.log(Array.from(gen()), Array.from(gen(), (v, i) => v + i));
console.log(Array.from(5), Array.from(true), Array.from({}));
try {
  Array.from(null);
} catch (e) {
  console.log(e.name, e.message);
}
const original = [[1], [2]];
const copy = Array.from(original);
console.log(copy !== original, copy[0] === original[0]);
console.log(Array.of(), Array.of(3), Array.of(3, 4), Array.of(undefined), Array.of("a", [1], { b: 2 }));
console.log(Array(3).length, Array.of(3).length, Array("3"), Array(2, 3));
const candidates = [[], [1], {}, { length: 0 }, "str", null, undefined, new Array(2), Array.prototype, Object.create(Array.prototype)];
console.log(candidates.map(c => Array.isArray(c)));
const range = (start, end, step = 1) => Array.from({ length: Math.max(0, Math.ceil((end - start) / step)) }, (_, i) => start + i * step);
console.log(range(0, 5), range(1, 10, 3), range(5, 0, -2), range(0, 0));
const alphabet = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i)).join("");
console.log(alphabet);
const grid = Array.from({ length: 3 }, (_, r) => Array.from({ length: 3 }, (_, c) => r * 3 + c));
console.log(grid);
const shared = Array(3).fill([]);
shared[0].push("same");
const separate = Array.from({ length: 3 }, () => []);
separate[0].push("own");
console.log(shared, separate);
