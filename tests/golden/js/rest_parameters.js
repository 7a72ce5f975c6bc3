// Rest parameters collect the remaining arguments into a real array.
function collect(first, ...rest) {
  return { first, rest, isArray: Array.isArray(rest), length: rest.length };
}
console.log(collect());
console.log(collect(1));
console.log(collect(1, 2, 3));
console.log(collect(...["a", "b"], "c"));
const sum = (...nums) => nums.reduce((a, b) => a + b, 0);
console.log(sum(), sum(5), sum(1, 2, 3, 4, 5));
function restDestructured(head, ...[second, third = "none"]) {
  return [head, second, third];
}
console.log(restDestructured(1, 2), restDestructured(1, 2, 3, 4));
function tagged(strings, ...values) {
  return values.length + " values";
}
console.log(tagged`a${1}b${2}c${3}`);
function countArgs(...args) { return args.length; }
console.log(countArgs(undefined, undefined), countArgs(...[]), countArgs(...new Set([1, 1, 2])));
const max = (...xs) => xs.length === 0 ? "empty" : Math.max(...xs);
console.log(max(), max(3, 9, 2));
function forward(...args) { return collect(...args); }
console.log(forward("x", "y"));
const obj = {
  method(...parts) { return parts.join("-"); },
};
console.log(obj.method("a", "b", "c"));
class Logger {
  constructor(prefix) { this.prefix = prefix; this.lines = []; }
  log(...parts) { this.lines.push([this.prefix, ...parts].join(" ")); return this; }
}
const lg = new Logger(">");
lg.log("one").log("two", 2).log();
console.log(lg.lines);
function restIsCopy(...r) { r.push("added"); return r; }
const source = [1, 2];
console.log(restIsCopy(...source), source);
console.log(((a, ...b) => b).length, (function (...all) {}).length);
