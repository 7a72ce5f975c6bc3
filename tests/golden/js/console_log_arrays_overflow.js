// Arrays longer than 100 items print the first 100 and "... N more items";
// objects with many keys are not truncated; long strings inside arrays are not cut.
console.log(Array.from({ length: 101 }, (_, i) => i));
console.log(Array.from({ length: 150 }, () => "x").length);
const big = Array.from({ length: 130 }, (_, i) => i % 7);
console.log(big.slice(95));
console.log(big);
const words = Array.from({ length: 3 }, (_, i) => "word" + i);
console.log(words);
const many = {};
for (let i = 0; i < 4; i++) many["k" + i] = i;
console.log(many);
console.log([Array.from({ length: 8 }, (_, i) => i)]);
const lengths = [1, 5, 6, 7, 16, 17, 27];
for (const n of lengths) {
  const arr = Array.from({ length: n }, (_, i) => i);
  console.log(n, arr.length, JSON.stringify(arr).length);
}
console.log(Array.from({ length: 7 }, (_, i) => "s".repeat(i)));
console.log(Array.from({ length: 3 }, (_, i) => [i, [i]]));
console.log([["nested", "arrays", "of", "strings", "are", "grouped", "too"]]);
