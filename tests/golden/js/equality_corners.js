const pairs = [
  [0, "0"], [0, ""], ["", "0"], [null, undefined], [null, 0], [undefined, 0],
  [NaN, NaN], [0, -0], [false, "0"], [false, ""], [true, "1"], [true, 2],
  [[], ""], [[0], 0], [[1, 2], "1,2"], [{}, "[object Object]"], ["1e3", 1000],
  [" \t\n", 0], ["0x10", 16], [null, false], [[], []], [[], ![]],
];
for (const [a, b] of pairs) {
  console.log(JSON.stringify(a) ?? String(a), JSON.stringify(b) ?? String(b), a == b, a === b);
}
console.log(Object.is(NaN, NaN), Object.is(0, -0), Object.is(-0, -0));
const o = {};
console.log(o == o, o === o, o == {}, "a" == new String("a"), new String("a") == new String("a"));
console.log(1 != "1", 1 !== "1", null != undefined, null !== undefined);
