const base = { greet() { return "hi from " + this.name; }, kind: "base" };
const child = Object.create(base);
child.name = "child";
console.log(child.greet(), child.kind, Object.getPrototypeOf(child) === base);
console.log(child.hasOwnProperty("name"), child.hasOwnProperty("kind"), "kind" in child);
child.kind = "own";
console.log(child.kind, base.kind);
delete child.kind;
console.log(child.kind);
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return this.name + " makes a sound"; };
function Dog(name) { Animal.call(this, name); }
Dog.prototype = Object.create(Animal.prototype);
Dog.prototype.constructor = Dog;
Dog.prototype.speak = function () { return Animal.prototype.speak.call(this) + " (woof)"; };
const d = new Dog("Rex");
console.log(d.speak(), d instanceof Dog, d instanceof Animal, d instanceof Object);
console.log(Object.keys(d), d.constructor.name);
const bare = Object.create(null);
bare.x = 1;
console.log(Object.getPrototypeOf(bare), "toString" in bare, Object.keys(bare));
const o = { a: 1, "b-c": 2, 3: "three", [`comp${"uted"}`]: 4 };
console.log(o, o["b-c"], o[3], o.computed);
