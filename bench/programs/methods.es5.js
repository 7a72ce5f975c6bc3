var N = 300000;

function Vec(x, y) {
  this.x = x;
  this.y = y;
}
Vec.prototype.add = function (o) { return new Vec(this.x + o.x, this.y + o.y); };
Vec.prototype.scale = function (k) { return new Vec(this.x * k, this.y * k); };
Vec.prototype.dot = function (o) { return this.x * o.x + this.y * o.y; };

function Account(balance) { this.balance = balance; }
Account.prototype.deposit = function (v) { this.balance += v; };
Account.prototype.withdraw = function (v) {
  if (v <= this.balance) {
    this.balance -= v;
    return true;
  }
  return false;
};

function Savings(balance) { Account.call(this, balance); }
Savings.prototype = Object.create(Account.prototype);
Savings.prototype.constructor = Savings;
Savings.prototype.deposit = function (v) { Account.prototype.deposit.call(this, v + 1); };

var accounts = [];
for (var k = 0; k < 10; k++) accounts.push(k % 2 === 0 ? new Savings(100) : new Account(100));
var acc = new Vec(0, 0);
var total = 0;
for (var i = 0; i < N; i++) {
  var v = new Vec(i % 10, i % 7);
  acc = acc.add(v.scale(2));
  total = (total + acc.dot(v)) % 1000003;
  var a = accounts[i % 10];
  a.deposit(i % 13);
  if (!a.withdraw(i % 17)) total += 1;
}
var balances = 0;
for (k = 0; k < accounts.length; k++) balances += accounts[k].balance;
console.log(total, acc.x, acc.y, balances);
