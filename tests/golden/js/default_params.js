// Default parameters: evaluated at call time, left to right, only for undefined.
let calls = 0;
function nextId() { calls++; return calls; }
function make(id = nextId(), label = `item-${id}`) {
  return { id, label };
}
console.log(make(), make(), make(50), make(undefined, "custom"));
console.log("nextId calls:", calls);
function nullIsNotMissing(v = "default") { return v; }
console.log(nullIsNotMissing(null), nullIsNotMissing(undefined), nullIsNotMissing(0), nullIsNotMissing(""), nullIsNotMissing());
function freshEachCall(list = []) {
  list.push(list.length);
  return list;
}
console.log(freshEachCall(), freshEachCall(), freshEachCall([9]));
const outer = "outer value";
function seesOuter(a = outer) { return a; }
console.log(seesOuter());
function usesEarlier(a, b = a * 2, c = a + b) { return [a, b, c]; }
console.log(usesEarlier(1), usesEarlier(1, 5), usesEarlier(2, undefined, 0));
const arrow = (x = 10, { y = 20, z } = {}) => [x, y, z];
console.log(arrow(), arrow(1, { z: 3 }), arrow(undefined, { y: null }));
function lengthCounts(a, b = 1, c) { return a; }
console.log(lengthCounts.length, ((a, b, c = 1) => 0).length, ((...r) => 0).length);
function withArguments(a, b = 2) { return arguments.length; }
console.log(withArguments(1), withArguments(1, 2, 3));
function defaultFn(cb = x => x + "!") { return cb("hi"); }
console.log(defaultFn(), defaultFn(s => s.toUpperCase()));
function order(a = log("a"), b = log("b")) { return a + b; }
function log(s) { console.log("evaluating", s); return s; }
console.log(order(), order("A"));
class Opts {
  constructor({ verbose = false, level = 1 } = {}) {
    this.verbose = verbose;
    this.level = level;
  }
}
console.log(new Opts(), new Opts({ level: 3 }));
