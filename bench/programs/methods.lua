local N = 300000

local Vec = {}
Vec.__index = Vec

function Vec.new(x, y)
  return setmetatable({x = x, y = y}, Vec)
end

function Vec:add(o)
  return Vec.new(self.x + o.x, self.y + o.y)
end

function Vec:scale(k)
  return Vec.new(self.x * k, self.y * k)
end

function Vec:dot(o)
  return self.x * o.x + self.y * o.y
end

local Account = {}
Account.__index = Account

function Account.new(balance)
  return setmetatable({balance = balance}, Account)
end

function Account:deposit(v)
  self.balance = self.balance + v
end

function Account:withdraw(v)
  if v <= self.balance then
    self.balance = self.balance - v
    return true
  end
  return false
end

local Savings = setmetatable({}, {__index = Account})
Savings.__index = Savings

function Savings.new(balance)
  return setmetatable(Account.new(balance), Savings)
end

function Savings:deposit(v)
  Account.deposit(self, v + 1)
end

local accounts = {}
for k = 0, 9 do
  accounts[k + 1] = k % 2 == 0 and Savings.new(100) or Account.new(100)
end
local acc = Vec.new(0, 0)
local total = 0
for i = 0, N - 1 do
  local v = Vec.new(i % 10, i % 7)
  acc = acc:add(v:scale(2))
  total = (total + acc:dot(v)) % 1000003
  local a = accounts[i % 10 + 1]
  a:deposit(i % 13)
  if not a:withdraw(i % 17) then
    total = total + 1
  end
end
local balances = 0
for _, a in ipairs(accounts) do
  balances = balances + a.balance
end
print(string.format("%d %d %d %d", total, acc.x, acc.y, balances))
