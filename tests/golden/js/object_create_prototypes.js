// Object.create, getPrototypeOf/setPrototypeOf and prototype chains built by hand.
const animal = {
  describe() { return `${this.name} (${this.kind()})`; },
  kind() { return "animal"; },
};
const dog = Object.create(animal);
dog.kind = function () { return "dog"; };
const rex = Object.create(dog, { name: { value: "Rex", enumerable: true } });
console.log(rex.describe(), Object.getPrototypeOf(rex) === dog, Object.getPrototypeOf(dog) === animal);
console.log(animal.isPrototypeOf(rex), dog.isPrototypeOf(animal), Object.prototype.isPrototypeOf(rex));
const chain = [];
for (let p = rex; p; p = Object.getPrototypeOf(p)) chain.push(p === Object.prototype ? "Object.prototype" : Object.keys(p).join(","));
console.log(chain);
const dict = Object.create(null);
dict.key = "value";
console.log(Object.getPrototypeOf(dict), "toString" in dict, "hasOwnProperty" in dict, Object.keys(dict));
console.log(Object.prototype.hasOwnProperty.call(dict, "key"), Object.hasOwn(dict, "key"));
try {
  String(dict);
} catch (e) {
  console.log(e.name, e.message);
}
const withDescriptors = Object.create({}, {
  ro: { value: "read only", enumerable: true },
  rw: { value: 1, writable: true, enumerable: true },
  computed: { get() { return this.rw * 10; }, enumerable: false },
});
withDescriptors.rw = 5;
console.log(withDescriptors, withDescriptors.computed, Object.getOwnPropertyDescriptor(withDescriptors, "ro"));
const a = { a: 1 };
const b = { b: 2 };
Object.setPrototypeOf(a, b);
console.log(a.b, Object.getPrototypeOf(a) === b, Object.keys(a));
console.log(Object.getPrototypeOf(1) === Number.prototype, Object.getPrototypeOf("s") === String.prototype);
console.log(Object.getPrototypeOf([]) === Array.prototype, Object.getPrototypeOf(Array.prototype) === Object.prototype);
console.log(Object.getPrototypeOf(function () {}) === Function.prototype, Object.getPrototypeOf(Object.prototype));
try {
  Object.getPrototypeOf(null);
} catch (e) {
  console.log(e.name, e.message);
}
try {
  Object.setPrototypeOf(b, a);
} catch (e) {
  console.log(e.name, e.message);
}
const shadow = Object.create({ greet() { return "proto greet"; } });
console.log(shadow.greet());
shadow.greet = () => "own greet";
console.log(shadow.greet(), Object.getPrototypeOf(shadow).greet());
