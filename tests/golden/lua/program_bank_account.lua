-- accounts with validation errors, transfers and a transaction log
local Account = {}
Account.__index = Account
Account.__tostring = function(a) return string.format("%s: %.2f", a.owner, a.balance) end
function Account.new(owner, balance)
  if type(owner) ~= "string" then error("owner must be a string", 2) end
  return setmetatable({owner = owner, balance = balance or 0, log = {}}, Account)
end
function Account:deposit(v)
  if v <= 0 then error({code = "EAMOUNT", amount = v}) end
  self.balance = self.balance + v
  self.log[#self.log + 1] = "+" .. v
end
function Account:withdraw(v)
  if v > self.balance then error(string.format("insufficient funds in %s", self.owner)) end
  self.balance = self.balance - v
  self.log[#self.log + 1] = "-" .. v
end
local function transfer(from, to, v)
  local ok, err = pcall(from.withdraw, from, v)
  if not ok then return false, err end
  to:deposit(v)
  return true
end
local a, b = Account.new("alice", 100), Account.new("bob")
a:deposit(25.5)
print(transfer(a, b, 60))
print(transfer(b, a, 100))
print(a, b)
local ok, e = pcall(a.deposit, a, -5)
print(ok, e.code, e.amount)
print(pcall(Account.new, 42))
print(table.concat(a.log, " "), table.concat(b.log, " "))
