// console.log shows nested objects to depth 2; deeper ones become [Object] / [Array].
const deep = { l1: { l2: { l3: { l4: "hidden" } } } };
console.log(deep);
console.log({ a: { b: { c: [1, 2] } } });
console.log({ a: { b: { c: {} } } }, { a: { b: { c: [] } } });
console.log([[[[1]]]], [[[["x"]]]], [[[[]]]]);
console.log([{ a: { b: { c: 1 } } }]);
console.log({ arr: [[1, [2, [3]]]] });
console.log({ m: new Map([["k", { deep: { deeper: 1 } }]]) });
console.log({ s: new Set([[1, [2, [3]]]]) });
console.log([1, [2, [3, [4, [5]]]]]);
class Node {
  constructor(v, next = null) { this.v = v; this.next = next; }
}
console.log(new Node(1, new Node(2, new Node(3, new Node(4)))));
const tree = { name: "root", children: [{ name: "a", children: [{ name: "a1", children: [] }] }, { name: "b", children: [] }] };
console.log(tree);
console.log(JSON.stringify(tree));
console.log({ level1: { level2: { level3: "string at depth 3", n: 3 } } });
console.log({ x: { y: { z: null, u: undefined, n: 0 } } });
console.log({ nested: [{ id: 1, meta: { tags: ["a"] } }, { id: 2, meta: { tags: [] } }] });
console.log([{}, [], { a: {} }, [[]], [{ b: [] }], { c: [{}] }]);
const wide = { alpha: { beta: { gamma: 1, delta: 2 }, epsilon: [1, 2, 3] }, zeta: "end" };
console.log(wide);
console.log([deep, deep.l1, deep.l1.l2]);
