// yield* delegates to any iterable and forwards next(value) to inner generators.
function* letters() { yield "a"; yield "b"; }
function* numbers() { yield 1; yield 2; return "numbers done"; }
function* everything() {
  yield* letters();
  yield* [10, 20];
  yield* "xy";
  yield* new Set(["set"]);
  yield* new Map([["k", "v"]]);
  const r = yield* numbers();
  yield r;
}
console.log([...everything()]);
function* tree(node) {
  if (!node) return;
  yield* tree(node.left);
  yield node.value;
  yield* tree(node.right);
}
const root = { value: 4, left: { value: 2, left: { value: 1 }, right: { value: 3 } }, right: { value: 6, left: { value: 5 } } };
console.log([...tree(root)]);
function* inner() {
  const x = yield "inner asks";
  console.log("inner received", x);
  const y = yield "inner asks again";
  console.log("inner received", y);
  return x + y;
}
function* outer() {
  const total = yield* inner();
  console.log("outer received total", total);
}
const o = outer();
console.log(o.next("ignored first").value);
console.log(o.next(10).value);
console.log(o.next(32));
function* flatten(arr) {
  for (const item of arr) {
    if (Array.isArray(item)) yield* flatten(item);
    else yield item;
  }
}
console.log([...flatten([1, [2, [3, [4, [5]]]], 6])]);
function* repeat(gen, times) { for (let i = 0; i < times; i++) yield* gen(); }
console.log([...repeat(letters, 3)].join(""));
function* chain(...iterables) { for (const it of iterables) yield* it; }
console.log([...chain([1, 2], "ab", numbers())]);
function* empty() {}
function* wrapsEmpty() { const r = yield* empty(); yield `empty returned ${r}`; }
console.log([...wrapsEmpty()]);
try {
  [...(function* () { yield* 42; })()];
} catch (e) {
  console.log(e.name, e.message);
}
