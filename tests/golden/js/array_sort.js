console.log([10, 9, 1, 100, 25].sort());
console.log([10, 9, 1, 100, 25].sort((a, b) => a - b));
console.log([10, 9, 1, 100, 25].sort((a, b) => b - a));
console.log(["b", "a", "C", "B", "c", "A"].sort());
console.log([undefined, 3, null, 1, undefined, "x", NaN].sort());
console.log([true, false, "true", 0, -1, "-1"].sort());
const people = [
  { name: "ann", age: 30 }, { name: "bob", age: 25 }, { name: "cat", age: 30 },
  { name: "dan", age: 25 }, { name: "eve", age: 35 },
];
console.log(people.sort((a, b) => a.age - b.age).map(p => p.name).join(","));
console.log(["éclair", "apple", "Zebra", "zoo"].sort(), ["b", "a"].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
const arr = [3, 1, 2];
const sorted = arr.sort();
console.log(sorted === arr, arr);
console.log([[2, "b"], [1, "z"], [2, "a"], [1, "a"]].sort((p, q) => p[0] - q[0]));
