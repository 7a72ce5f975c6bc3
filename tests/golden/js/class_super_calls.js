// super(...) in constructors, super.method() in methods, static methods and object literals.
class Animal {
  constructor(name, sound = "...") {
    this.name = name;
    this.sound = sound;
  }
  speak() { return `${this.name} says ${this.sound}`; }
  describe() { return `Animal(${this.name})`; }
  static kind() { return "animal"; }
  get title() { return "the " + this.name; }
}
class Dog extends Animal {
  constructor(name) {
    super(name, "woof");
    this.tricks = [];
  }
  speak() { return super.speak() + "!"; }
  describe() { return `Dog<${super.describe()}>`; }
  static kind() { return "dog, a kind of " + super.kind(); }
  get title() { return super.title.toUpperCase(); }
}
class Puppy extends Dog {
  speak() { return super.speak().replace("woof", "yip"); }
}
const d = new Dog("Rex");
const p = new Puppy("Bit");
console.log(d.speak(), "|", p.speak());
console.log(d.describe(), "|", p.describe());
console.log(Dog.kind(), "|", Puppy.kind());
console.log(d.title, p.title);
console.log(p);
class Arrowed extends Animal {
  speak() { return ["a", "b"].map(x => super.speak() + x).join(" / "); }
}
console.log(new Arrowed("Arr", "hm").speak());
console.log(new (class extends Animal {})("dc", "moo").speak());
const base = { greet() { return "base greet for " + this.name; } };
const obj = {
  __proto__: base,
  name: "literal",
  greet() { return "override -> " + super.greet(); },
};
console.log(obj.greet());
class Counter {
  n = 0;
  inc() { this.n++; return this; }
}
class LoudCounter extends Counter {
  inc() { console.log("inc from", this.n); return super.inc(); }
}
console.log(new LoudCounter().inc().inc().n);
class ReturnsEarly extends Animal {
  constructor() {
    const result = super("early");
    console.log("super returns this:", result === this);
  }
}
new ReturnsEarly();
