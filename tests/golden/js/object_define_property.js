// Object.defineProperty: value/writable/enumerable/configurable and accessors;
// attributes default to false when a property is created through it.
const o = {};
Object.defineProperty(o, "fixed", { value: 42 });
console.log(o.fixed, Object.keys(o), JSON.stringify(o), o);
console.log(Object.getOwnPropertyDescriptor(o, "fixed"));
const normal = { n: 1 };
console.log(Object.getOwnPropertyDescriptor(normal, "n"));
Object.defineProperty(normal, "n", { enumerable: false });
console.log(Object.keys(normal), normal.n, Object.getOwnPropertyDescriptor(normal, "n"));
let store = "initial";
const acc = {};
Object.defineProperty(acc, "prop", {
  get() { return store.toUpperCase(); },
  set(v) { store = String(v).trim(); },
  enumerable: true,
  configurable: true,
});
acc.prop = "  updated  ";
console.log(acc.prop, store, acc);
console.log(Object.keys(Object.getOwnPropertyDescriptor(acc, "prop")).sort());
Object.defineProperty(acc, "prop", { value: "now a data property", writable: true });
console.log(acc.prop, typeof Object.getOwnPropertyDescriptor(acc, "prop").get);
try {
  Object.defineProperty(o, "fixed", { value: 43 });
} catch (e) {
  console.log(e.name, e.message);
}
try {
  Object.defineProperty(o, "bad", { value: 1, get() { return 1; } });
} catch (e) {
  console.log(e.name, e.message.split(",")[0]);
}
const arr = [1, 2, 3];
Object.defineProperty(arr, "sum", { get() { return this.reduce((a, b) => a + b, 0); } });
console.log(arr.sum, arr, arr.length, Object.keys(arr));
const props = Object.defineProperties({}, {
  first: { value: "a", enumerable: true },
  second: { value: "b", enumerable: false },
  third: { get: () => "c", enumerable: true },
});
console.log(props, Object.getOwnPropertyNames(props));
class Model {
  constructor(data) {
    for (const [k, v] of Object.entries(data)) {
      Object.defineProperty(this, k, { get: () => v, enumerable: true });
    }
  }
}
const m = new Model({ id: 7, title: "t" });
console.log(m.id, m.title, Object.keys(m), JSON.stringify(m));
console.log(Object.defineProperty(o, "ret", { value: 1 }) === o, Object.getOwnPropertyDescriptor(o, "missing"));
