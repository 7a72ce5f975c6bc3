// Functions print as [Function: name], classes as [class Name], symbols as Symbol(desc).
function named() {}
const arrow = () => {};
const anonymous = [function () {}][0];
async function asyncFn() {}
function* genFn() {}
async function* asyncGen() {}
class Plain {}
class Child extends Plain {}
const bound = named.bind(null);
console.log(named, arrow, anonymous);
console.log(asyncFn, genFn, asyncGen);
console.log(Plain, Child, class {});
console.log(bound, Math.max, [].push);
console.log([named, arrow, Plain], { fn: named, cls: Child, method() {} });
const obj = { method() {}, arrowProp: () => 1, ["computed" + 1]() {}, get g() { return 1; } };
console.log(obj);
console.log(Symbol("desc"), Symbol(), Symbol.iterator, Symbol.for("registered"));
console.log([Symbol("in array")], { sym: Symbol("as value") });
const key = Symbol("key");
console.log({ [key]: "symbol keyed", normal: 1 });
console.log({ [Symbol()]: 1, [Symbol.iterator]: 2 });
console.log(String(Symbol("s")), Symbol("s").toString(), Symbol("d").description, Symbol().description);
console.log(typeof named, typeof Plain, typeof Symbol(), named.name, arrow.name, anonymous.name, bound.name);
console.log(named.length, ((a, b) => 0).length, Plain.name, Child.name, (class {}).name);
const holder = { f: function () {}, g: () => {}, h: class {} };
console.log(holder, holder.f.name, holder.g.name, holder.h.name);
console.log(new Map([[named, arrow]]), new Set([Plain]));
console.log(`${named}`.startsWith("function named"), String(arrow), String(class A {}));
