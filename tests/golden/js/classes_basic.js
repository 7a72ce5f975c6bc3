class Rect {
  static count = 0;
  unit = "cm";
  #secret = "hidden";
  constructor(w, h) { this.w = w; this.h = h; Rect.count++; }
  get area() { return this.w * this.h; }
  set width(v) { if (v < 0) throw new RangeError("negative width"); this.w = v; }
  static square(s) { return new Rect(s, s); }
  reveal() { return this.#secret; }
  toString() { return `Rect(${this.w}x${this.h})`; }
}
const r = new Rect(2, 3);
console.log(r.area, r.unit, r.reveal(), String(r), `${Rect.square(4)}`);
r.width = 10;
console.log(r.area, Rect.count);
try { r.width = -1; } catch (e) { console.log(e.name + ": " + e.message); }
console.log(r);
console.log(typeof Rect, Object.getOwnPropertyNames(Rect.prototype));
try { Rect(1, 2); } catch (e) { console.log(e.constructor.name); }
class Empty {}
console.log(new Empty(), new Empty() instanceof Empty);
