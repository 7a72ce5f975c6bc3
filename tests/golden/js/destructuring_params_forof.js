function area({ w = 1, h = 1 } = {}) { return w * h; }
console.log(area({ w: 3, h: 4 }), area({ w: 5 }), area());
const pairs = [[1, "one"], [2, "two"]];
for (const [num, word] of pairs) console.log(num, word);
const people = [{ name: "Ann", age: 30, tags: ["a"] }, { name: "Bob", tags: [] }];
for (const { name, age = "?", tags: [firstTag = "none"] } of people) {
  console.log(`${name} ${age} ${firstTag}`);
}
const m = new Map([["k1", { v: 1 }], ["k2", { v: 2 }]]);
for (const [key, { v }] of m) console.log(key, v);
const swap = ([x, y]) => [y, x];
console.log(swap([1, 2]));
console.log(Object.entries({ a: 1, b: 2 }).map(([k, v]) => k + "=" + v).join("&"));
