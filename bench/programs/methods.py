# Method calls through classes: a small vector class, and accounts with a
# subclass that overrides one method and calls the base one.
N = 300000  # small: 6000


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y


class Account:
    def __init__(self, balance):
        self.balance = balance

    def deposit(self, v):
        self.balance += v

    def withdraw(self, v):
        if v <= self.balance:
            self.balance -= v
            return True
        return False


class Savings(Account):
    def deposit(self, v):
        super().deposit(v + 1)


accounts = [Savings(100) if k % 2 == 0 else Account(100) for k in range(10)]
acc = Vec(0, 0)
total = 0
for i in range(N):
    v = Vec(i % 10, i % 7)
    acc = acc.add(v.scale(2))
    total = (total + acc.dot(v)) % 1000003
    a = accounts[i % 10]
    a.deposit(i % 13)
    if not a.withdraw(i % 17):
        total += 1
balances = 0
for a in accounts:
    balances += a.balance
print(total, acc.x, acc.y, balances)
