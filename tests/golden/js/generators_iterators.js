function* count(from, to) {
  for (let i = from; i <= to; i++) yield i;
  return "done";
}
console.log([...count(1, 4)]);
const it = count(1, 2);
console.log(it.next(), it.next(), it.next(), it.next());
function* echo() {
  let received = yield "first";
  while (true) received = yield `got ${received}`;
}
const e = echo();
console.log(e.next("ignored").value, e.next("a").value, e.next("b").value);
function* inner() { yield 1; yield 2; return "inner-result"; }
function* outer() { const r = yield* inner(); yield r; yield* [3, 4]; }
console.log([...outer()]);
class Range {
  constructor(lo, hi) { this.lo = lo; this.hi = hi; }
  [Symbol.iterator]() {
    let cur = this.lo;
    const hi = this.hi;
    return { next: () => (cur < hi ? { value: cur++, done: false } : { value: undefined, done: true }) };
  }
}
console.log([...new Range(3, 7)], Array.from(new Range(0, 3), x => x * x));
for (const v of new Range(10, 12)) console.log("range", v);
const [first, second] = new Range(5, 100);
console.log(first, second);
function* fib() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } }
const out = [];
for (const f of fib()) { if (f > 50) break; out.push(f); }
console.log(out);
function* withFinally() { try { yield 1; yield 2; } finally { console.log("cleanup"); } }
for (const v of withFinally()) { console.log(v); break; }
const gen = count(1, 3);
console.log(gen.return("early"), gen.next());
console.log(typeof gen[Symbol.iterator], gen[Symbol.iterator]() === gen);
