const N = 300000;

class Vec {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  add(o) { return new Vec(this.x + o.x, this.y + o.y); }
  scale(k) { return new Vec(this.x * k, this.y * k); }
  dot(o) { return this.x * o.x + this.y * o.y; }
}

class Account {
  constructor(balance) { this.balance = balance; }
  deposit(v) { this.balance += v; }
  withdraw(v) {
    if (v <= this.balance) {
      this.balance -= v;
      return true;
    }
    return false;
  }
}

class Savings extends Account {
  deposit(v) { super.deposit(v + 1); }
}

const accounts = [];
for (let k = 0; k < 10; k++) accounts.push(k % 2 === 0 ? new Savings(100) : new Account(100));
let acc = new Vec(0, 0);
let total = 0;
for (let i = 0; i < N; i++) {
  const v = new Vec(i % 10, i % 7);
  acc = acc.add(v.scale(2));
  total = (total + acc.dot(v)) % 1000003;
  const a = accounts[i % 10];
  a.deposit(i % 13);
  if (!a.withdraw(i % 17)) total += 1;
}
let balances = 0;
for (const a of accounts) balances += a.balance;
console.log(total, acc.x, acc.y, balances);
