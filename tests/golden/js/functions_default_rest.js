function f(a, b = a * 2, ...rest) { return [a, b, rest]; }
console.log(f(1));
console.log(f(1, undefined, 3, 4));
console.log(f(1, null));
function g(x = console.log("default evaluated") || 7) { return x; }
console.log(g(1));
console.log(g());
function count() { return arguments.length; }
console.log(count(), count(1, 2, 3), count(undefined));
function sum(...nums) { return nums.reduce((s, n) => s + n, 0); }
console.log(sum(), sum(1, 2, 3, 4));
const k = (first, ...others) => `${first}:${others.join("|")}`;
console.log(k("a", "b", "c"), k("z"));
function args() { return Array.prototype.slice.call(arguments, 1); }
console.log(args(1, 2, 3));
