// Object.freeze/isFrozen and Object.seal/isSealed, observed without relying on
// sloppy-mode silent failures (defineProperty throws in every mode).
const cfg = Object.freeze({ host: "h", nested: { port: 1 }, list: [1] });
console.log(Object.isFrozen(cfg), Object.isFrozen(cfg.nested), Object.isFrozen(cfg.list));
cfg.nested.port = 2;
cfg.list.push(2);
console.log(cfg);
const desc = Object.getOwnPropertyDescriptor(cfg, "host");
console.log(desc.writable, desc.configurable, desc.enumerable, desc.value);
try {
  Object.defineProperty(cfg, "host", { value: "changed" });
} catch (e) {
  console.log(e.name, e.message);
}
try {
  Object.defineProperty(cfg, "added", { value: 1 });
} catch (e) {
  console.log(e.name, e.message);
}
console.log(cfg.host, "added" in cfg, Object.isExtensible(cfg));
const deepFreeze = o => {
  Object.values(o).forEach(v => { if (typeof v === "object" && v !== null) deepFreeze(v); });
  return Object.freeze(o);
};
const deep = deepFreeze({ a: { b: { c: [1, { d: 2 }] } } });
console.log(Object.isFrozen(deep.a.b.c[1]), Object.isFrozen(deep.a.b));
console.log(Object.isFrozen(1), Object.isFrozen("str"), Object.isFrozen(null), Object.freeze(5), Object.isFrozen({}));
console.log(Object.isFrozen(Object.preventExtensions({})), Object.isFrozen(Object.preventExtensions({ x: 1 })));
const frozenArr = Object.freeze([3, 1, 2]);
console.log(Object.isFrozen(frozenArr), frozenArr.slice().sort(), frozenArr, frozenArr.map(x => x * 2));
try {
  frozenArr.push(4);
} catch (e) {
  console.log(e.name, e.message);
}
try {
  frozenArr.sort();
} catch (e) {
  console.log(e.name, e.message);
}
const sealed = Object.seal({ x: 1 });
sealed.x = 2;
console.log(sealed, Object.isSealed(sealed), Object.isFrozen(sealed), Object.isSealed(cfg));
try {
  Object.defineProperty(sealed, "y", { value: 1 });
} catch (e) {
  console.log(e.name, e.message);
}
const copy = { ...cfg };
copy.host = "copies are not frozen";
console.log(copy.host, Object.isFrozen(copy), Object.freeze(cfg) === cfg);
