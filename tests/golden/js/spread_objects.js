// Object spread copies own enumerable properties, in order; later keys win.
const base = { a: 1, b: 2 };
console.log({ ...base }, { ...base, b: 20 }, { b: 20, ...base });
console.log({ ...base, ...{ c: 3 }, a: "last" });
const withGetter = {
  get computed() { console.log("getter ran"); return "value"; },
};
const copied = { ...withGetter };
console.log(copied, Object.getOwnPropertyDescriptor(copied, "computed").value);
console.log({ ...[10, 20] }, { ..."hi" }, { ...null }, { ...undefined }, { ...42 }, { ...true });
const proto = { inherited: true };
const child = Object.create(proto);
child.own = "yes";
console.log({ ...child });
const hidden = {};
Object.defineProperty(hidden, "secret", { value: 1, enumerable: false });
hidden.visible = 2;
console.log({ ...hidden });
const sym = Symbol("tag");
const symObj = { [sym]: "symbol value", plain: 1 };
const symCopy = { ...symObj };
console.log(symCopy[sym], Object.keys(symCopy));
const nested = { inner: { deep: 1 } };
const shallow = { ...nested };
shallow.inner.deep = 2;
console.log(nested.inner.deep, shallow.inner === nested.inner);
const ordered = { z: 1, 2: "two", a: 3, 1: "one" };
console.log(Object.keys({ ...ordered, 0: "zero", b: 4 }));
function update(state, patch) { return { ...state, ...patch, version: state.version + 1 }; }
let st = { name: "s", version: 1 };
st = update(st, { name: "t" });
st = update(st, {});
console.log(st);
const { a, ...others } = { a: 1, b: 2, c: 3 };
console.log(a, others);
const { ...all } = "ab";
console.log(all);
