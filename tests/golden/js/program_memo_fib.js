function memoize(fn) {
  const cache = new Map();
  let hits = 0;
  const wrapped = n => {
    if (cache.has(n)) { hits++; return cache.get(n); }
    const v = fn(n);
    cache.set(n, v);
    return v;
  };
  wrapped.stats = () => ({ size: cache.size, hits });
  return wrapped;
}
const fib = memoize(n => (n < 2 ? n : fib(n - 1) + fib(n - 2)));
console.log(fib(10), fib(50), fib(78), fib(79));
console.log(fib.stats());
console.log(Number.isSafeInteger(fib(78)), Number.isSafeInteger(fib(79)));
const slow = n => (n < 2 ? n : slow(n - 1) + slow(n - 2));
console.log(slow(20));
console.log(Array.from({ length: 15 }, (_, i) => fib(i)).join(" "));
