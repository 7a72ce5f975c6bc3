// at() with negative indexes, and the keys/values/entries iterators.
const arr = ["a", "b", "c", "d", "e"];
console.log(arr.at(0), arr.at(2), arr.at(-1), arr.at(-2), arr.at(-5), arr.at(-6), arr.at(5));
console.log(arr.at(1.7), arr.at(-1.7), arr.at("1"), arr.at(), arr.at(NaN), arr.at(null), arr.at(true));
console.log([].at(0), [].at(-1), [undefined].at(0), "string".at(-1), "string".at(-7));
const last = xs => xs.at(-1);
console.log(last([1, 2, 3]), last([]), last("xyz"));
const keys = arr.keys();
console.log(typeof keys.next, keys.next(), keys.next());
console.log([...keys]);
console.log([...arr.entries()].filter(([i]) => i % 2 === 0).map(([, v]) => v));
for (const [i, v] of arr.entries()) {
  if (i >= 2) break;
  console.log("entry", i, v);
}
for (const k of ["x", "y"].keys()) console.log("key", k, typeof k);
const withUndef = [undefined, null];
console.log([...withUndef.keys()], [...withUndef.values()], [...withUndef.entries()]);
const it = arr.values();
arr.push("f");
console.log([...it].length);
const pairs = Array.from(["p", "q"].entries(), ([i, v]) => `${i}=${v}`);
console.log(pairs, [..."ab"].entries().next().value);
const matrix = [[1, 2], [3, 4], [5, 6]];
for (const [r, row] of matrix.entries()) {
  for (const [c, v] of row.entries()) if (r === c) console.log("diagonal", r, v);
}
console.log(Array.from(Array(4).keys()), [...Array(3).keys()].map(i => i * i));
const indexOfMax = xs => [...xs.entries()].reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];
console.log(indexOfMax([3, 9, 2, 9, 1]));
console.log(arr.at(-1) === arr[arr.length - 1], arr.length);
