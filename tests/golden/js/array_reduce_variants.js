// reduce / reduceRight: accumulator, index and array arguments, initial value rules.
const steps = [];
const total = [10, 20, 30].reduce((acc, v, i, arr) => {
  steps.push(`acc=${acc} v=${v} i=${i} len=${arr.length}`);
  return acc + v;
});
console.log(total, steps);
steps.length = 0;
[10, 20, 30].reduce((acc, v, i) => { steps.push(`${acc}+${v}@${i}`); return acc + v; }, 0);
console.log(steps);
console.log(["a", "b", "c"].reduce((acc, s) => acc + s), ["a", "b", "c"].reduceRight((acc, s) => acc + s));
console.log([[1, 2], [3]].reduceRight((acc, x) => acc.concat(x), []));
console.log([5].reduce((a, b) => a * b), [5].reduce((a, b) => a * b, 2), [].reduce((a, b) => a + b, "init"));
for (const fn of ["reduce", "reduceRight"]) {
  try {
    [][fn]((a, b) => a + b);
  } catch (e) {
    console.log(fn, e.name, e.message);
  }
}
const words = ["apple", "avocado", "banana", "blueberry", "cherry"];
const byLetter = words.reduce((acc, w) => {
  (acc[w[0]] ??= []).push(w);
  return acc;
}, {});
console.log(byLetter);
const longest = words.reduce((best, w) => (w.length > best.length ? w : best), "");
console.log(longest);
const stats = [3, 1, 4, 1, 5, 9, 2, 6].reduce(
  (s, x) => ({ min: Math.min(s.min, x), max: Math.max(s.max, x), sum: s.sum + x, n: s.n + 1 }),
  { min: Infinity, max: -Infinity, sum: 0, n: 0 },
);
console.log(stats, (stats.sum / stats.n).toFixed(3));
const compose = (...fns) => fns.reduceRight((f, g) => x => g(f(x)));
console.log(compose(x => x + 1, x => x * 2, x => x - 3)(10));
const pipeline = [x => x + 1, x => x * 2, x => `result ${x}`].reduce((v, f) => f(v), 4);
console.log(pipeline);
const counts = "mississippi".split("").reduce((m, ch) => m.set(ch, (m.get(ch) || 0) + 1), new Map());
console.log(counts);
const digits = [1, 2, 3, 4].reduceRight((acc, d, i) => acc + d * 10 ** (3 - i), 0);
console.log(digits, [1, 2, 3].reduceRight((acc, x, i, arr) => [...acc, `${x}/${i}/${arr.length}`], []));
const flattenDeep = arr => arr.reduce((acc, x) => acc.concat(Array.isArray(x) ? flattenDeep(x) : x), []);
console.log(flattenDeep([1, [2, [3, [4]], 5]]));
