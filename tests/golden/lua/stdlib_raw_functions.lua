-- rawequal, rawlen, rawget and rawset ignore metamethods
local mt = {__eq = function() return true end, __len = function() return 0 end,
            __index = function() return "idx" end, __newindex = function() end}
local a, b = setmetatable({1, 2}, mt), setmetatable({1, 2}, mt)
print(a == b, rawequal(a, b), rawequal(a, a))
print(#a, rawlen(a), rawlen("abc"))
print(a.x, rawget(a, "x"), rawget(a, 1))
a.y = 5
print(rawget(a, "y"))
rawset(a, "y", 6)
print(rawget(a, "y"), a.y)
print(pcall(rawlen, 5))
print(pcall(rawequal, 1))
print(pcall(rawget, {}))
print(rawequal("a", "a"), rawequal(0, -0), rawequal(0, 0.0), rawequal(nil, nil))
print(select("#", rawget({}, 1)))
