// Infinite generators consumed lazily: only the values actually needed are computed.
let produced = 0;
function* naturals(start = 1) {
  for (let n = start; ; n++) {
    produced++;
    yield n;
  }
}
function* map(it, fn) { for (const v of it) yield fn(v); }
function* filter(it, pred) { for (const v of it) if (pred(v)) yield v; }
function* take(it, n) {
  if (n <= 0) return;
  for (const v of it) {
    yield v;
    if (--n <= 0) return;
  }
}
function* takeWhile(it, pred) { for (const v of it) { if (!pred(v)) return; yield v; } }
function* zip(a, b) {
  const ia = a[Symbol.iterator](), ib = b[Symbol.iterator]();
  while (true) {
    const x = ia.next(), y = ib.next();
    if (x.done || y.done) return;
    yield [x.value, y.value];
  }
}
const squaresOfOdds = take(map(filter(naturals(), n => n % 2), n => n * n), 5);
console.log([...squaresOfOdds], "produced:", produced);
produced = 0;
console.log([...takeWhile(naturals(), n => n * n < 50)], "produced:", produced);
function* primes() {
  const found = [];
  for (const n of naturals(2)) {
    if (found.every(p => n % p !== 0)) {
      found.push(n);
      yield n;
    }
  }
}
console.log([...take(primes(), 15)]);
function* fibonacci() {
  for (let [a, b] = [0, 1]; ; [a, b] = [b, a + b]) yield a;
}
console.log([...take(fibonacci(), 12)].join(" "));
console.log([...zip("abc", naturals())]);
function* cycle(items) { while (true) yield* items; }
console.log([...take(cycle(["r", "g", "b"]), 7)].join(""));
const reduce = (it, fn, acc) => { for (const v of it) acc = fn(acc, v); return acc; };
console.log(reduce(take(naturals(), 100), (s, n) => s + n, 0));
function* chunk(it, size) {
  let buf = [];
  for (const v of it) if (buf.push(v) === size) { yield buf; buf = []; }
  if (buf.length) yield buf;
}
console.log([...chunk(take(naturals(), 10), 4)]);
