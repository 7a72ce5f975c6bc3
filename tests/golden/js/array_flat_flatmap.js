// flat(depth) and flatMap (which flattens exactly one level).
const nested = [1, [2, [3, [4, [5, [6]]]]]];
console.log(nested.flat());
console.log(nested.flat(0));
console.log(nested.flat(1));
console.log(nested.flat(2));
console.log(nested.flat(3));
console.log(nested.flat(Infinity));
console.log(nested.flat(-1), nested.flat("2"), nested.flat(NaN));
console.log([[], [[]], [[], [[]]]].flat(Infinity), [[1, 2], [], [3]].flat());
console.log([["a", "b"], "cd", [["e"]]].flat(), [[null, undefined], [0]].flat());
const original = [[1], [2]];
const flattened = original.flat();
flattened.push(3);
console.log(original, flattened, original.flat() !== original);
console.log([1, 2, 3].flatMap(x => [x, x * 10]));
console.log([1, 2, 3].flatMap(x => [[x, x * 10]]));
console.log([1, 2, 3].flatMap(x => x % 2 ? [] : [x]));
console.log(["one two", "three", ""].flatMap(s => s.split(" ")));
console.log([1, 2].flatMap(x => x * 2), [1, 2].flatMap(x => "ab"));
console.log([[1, 2], [3]].flatMap(x => x), [3, 4].flatMap((x, i, arr) => [i, arr.length]));
const orders = [
  { id: 1, items: [{ sku: "a", qty: 2 }, { sku: "b", qty: 1 }] },
  { id: 2, items: [] },
  { id: 3, items: [{ sku: "a", qty: 5 }] },
];
const lines = orders.flatMap(o => o.items.map(i => `${o.id}:${i.sku}x${i.qty}`));
console.log(lines);
const totals = orders.flatMap(o => o.items).reduce((m, i) => ({ ...m, [i.sku]: (m[i.sku] ?? 0) + i.qty }), {});
console.log(totals);
const tree = [1, [2, 3], [[4], [5, [6]]]];
const depth = arr => (Array.isArray(arr) ? 1 + Math.max(0, ...arr.map(depth)) : 0);
console.log(depth(tree), depth([]), depth(tree.flat()), depth(tree.flat(Infinity)));
const grid = [[1, 2, 3], [4, 5, 6]];
console.log(grid.flat().reduce((a, b) => a + b), grid[0].map((_, c) => grid.map(r => r[c])));
console.log([1, 2, 3, 4].flatMap((x, i, arr) => (i % 2 === 0 ? [[x, arr[i + 1]]] : [])));
const thisArg = { factor: 3 };
console.log([1, 2].flatMap(function (x) { return [x * this.factor]; }, thisArg));
