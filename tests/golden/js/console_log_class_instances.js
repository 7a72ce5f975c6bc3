// Class instances print as `ClassName { fields }`; null-prototype objects are flagged.
class Point { constructor(x, y) { this.x = x; this.y = y; } }
class Empty {}
class WithAccessor { constructor() { this.v = 1; } get double() { return this.v * 2; } }
class WithPrivate { #hidden = 1; shown = 2; }
class Point3 extends Point { constructor(x, y, z) { super(x, y); this.z = z; } }
console.log(new Point(1, 2));
console.log(new Empty());
console.log(new WithAccessor());
console.log(new WithPrivate());
console.log(new Point3(1, 2, 3));
console.log([new Point(0, 0), new Empty()]);
console.log({ origin: new Point(0, 0), list: [new Point3(1, 1, 1)] });
const bare = Object.create(null);
bare.a = 1;
bare.b = "two";
console.log(bare);
console.log(Object.create(null));
console.log({ inner: bare });
function Legacy(n) { this.n = n; }
console.log(new Legacy(5));
const viaCreate = Object.create(Point.prototype);
viaCreate.x = 9;
console.log(viaCreate);
const anon = new (class { constructor() { this.k = "v"; } })();
console.log(anon);
const protoObj = Object.create({ inherited: true });
protoObj.own = 1;
console.log(protoObj);
class Counter { static instances = 0; count = 0; constructor() { Counter.instances++; } }
console.log(new Counter(), Counter.instances, [new Counter(), new Counter()], Counter.instances);
class Big { constructor() { for (let i = 0; i < 10; i++) this["field" + i] = i * 1000; } }
console.log(new Big());
class Holder { constructor() { this.map = new Map([[1, new Point(1, 1)]]); this.set = new Set([new Empty()]); } }
console.log(new Holder());
console.log(String(new Point(1, 2)), `${new Empty()}`, Object.prototype.toString.call(new Point3()));
