// Public class fields: initialized per instance, in order, before the constructor body
// (or right after super() returns in a derived class).
const order = [];
const note = (msg, v) => { order.push(msg); return v; };
class Widget {
  id = note("field id", Widget.nextId++);
  label = note("field label", `widget-${this.id}`);
  tags = [];
  static nextId = 1;
  constructor(extra) {
    note("constructor body");
    if (extra) this.tags.push(extra);
  }
}
const w1 = new Widget("x");
const w2 = new Widget();
console.log(w1, w2);
console.log(order);
console.log(w1.tags === w2.tags);
class Base {
  baseField = note("base field", "B");
  constructor() { note("base constructor"); }
}
class Derived extends Base {
  derivedField = note("derived field", this.baseField + "D");
  constructor() {
    note("derived before super");
    super();
    note("derived after super");
  }
}
order.length = 0;
console.log(new Derived());
console.log(order);
class Clicker {
  count = 0;
  handle = () => { this.count++; return this.count; };
  method() { return this === undefined ? "lost this" : "has this"; }
}
const c = new Clicker();
const detached = c.handle;
detached();
detached();
console.log(c.count, Object.keys(c));
console.log(Object.hasOwn(c, "handle"), Object.hasOwn(c, "method"));
const name = "computedField";
class WithComputed {
  [name] = 1;
  ["x" + 2] = "x2";
  noInit;
}
console.log(new WithComputed(), "noInit" in new WithComputed());
class Shadow {
  value = "field";
  get value2() { return "getter"; }
}
console.log(new Shadow().value, new Shadow().value2, Object.keys(new Shadow()));
