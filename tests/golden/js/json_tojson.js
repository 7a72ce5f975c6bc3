// toJSON(key) is called before serialising a value; its result is what gets serialised.
class Money {
  constructor(cents, cur) { this.cents = cents; this.cur = cur; }
  toJSON(key) { return `${(this.cents / 100).toFixed(2)} ${this.cur}${key ? " @" + key : ""}`; }
}
const order = { total: new Money(1999, "EUR"), items: [new Money(500, "EUR")], note: "ok" };
console.log(JSON.stringify(order));
console.log(JSON.stringify(new Money(1, "USD")));
console.log(JSON.stringify([new Money(250, "GBP")], null, 2));
const viaObject = { toJSON() { return { replaced: true, nested: { toJSON: () => "inner toJSON" } }; } };
console.log(JSON.stringify({ x: viaObject }));
const returnsUndefined = { toJSON() { return undefined; } };
console.log(JSON.stringify({ a: returnsUndefined, b: 1 }), JSON.stringify([returnsUndefined]), JSON.stringify(returnsUndefined));
const d = new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 250));
console.log(JSON.stringify(d), JSON.stringify({ when: d }), d.toJSON());
console.log(JSON.stringify({ bad: new Date(NaN) }));
const seenKeys = [];
const spy = { toJSON(key) { seenKeys.push(key); return key.length; } };
console.log(JSON.stringify({ first: spy, second: [spy, spy], third: { deep: spy } }));
console.log(seenKeys);
const notFn = { toJSON: "just a string property", value: 1 };
console.log(JSON.stringify(notFn));
class Secretive {
  constructor() { this.public = "visible"; this.password = "hidden"; }
  toJSON() { const { password, ...rest } = this; return rest; }
}
console.log(JSON.stringify({ user: new Secretive() }));
const withReplacer = JSON.stringify({ m: new Money(100, "JPY") }, (k, v) => (typeof v === "string" ? v.toLowerCase() : v));
console.log(withReplacer);
console.log(JSON.stringify({ toJSON() { return [1, 2, 3]; } }, null, 1));
