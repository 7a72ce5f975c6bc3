// typeof of every kind of value, void in expressions, the comma operator.
const samples = {
  undefined: undefined, null: null, boolean: false, number: -0, nan: NaN,
  string: "", symbol: Symbol.iterator, object: {}, array: [], date: new Date(0),
  regexp: /x/, arrow: () => 0, fn: function () {}, cls: class {}, gen: function* () {},
  asyncFn: async () => {}, boxedNumber: Object(1), boxedString: new String("s"), map: new Map(),
};
for (const [name, v] of Object.entries(samples)) {
  console.log(name.padEnd(12), typeof v);
}
console.log(typeof typeof 0, typeof notDeclared);
try { console.log(typeof notDeclared.x); } catch (e) { console.log("typeof of a member of an undeclared name:", e.name); }
console.log(typeof (() => {})(), typeof Math, typeof JSON, typeof console.log, typeof Symbol, typeof Object);
console.log(typeof 1 + 1, typeof (1 + 1), typeof -"3", typeof !"x", typeof `${1}`);
console.log(void 0 === undefined, void "x", void null, void {}, typeof void 0);
let effects = 0;
const r = void effects++;
console.log(r, effects);
const handler = () => void console.log("handler runs, returns undefined");
console.log(handler());
let a = (1, 2, 3);
console.log(a);
let b = 0;
const c = (b++, b++, b * 10);
console.log(b, c);
const pairs = [];
for (let i = 0, j = 5; i < j; i++, j--) pairs.push(`${i}-${j}`);
console.log(pairs.join(" "));
const pick = (x) => (console.log("logging", x), x * 2);
console.log(pick(4));
const arr = [(1, "second of first slot"), 2];
console.log(arr);
console.log(((x, y) => x + y)((1, 2), 3));
console.log(typeof null === "object", typeof [] === "object", Array.isArray([]));
