class Shape {
  constructor(name) { this.name = name; }
  describe() { return `${this.name} with area ${this.area().toFixed(2)}`; }
  area() { return 0; }
  static create(...args) { return new this(...args); }
}
class Circle extends Shape {
  constructor(r) { super("circle"); this.r = r; }
  area() { return Math.PI * this.r ** 2; }
}
class Square extends Shape {
  constructor(s) { super("square"); this.s = s; }
  area() { return this.s * this.s; }
  describe() { return "[" + super.describe() + "]"; }
}
const shapes = [new Circle(1), new Square(3), Circle.create(2), Square.create(1.5)];
for (const s of shapes) console.log(s.describe());
console.log(shapes[2] instanceof Circle, shapes[2] instanceof Shape, shapes[1] instanceof Circle);
console.log(Object.getPrototypeOf(Circle) === Shape, Circle.name, shapes[0].constructor.name);
console.log(shapes[0]);
class Base { constructor() { this.tag = this.constructor.name; } }
class Derived extends Base {}
console.log(new Derived().tag);
class NoSuper extends Base { constructor() { try { this.x = 1; } catch (e) { console.log(e.constructor.name); } super(); } }
new NoSuper();
