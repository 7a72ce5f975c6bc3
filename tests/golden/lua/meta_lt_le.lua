-- __lt and __le implement ordering for tables
local V = {}
V.__lt = function(a, b) return a.n < b.n end
V.__le = function(a, b) return a.n <= b.n end
local function v(n) return setmetatable({n = n}, V) end
local a, b, c = v(1), v(2), v(2)
print(a < b, b < a, b <= c, c >= b, a > b, b >= a)
local list = {v(5), v(3), v(9), v(1)}
table.sort(list)
local out = {}
for _, e in ipairs(list) do out[#out + 1] = e.n end
print(table.concat(out, " "))
local onlylt = setmetatable({n = 1}, {__lt = function(x, y) return true end})
print(pcall(function() return onlylt <= onlylt end))
print(pcall(function() return a < 1 end))
local num = setmetatable({}, {__lt = function(x, y) return type(x) == "number" end})
print(5 < num, num < 5)
print(v(1) < v(1) == false, (v(3) <= v(2)) == false)
