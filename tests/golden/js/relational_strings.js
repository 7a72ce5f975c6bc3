// Strings compare by UTF-16 code units, lexicographically, not by locale or numeric value.
const pairs = [
  ["a", "b"], ["b", "a"], ["a", "a"], ["a", "ab"], ["ab", "a"], ["", "a"], ["", ""],
  ["Z", "a"], ["a", "Z"], ["10", "9"], ["10", "1"], ["1.5", "1.10"], ["-1", "-2"],
  ["abc", "abd"], ["abc", "ABC"], [" a", "a"], ["a ", "a"], ["é", "z"], ["€", "😀"],
  ["\uffff", "😀"], ["😀", "😁"], ["1e3", "999"], ["null", "undefined"],
];
for (const [x, y] of pairs) {
  console.log(JSON.stringify(x), JSON.stringify(y), x < y, x <= y, x > y, x >= y);
}
const words = ["banana", "Apple", "cherry", "apple", "Banana", "10", "9", "_under", "~tilde"];
console.log([...words].sort());
console.log([...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join() === [...words].sort().join());
console.log("a".codePointAt(0), "Z".codePointAt(0), "_".codePointAt(0), "~".codePointAt(0));
console.log(["b", "a", "c"].reduce((m, s) => (s > m ? s : m)), ["b", "a", "c"].reduce((m, s) => (s < m ? s : m)));
console.log("abc" < "abcd" && "abcd" < "abd", "A" < "a" && "a" < "b");
const versions = ["1.10.0", "1.2.0", "1.9.1", "2.0.0", "1.10.1"];
console.log([...versions].sort());
const numeric = (a, b) => {
  const pa = a.split(".").map(Number), pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
};
console.log([...versions].sort(numeric));
console.log("a" < "b" === "a".localeCompare("b") < 0, "10" < "9", 10 < 9);
