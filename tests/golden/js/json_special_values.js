// What JSON.stringify does with values JSON cannot represent.
console.log(JSON.stringify({ nan: NaN, inf: Infinity, ninf: -Infinity, negz: -0 }));
console.log(JSON.stringify([NaN, Infinity, -0, undefined, () => 1, Symbol("s")]));
console.log(JSON.stringify({ u: undefined, f() {}, s: Symbol("x"), [Symbol("key")]: 1, ok: 1 }));
console.log(JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(Symbol("s")), typeof JSON.stringify(undefined));
console.log(JSON.stringify(null), JSON.stringify(NaN), JSON.stringify("str"), JSON.stringify(true), JSON.stringify(1e21));
console.log(JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Set([1])), JSON.stringify(/re/g), JSON.stringify(new Error("e")));
console.log(JSON.stringify([new Number(3), new String("s"), new Boolean(false)]));
console.log(JSON.stringify("quote\" backslash\\ slash/ newline\n cr\r tab\t bs\b ff\f"));
console.log(JSON.stringify("\u0000\u0001\u001f\u007f\u00e9"));
console.log(JSON.stringify("\ud800 lone high, \udc00 lone low, 😀 pair"));
console.log(JSON.stringify({ "key with \"quotes\"": 1, "new\nline": 2, "": 3 }));
const arr = [1, 2];
arr.extra = "ignored";
console.log(JSON.stringify(arr), JSON.stringify({ length: 2, 0: "a" }));
const proto = { inherited: 1 };
const obj = Object.create(proto);
obj.own = 2;
Object.defineProperty(obj, "hidden", { value: 3, enumerable: false });
console.log(JSON.stringify(obj));
console.log(JSON.stringify({ b: 1, a: 2, 10: 3, 2: 4 }));
console.log(JSON.stringify([[[[[[1]]]]]]), JSON.stringify({ a: { b: { c: { d: { e: {} } } } } }));
console.log(JSON.stringify([0.1, 1e-7, 123456789012345680000, 5e-324, 2 ** 53 + 2]));
const cyclic = [];
cyclic.push(cyclic);
try {
  JSON.stringify(cyclic);
} catch (e) {
  console.log(e.name, e.message.split("\n")[0]);
}
console.log(JSON.stringify({ date: new Date(0) }), JSON.stringify(Object.create(null)));
