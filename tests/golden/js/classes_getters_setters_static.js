class Temperature {
  static #instances = 0;
  static unit = "C";
  #c = 0;
  constructor(c) { this.#c = c; Temperature.#instances++; }
  get fahrenheit() { return this.#c * 9 / 5 + 32; }
  set fahrenheit(f) { this.#c = (f - 32) * 5 / 9; }
  get celsius() { return this.#c; }
  static get instances() { return Temperature.#instances; }
  static compare(a, b) { return a.celsius - b.celsius; }
}
const t = new Temperature(100);
console.log(t.fahrenheit, t.celsius);
t.fahrenheit = 32;
console.log(t.celsius);
const list = [new Temperature(30), new Temperature(-5), new Temperature(12)];
console.log(list.sort(Temperature.compare).map(x => x.celsius));
console.log(Temperature.instances, Temperature.unit);
const obj = {
  _v: 1,
  get v() { return this._v * 2; },
  set v(x) { this._v = x; },
};
obj.v = 21;
console.log(obj.v, Object.keys(obj));
console.log(obj);
