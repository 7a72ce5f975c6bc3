// Private #fields are per-class, invisible to keys/JSON/console.log, checkable with `#x in obj`.
class Account {
  #balance = 0;
  #history = [];
  static #created = 0;
  constructor(owner) {
    this.owner = owner;
    Account.#created++;
  }
  deposit(amount) {
    this.#balance += amount;
    this.#history.push(`+${amount}`);
    return this;
  }
  get balance() { return this.#balance; }
  history() { return this.#history.join(" "); }
  static created() { return Account.#created; }
  static isAccount(obj) { return #balance in obj; }
  sameBalance(other) { return this.#balance === other.#balance; }
}
const a = new Account("ann").deposit(10).deposit(5);
const b = new Account("bob").deposit(15);
console.log(a.balance, a.history(), Account.created());
console.log(a, Object.keys(a), JSON.stringify(a));
console.log(a.sameBalance(b), Account.isAccount(a), Account.isAccount({ balance: 1 }));
console.log(a["#balance"], "#balance" in a);
try {
  a.sameBalance({});
} catch (e) {
  console.log(e.name + ": " + e.message);
}
try {
  Account.prototype.history.call({});
} catch (e) {
  console.log(e.name + ": " + e.message);
}
class Counter {
  #count = 0;
  increment() { return ++this.#count; }
  static compare(x, y) { return x.#count - y.#count; }
}
const c1 = new Counter(), c2 = new Counter();
c1.increment();
c1.increment();
c2.increment();
console.log(Counter.compare(c1, c2), Counter.compare(c2, c1));
class Sub extends Account {
  #balance = "sub's own #balance";
  subSecret() { return this.#balance; }
}
const s = new Sub("sam").deposit(7);
console.log(s.balance, s.subSecret(), Account.isAccount(s));
class Pair {
  #left; #right;
  constructor(l, r) { this.#left = l; this.#right = r; }
  swap() { [this.#left, this.#right] = [this.#right, this.#left]; return this; }
  toString() { return `(${this.#left}, ${this.#right})`; }
}
console.log(`${new Pair(1, 2).swap()}`);
