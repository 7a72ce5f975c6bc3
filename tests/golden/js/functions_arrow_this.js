const obj = {
  name: "obj",
  regular() { return this.name; },
  arrow: () => (this === undefined || this === globalThis ? "top-level this" : typeof this),
  delayed() { return [1, 2].map(() => this.name); },
  nested() { return [1].map(function () { return this === undefined ? "undef" : typeof this; }); },
};
console.log(obj.regular(), obj.arrow(), obj.delayed(), obj.nested());
const detached = obj.regular;
console.log(detached.call({ name: "other" }));
console.log(obj.regular.apply({ name: "applied" }, []));
const bound = obj.regular.bind({ name: "bound" });
console.log(bound(), bound.call({ name: "ignored" }));
function Outer() {
  this.v = 42;
  this.get = () => this.v;
}
const o = new Outer();
const g = o.get;
console.log(g());
function strictThis() { "use strict"; return this; }
console.log(strictThis(), strictThis.call(7));
console.log(((a, b) => a + b).length, (function (a, b, c) {}).length, ((...r) => r).length);
console.log((function named() {}).name, (() => {}).name, obj.regular.name);
