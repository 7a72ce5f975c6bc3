// Accessor properties on object literals and through defineProperty.
const temp = {
  _celsius: 20,
  get fahrenheit() { return this._celsius * 9 / 5 + 32; },
  set fahrenheit(f) { this._celsius = (f - 32) * 5 / 9; },
  get label() { return `${this._celsius.toFixed(1)}C`; },
};
console.log(temp.fahrenheit, temp.label);
temp.fahrenheit = 212;
console.log(temp._celsius, temp.label);
const log = [];
const audited = {
  _v: 0,
  get v() { log.push("get"); return this._v; },
  set v(x) { log.push("set " + x); this._v = x; },
};
audited.v += 5;
audited.v++;
console.log(audited.v, log);
const onlySetter = { set sink(x) { this.received = x; } };
onlySetter.sink = "stored";
console.log(onlySetter.sink, onlySetter.received);
const base = {
  get who() { return "base sees " + this.name; },
};
const derived = Object.create(base);
derived.name = "derived";
console.log(derived.who);
const desc = Object.getOwnPropertyDescriptor(temp, "fahrenheit");
console.log(typeof desc.get, typeof desc.set, desc.enumerable, desc.configurable);
const counter = {};
let hidden = 0;
Object.defineProperty(counter, "next", { get() { return ++hidden; }, enumerable: true });
console.log(counter.next, counter.next, counter.next, hidden);
console.log(Object.keys(counter), JSON.stringify(counter));
const lazy = {
  get expensive() {
    console.log("computing once");
    Object.defineProperty(this, "expensive", { value: 42, enumerable: true });
    return this.expensive;
  },
};
console.log(lazy.expensive, lazy.expensive);
console.log(Object.entries({ get a() { return 1; }, b: 2 }));
const withKeyName = { get ["comp" + "uted"]() { return "computed getter"; } };
console.log(withKeyName.computed);
console.log({ get shown() { return 1; }, set shown(v) {} });
console.log({ get onlyGet() { return 1; } }, { set onlySet(v) {} });
