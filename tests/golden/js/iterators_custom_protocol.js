// Hand-written iterators: next() results, return() on early exit, iterables everywhere.
class Countdown {
  constructor(from) { this.from = from; }
  [Symbol.iterator]() {
    let current = this.from;
    const log = msg => console.log(`  [countdown ${this.from}] ${msg}`);
    return {
      next() {
        if (current < 0) return { done: true, value: undefined };
        return { done: false, value: current-- };
      },
      return(v) {
        log("return() called");
        return { done: true, value: v };
      },
    };
  }
}
console.log([...new Countdown(3)]);
for (const n of new Countdown(5)) {
  if (n === 3) break;
  console.log("tick", n);
}
const [x, y] = new Countdown(9);
console.log(x, y);
console.log(Array.from(new Countdown(2), n => n * 10), new Set(new Countdown(1)).size);
console.log(Math.max(...new Countdown(4)), new Map([...new Countdown(1)].map(n => [n, n * n])));
const pairs = {
  *[Symbol.iterator]() { yield ["a", 1]; yield ["b", 2]; },
};
console.log(new Map(pairs), Object.fromEntries(pairs));
const manual = new Countdown(1)[Symbol.iterator]();
console.log(manual.next(), manual.next(), manual.next(), manual.next());
const noReturn = {
  [Symbol.iterator]() {
    let i = 0;
    return { next: () => ({ value: i, done: i++ >= 3 }) };
  },
};
for (const v of noReturn) { if (v === 1) break; }
console.log("iterator without return() is fine:", [...noReturn]);
const selfIterable = {
  i: 0,
  next() { return this.i < 2 ? { value: this.i++, done: false } : { done: true }; },
  [Symbol.iterator]() { return this; },
};
console.log([...selfIterable], [...selfIterable]);
const arrIt = [1, 2, 3][Symbol.iterator]();
arrIt.next();
console.log([...arrIt], typeof arrIt[Symbol.iterator], arrIt[Symbol.iterator]() === arrIt);
const badIterator = { [Symbol.iterator]() { return { next: () => 42 }; } };
try { [...badIterator]; } catch (e) { console.log(e.name, e.message); }
const notCallable = { [Symbol.iterator]: 5 };
try { for (const v of notCallable) {} } catch (e) { console.log(e.name); }
