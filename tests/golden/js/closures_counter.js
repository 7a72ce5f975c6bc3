function makeCounter(start = 0, step = 1) {
  let count = start;
  return {
    next() { count += step; return count; },
    reset() { count = start; },
    get value() { return count; },
  };
}
const c1 = makeCounter();
const c2 = makeCounter(100, 10);
c1.next(); c1.next();
c2.next();
console.log(c1.value, c2.value);
c1.reset();
console.log(c1.value, c1.next());
function adder(x) { return y => z => x + y + z; }
console.log(adder(1)(2)(3), adder("a")("b")("c"));
const once = fn => { let done = false, r; return (...a) => done ? r : (done = true, r = fn(...a)); };
const init = once((x) => { console.log("init runs", x); return x * 2; });
console.log(init(5), init(6));
