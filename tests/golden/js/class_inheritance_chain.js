// A three-level hierarchy: method resolution, instanceof, constructor names, prototypes.
class Vehicle {
  constructor(wheels) { this.wheels = wheels; }
  info() { return `${this.constructor.name} with ${this.wheels} wheels`; }
  honk() { return "generic honk"; }
}
class Car extends Vehicle {
  constructor(brand) { super(4); this.brand = brand; }
  honk() { return "beep"; }
}
class SportsCar extends Car {
  constructor(brand, top) { super(brand); this.top = top; }
  info() { return super.info() + `, top speed ${this.top}`; }
}
const list = [new Vehicle(3), new Car("vw"), new SportsCar("ferrari", 320)];
for (const v of list) {
  console.log(v.info(), "|", v.honk());
}
for (const v of list) {
  console.log(v instanceof Vehicle, v instanceof Car, v instanceof SportsCar);
}
const sc = list[2];
console.log(Object.getPrototypeOf(sc) === SportsCar.prototype);
console.log(Object.getPrototypeOf(SportsCar.prototype) === Car.prototype);
console.log(Object.getPrototypeOf(SportsCar) === Car, Object.getPrototypeOf(Vehicle) === Function.prototype);
console.log(sc.hasOwnProperty("brand"), sc.hasOwnProperty("info"), "info" in sc);
console.log(Car.prototype.isPrototypeOf(sc), Vehicle.prototype.isPrototypeOf(sc), SportsCar.prototype.isPrototypeOf(list[1]));
console.log(list);
const chain = [];
for (let p = sc; p !== null; p = Object.getPrototypeOf(p)) {
  chain.push(p.constructor.name);
}
console.log(chain.join(" -> "));
Vehicle.prototype.describe = function () { return "added later to " + this.brand; };
console.log(sc.describe());
class Mixed extends Car {
  honk() { return [super.honk(), Vehicle.prototype.honk.call(this)].join(" & "); }
}
console.log(new Mixed("x").honk());
console.log(typeof Car, Car.name, Car.length, SportsCar.length);
function OldStyle(x) { this.x = x; }
OldStyle.prototype.getX = function () { return this.x; };
class NewOnOld extends OldStyle {
  constructor() { super(42); }
}
const n = new NewOnOld();
console.log(n.getX(), n instanceof OldStyle, n);
