// An object or array is printed on one line if it fits within 72 characters
// (with at most 6 entries for arrays); otherwise each entry gets its own line.
console.log({ a: 1, b: 2, c: 3 });
console.log({ alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: "dd" });
console.log({ alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: "ddddddddd" });
console.log({ one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8 });
console.log({ short: [1, 2], long: ["xxxxxxxxxxxxxxxx", "yyyyyyyyyyyyyyyy", "zzzzzzzzzzzzzzzz", "w"] });
console.log([{ name: "alpha", value: 1 }, { name: "beta", value: 2 }]);
console.log([{ name: "alpha", value: 1 }, { name: "beta", value: 2 }, { name: "gamma", value: 3 }]);
console.log({ outer: { inner: { a: "aaaaaaaaaaaaaaaa", b: "bbbbbbbbbbbbbbbbb", c: "ccccccccccccc" } } });
console.log(["a".repeat(30), "b".repeat(30)]);
console.log(["a".repeat(35), "b".repeat(35)]);
const row = { id: 7, label: "seven" };
console.log(row, [row], { row });
console.log({ a: 1, b: [1, 2, 3], c: { d: "e" } });
console.log(["one", "two"], { three: 3 }, "four");
console.log({ k: "x".repeat(60) });
console.log({ k: "x".repeat(61) });
console.log([{}, {}], [[], []], { o: {}, a: [] });
console.log({ nested: { a: 1, b: 2 }, list: [1, 2, 3], flag: true, name: "short" });
console.log({ nested: { a: 1, b: 2 }, list: [1, 2, 3], flag: true, name: "a bit longer" });
