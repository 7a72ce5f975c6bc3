-- __tostring controls tostring/print; __name labels the type
local P = {}
P.__index = P
P.__tostring = function(p) return "Point(" .. p.x .. ", " .. p.y .. ")" end
local function point(x, y) return setmetatable({x = x, y = y}, P) end
local a = point(1, 2)
print(a)
print(tostring(a), "[" .. tostring(point(3, 4)) .. "]")
print(a, point(5, 6))
local bad = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, bad))
local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR")))
print(string.format("%s|%s", a, "plain"))
print(pcall(string.rep, named, 2))
local both = setmetatable({}, {__name = "Named", __tostring = function() return "custom" end})
print(both)
