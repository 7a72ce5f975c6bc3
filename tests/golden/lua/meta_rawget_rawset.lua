-- rawget/rawset bypass __index and __newindex
local mt = {
  __index = function() return "meta" end,
  __newindex = function() error("blocked") end,
}
local t = setmetatable({}, mt)
print(t.k, rawget(t, "k"))
print(pcall(function() t.k = 1 end))
rawset(t, "k", "raw")
print(t.k, rawget(t, "k"))
print(rawset(t, "z", 1) == t)
print(pcall(rawset, t, nil, 1))
print(pcall(rawset, t, 0/0, 1))
print(pcall(rawget, "str", 1))
print(rawget(t, "nothing"))
print(rawlen(setmetatable({1, 2, 3}, {__len = function() return 99 end})))
print(#setmetatable({1, 2, 3}, {__len = function() return 99 end}))
print(rawequal(t, t), rawequal(setmetatable({}, {__eq = function() return true end}), {}))
