-- type names of every kind of value
print(type(nil), type(true), type(0), type(0.5), type(""))
print(type({}), type(print), type(function() end), type(coroutine.create(function() end)))
print(type(type), type(type(nil)), type(string), type(math.pi))
print(pcall(type))
print(type(nil) == "nil", type(setmetatable({}, {__name = "X"})))
local function t(...) return type(...) end
print(t(1, "x"))
