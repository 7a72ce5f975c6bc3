// Array.prototype.sort: stable, default order compares strings, undefined sorts last,
// comparator results < 0, 0, > 0.
const people = [
  { name: "ann", dept: "eng", age: 31 }, { name: "bob", dept: "ops", age: 25 },
  { name: "cid", dept: "eng", age: 25 }, { name: "dee", dept: "ops", age: 31 },
  { name: "eve", dept: "eng", age: 40 }, { name: "fay", dept: "hr", age: 25 },
  { name: "gus", dept: "hr", age: 31 }, { name: "hal", dept: "eng", age: 25 },
  { name: "ivy", dept: "ops", age: 40 }, { name: "jon", dept: "eng", age: 31 },
  { name: "kim", dept: "hr", age: 40 }, { name: "lee", dept: "ops", age: 25 },
];
const byAge = [...people].sort((a, b) => a.age - b.age);
console.log(byAge.map(p => `${p.age}:${p.name}`).join(" "));
const byDeptThenAge = [...people].sort((a, b) => a.age - b.age).sort((a, b) => (a.dept < b.dept ? -1 : a.dept > b.dept ? 1 : 0));
console.log(byDeptThenAge.map(p => `${p.dept}/${p.age}/${p.name}`).join(" "));
console.log([10, 1, 5, 100, 25, 2, 0, -1, -10].sort());
console.log([10, 1, 5, 100, 25, 2, 0, -1, -10].sort((a, b) => a - b));
console.log([0.5, 0.25, 1e21, 1e-7, 3, -0.5].sort(), [true, false, "True", "false"].sort());
console.log([3, undefined, 1, undefined, 2].sort(), [3, undefined, 1].sort((a, b) => b - a));
console.log(["b", null, "a", "nulla", "null"].sort(), [[2, 1], [1, 2], [1, 10], [1, 9]].sort());
console.log(["B", "a", "C", "b", "A", "c"].sort(), ["B", "a", "C", "b"].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())));
console.log(["é", "e", "f", "E", "z", "Z"].sort(), ["10", "9", "1", "100"].sort(), ["10", "9", "1"].sort((a, b) => a - b));
const nums = [5, 3, 8, 1];
const returned = nums.sort((a, b) => b - a);
console.log(returned === nums, nums);
const calls = [];
[3, 1, 2].sort((a, b) => { calls.push(typeof a); return a - b; });
console.log("comparator called with", [...new Set(calls)]);
const words = ["banana", "kiwi", "apple", "fig", "cherry", "date"];
console.log([...words].sort((a, b) => a.length - b.length), [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)));
console.log([NaN, 1, NaN, 0].sort().map(String), [].sort(), [1].sort());
const big = Array.from({ length: 30 }, (_, i) => ({ key: i % 3, idx: i }));
const stable = big.sort((a, b) => a.key - b.key).every((v, i, arr) => i === 0 || arr[i - 1].key < v.key || arr[i - 1].idx < v.idx);
console.log("stable over 30 elements:", stable);
try {
  [1, 2].sort("not a function");
} catch (e) {
  console.log(e.name, e.message);
}
