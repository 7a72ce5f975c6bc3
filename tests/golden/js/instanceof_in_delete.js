class A {}
class B extends A {}
const b = new B();
console.log(b instanceof B, b instanceof A, [] instanceof Array, [] instanceof Object);
console.log(null instanceof Object, "str" instanceof String, new String("s") instanceof String);
const o = { x: 1, y: undefined };
console.log("x" in o, "y" in o, "z" in o, "toString" in o);
console.log(0 in [5], 1 in [5], "length" in []);
console.log(delete o.x, o, "x" in o);
console.log(delete o.nothing);
const arr = [1, 2, 3];
delete arr[1];
console.log(arr, arr.length, 1 in arr);
const frozen = Object.freeze({ k: 1 });
console.log(delete frozen.k, frozen.k);
try { "x" in 5; } catch (e) { console.log(e.constructor.name); }
