-- __index chains are followed through several levels
local levels = {}
local root = {level = 0, rootonly = "root value"}
levels[0] = root
for i = 1, 10 do
  levels[i] = setmetatable({level = i}, {__index = levels[i - 1]})
end
local leaf = levels[10]
print(leaf.level, leaf.rootonly)
levels[5].mid = "from five"
print(leaf.mid, levels[4].mid)
local calls = 0
local fnroot = setmetatable({}, {__index = function(_, k) calls = calls + 1; return k .. "!" end})
local mid = setmetatable({}, {__index = fnroot})
local top = setmetatable({}, {__index = mid})
print(top.hey, top.there, calls)
local mixed = setmetatable({}, {__newindex = mid, __index = mid})
mixed.v = 1
print(rawget(mixed, "v"), rawget(mid, "v"), mixed.v)
