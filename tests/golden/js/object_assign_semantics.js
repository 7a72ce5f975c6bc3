// Object.assign copies own enumerable properties (strings and symbols) left to right,
// invoking getters on sources and setters on the target; it mutates and returns the target.
const target = { a: 1, b: 1 };
const result = Object.assign(target, { b: 2, c: 2 }, { c: 3, d: 3 });
console.log(result, result === target);
console.log(Object.assign({}, null, undefined, 1, true), Object.assign({}, "abc"), Object.assign({}, [7, 8]));
const sym = Symbol("s");
console.log(Object.assign({}, { [sym]: "symbol copied" })[sym]);
const log = [];
const source = {
  get lazy() { log.push("source getter"); return "computed"; },
  plain: "p",
};
const withSetter = {
  set lazy(v) { log.push("target setter " + v); this._lazy = v; },
};
Object.assign(withSetter, source);
console.log(withSetter._lazy, withSetter.plain, log);
const proto = { inherited: 1 };
const src = Object.create(proto);
src.own = 2;
Object.defineProperty(src, "hidden", { value: 3, enumerable: false });
console.log(Object.assign({}, src));
const deep = { nested: { x: 1 } };
const shallow = Object.assign({}, deep);
shallow.nested.x = 99;
console.log(deep.nested.x, shallow.nested === deep.nested);
const defaults = { color: "black", size: "M", tags: [] };
const opts = Object.assign({}, defaults, { size: "L" }, { color: undefined });
console.log(opts, "color" in opts);
const arr = Object.assign([1, 2, 3], [9]);
console.log(arr, Object.assign([1, 2], { 2: "two" }), Object.assign([], "xy"));
const merged = [{ a: 1 }, { b: 2 }, { a: 3 }].reduce((acc, o) => Object.assign(acc, o), {});
console.log(merged);
const order = Object.assign({ z: 0 }, { 2: "b", 1: "a", y: 1 });
console.log(Object.keys(order));
try {
  Object.assign(null, { a: 1 });
} catch (e) {
  console.log(e.name, e.message);
}
const frozen = Object.freeze({ locked: 1 });
try {
  Object.assign(frozen, { locked: 2 });
} catch (e) {
  console.log(e.name, e.message);
}
console.log(frozen.locked, typeof Object.assign(5, { a: 1 }), Object.assign(5, { a: 1 }).a);
