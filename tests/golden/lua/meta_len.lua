-- __len overrides '#' for tables
local sized = setmetatable({1, 2, 3}, {__len = function(t) return 42 end})
print(#sized, rawlen(sized))
local Set = {}
Set.__len = function(s) local n = 0 for _ in pairs(s.items) do n = n + 1 end return n end
local s = setmetatable({items = {a = true, b = true, c = true}}, Set)
print(#s)
s.items.d = true
print(#s)
local multi = setmetatable({}, {__len = function() return "len", "extra" end})
print(#multi)
local strlen = setmetatable({}, {__len = function() return 2.5 end})
print(#strlen)
print(#"string ignores", pcall(function() return #setmetatable({}, {__len = function() error("no length") end}) end))
