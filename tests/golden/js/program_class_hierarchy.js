class Account {
  static #nextId = 1;
  constructor(owner, balance = 0) { this.id = Account.#nextId++; this.owner = owner; this.balance = balance; }
  deposit(x) { if (x <= 0) throw new RangeError("deposit must be positive"); this.balance += x; return this; }
  withdraw(x) { if (x > this.balance) throw new Error(`insufficient funds in #${this.id}`); this.balance -= x; return this; }
  monthEnd() {}
  toString() { return `${this.constructor.name}#${this.id}(${this.owner}: ${this.balance.toFixed(2)})`; }
}
class Savings extends Account {
  constructor(owner, balance, rate) { super(owner, balance); this.rate = rate; }
  monthEnd() { this.balance += this.balance * this.rate / 12; }
}
class Checking extends Account {
  monthEnd() { this.balance -= 1.5; }
  withdraw(x) { return super.withdraw(x + 0.25); }
}
const accounts = [new Savings("ann", 1200, 0.05), new Checking("bob", 100), new Account("cy")];
accounts[1].withdraw(20).deposit(5);
for (const a of accounts) a.monthEnd();
accounts.forEach(a => console.log(String(a)));
for (const op of [() => accounts[2].withdraw(1), () => accounts[0].deposit(-1)]) {
  try { op(); } catch (e) { console.log(e.name, e.message); }
}
const total = accounts.reduce((s, a) => s + a.balance, 0);
console.log(total.toFixed(2), accounts.map(a => a instanceof Savings));
console.log(accounts[1]);
