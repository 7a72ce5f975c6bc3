// instanceof walks the prototype chain; `in` checks own and inherited keys; delete removes own keys.
function Legacy() {}
const legacy = new Legacy();
console.log(legacy instanceof Legacy, legacy instanceof Object, Legacy instanceof Function);
const noProto = Object.create(null);
console.log(noProto instanceof Object, Object.create(Legacy.prototype) instanceof Legacy);
class A {}
const a = new A();
Object.setPrototypeOf(a, Array.prototype);
console.log(a instanceof A, a instanceof Array);
console.log(1 instanceof Number, Object(1) instanceof Number, (() => {}) instanceof Function);
try {
  console.log({} instanceof {});
} catch (e) {
  console.log(e.name, e.message);
}
const parent = { inherited: 1 };
const child = Object.create(parent);
child.own = undefined;
console.log("own" in child, "inherited" in child, "missing" in child, "constructor" in child);
console.log(child.hasOwnProperty("own"), child.hasOwnProperty("inherited"), Object.hasOwn(child, "inherited"));
const arr = ["a", "b"];
console.log(0 in arr, "1" in arr, 2 in arr, "length" in arr, "push" in arr);
const sym = Symbol("k");
const withSym = { [sym]: 1 };
console.log(sym in withSym, Symbol("k") in withSym);
const obj = { x: 1, y: 2, z: 3 };
console.log(delete obj.x, delete obj["y"], delete obj.notThere, obj);
const key = "z";
console.log(delete obj[key], Object.keys(obj));
child.inherited = "shadow";
console.log(child.inherited, delete child.inherited, child.inherited);
console.log(delete child.inherited, child.inherited, parent.inherited);
const list = [1, 2, 3];
console.log(delete list[2], list.length, 2 in list);
list.length = 2;
console.log(list);
const nested = { a: { b: { c: 1 } } };
delete nested.a.b.c;
console.log(nested, delete nested.a?.b);
console.log(nested);
class Shape {}
class Circle extends Shape {}
const shapes = [new Circle(), new Shape(), {}];
console.log(shapes.map(s => (s instanceof Circle ? "circle" : s instanceof Shape ? "shape" : "other")));
