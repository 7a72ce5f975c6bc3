-- __eq is consulted only for two different tables
local mt = {__eq = function(a, b) return a.v == b.v end}
local x = setmetatable({v = 1}, mt)
local y = setmetatable({v = 1}, mt)
local z = setmetatable({v = 2}, mt)
print(x == y, x == z, x ~= z, x ~= y)
print(x == 1, x == nil)
local plain = {v = 1}
print(x == plain, plain == x)
local calls = 0
local counting = {__eq = function() calls = calls + 1; return 1 end}
local p = setmetatable({}, counting)
local q = setmetatable({}, counting)
print(p == q, p == p, calls)
local other = setmetatable({v = 1}, {__eq = function() return false end})
print(x == other, other == x)
local t = {}
t[x] = "stored"
print(t[y])
