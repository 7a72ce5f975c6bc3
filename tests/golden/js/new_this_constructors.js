function Point(x, y) {
  this.x = x;
  this.y = y;
}
Point.prototype.norm1 = function () { return Math.abs(this.x) + Math.abs(this.y); };
const p = new Point(3, -4);
console.log(p, p.norm1());
function ReturnsObject() { this.a = 1; return { b: 2 }; }
function ReturnsPrimitive() { this.a = 1; return 5; }
console.log(new ReturnsObject(), new ReturnsPrimitive());
function Counter() {
  if (!new.target) return new Counter();
  this.n = 0;
}
console.log(Counter(), new Counter());
const method = { who() { return this && this.id; } };
const holder = { id: "holder", who: method.who };
console.log(holder.who(), method.who());
console.log(typeof new Number(5), typeof Number("5"), new String("ab").length);
