// Calling a class without `new` throws a TypeError.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  plus(o) {
    return new Point(this.x + o.x, this.y + o.y);
  }
}
const a = new Point(1, 2);
const b = new Point(10, 20);
console.log(a.plus(b));
const factories = [
  (x, y) => new Point(x, y),
  Point,
];
for (const make of factories) {
  console.log("making with", make.name || "arrow");
  console.log(make(3, 4));
}
console.log("not reached");
