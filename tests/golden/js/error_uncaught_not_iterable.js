// Spreading or iterating a non-iterable value throws a TypeError.
function total(...groups) {
  let sum = 0;
  for (const group of groups) {
    for (const v of group) {
      sum += v;
    }
    console.log("after group, sum =", sum);
  }
  return sum;
}
console.log(total([1, 2], new Set([3, 4])));
console.log(total([10], [20, 30]));
const data = {
  values: [1, 2, 3],
  count: 3,
  label: "abc",
};
console.log(total(data.values));
console.log("strings are iterable:", [...data.label]);
console.log(total(data.values, data.count));
console.log("not reached");
