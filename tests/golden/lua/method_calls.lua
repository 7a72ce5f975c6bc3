-- ':' passes the receiver as self
local account = {balance = 100}
function account:deposit(v) self.balance = self.balance + v; return self end
function account.withdraw(self, v) self.balance = self.balance - v; return self end
account:deposit(50):withdraw(30)
print(account.balance)
account.deposit(account, 5)
print(account.balance)
local other = {balance = 0, deposit = account.deposit}
other:deposit(7)
print(other.balance, account.balance)
local obj = {name = "obj"}
function obj:greet(greeting, punct) return (greeting or "hi") .. " " .. self.name .. (punct or "") end
print(obj:greet(), obj:greet("hello", "!"), obj.greet({name = "x"}, "yo"))
local s = "chain"
print(s:upper():lower():rep(2, "-"):len())
local nested = {inner = {v = 3, get = function(self) return self.v end}}
print(nested.inner:get())
print(pcall(function() return obj.greet() end))
