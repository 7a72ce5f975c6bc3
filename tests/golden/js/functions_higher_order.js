const compose = (...fns) => x => fns.reduceRight((acc, f) => f(acc), x);
const pipe = (...fns) => x => fns.reduce((acc, f) => f(acc), x);
const inc = x => x + 1, dbl = x => x * 2, sq = x => x * x;
console.log(compose(inc, dbl)(5), pipe(inc, dbl)(5), pipe()(7), compose(sq, inc, dbl)(3));
function curry(fn) {
  return function curried(...args) {
    return args.length >= fn.length ? fn.apply(this, args) : (...more) => curried.apply(this, args.concat(more));
  };
}
const add3 = curry((a, b, c) => a + b + c);
console.log(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3));
const partial = (fn, ...pre) => (...rest) => fn(...pre, ...rest);
console.log(partial(Math.max, 5)(1, 2), partial((a, b) => a / b, 1)(4));
const tally = {};
["a", "b", "a"].forEach(function (k) { this[k] = (this[k] || 0) + 1; }, tally);
console.log(tally);
const by = key => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
console.log([{ n: "b" }, { n: "a" }, { n: "c" }].sort(by("n")).map(o => o.n));
