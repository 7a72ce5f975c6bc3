// Static methods and fields live on the constructor and are inherited by subclasses.
class Registry {
  static items = [];
  static count = 0;
  static prefix = "item";
  static register(name) {
    this.items.push(name);
    this.count++;
    return `${this.prefix}-${this.count}`;
  }
  static get size() { return this.items.length; }
  static set size(n) { this.items.length = n; }
  static describe() { return `${this.name} with ${this.size} items`; }
}
console.log(Registry.register("a"), Registry.register("b"));
console.log(Registry.size, Registry.describe());
Registry.size = 1;
console.log(Registry.items, Registry.count);
class SubRegistry extends Registry {
  static prefix = "sub";
}
console.log(SubRegistry.register("c"), SubRegistry.count, Registry.count);
console.log(SubRegistry.describe(), Object.hasOwn(SubRegistry, "count"));
console.log(Object.getPrototypeOf(SubRegistry) === Registry, SubRegistry.items === Registry.items);
const r = new Registry();
console.log(r.register, r.constructor.count, typeof Registry.register);
class MathUtil {
  static PI2 = Math.PI * 2;
  static DOUBLE_PI2 = MathUtil.PI2 * 2;
  static square(x) { return x * x; }
  static sumOfSquares(...xs) { return xs.reduce((s, x) => s + this.square(x), 0); }
}
console.log(MathUtil.PI2.toFixed(4), MathUtil.DOUBLE_PI2.toFixed(4), MathUtil.sumOfSquares(1, 2, 3));
class Config {
  static defaults = { debug: false };
  static create(overrides) { return Object.assign(new this(), this.defaults, overrides); }
}
class DebugConfig extends Config {
  static defaults = { ...Config.defaults, debug: true };
}
console.log(Config.create({ a: 1 }), DebugConfig.create({}));
console.log(Object.keys(Registry), Object.getOwnPropertyNames(MathUtil).sort());
class Singleton {
  static #instance = null;
  static get() { return Singleton.#instance ??= new Singleton(); }
}
console.log(Singleton.get() === Singleton.get());
const key = "dynamicStatic";
class Computed {
  static [key]() { return "computed static name"; }
  static ["lit" + "eral"] = 5;
}
console.log(Computed.dynamicStatic(), Computed.literal);
