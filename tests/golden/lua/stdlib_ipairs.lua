-- ipairs iterates 1..n until a nil value and respects __index
local t = {"a", "b", "c"}
local f, s, i = ipairs(t)
print(type(f), s == t, i)
print(f(t, 0))
print(f(t, 2))
print(f(t, 3))
local seen = {}
for idx, v in ipairs({10, 20, nil, 40}) do seen[#seen + 1] = idx .. "=" .. v end
print(table.concat(seen, " "))
local backing = {"x", "y"}
local p = setmetatable({}, {__index = backing})
for idx, v in ipairs(p) do print("meta", idx, v) end
print(pcall(ipairs))
local okn, fn, sn, in_ = pcall(ipairs, nil)
print(okn, type(fn), sn, in_)
print(pcall(function() for _ in ipairs(nil) do end end))
local strs = {}
for idx, v in ipairs(setmetatable({}, {__index = function(_, k) if k < 4 then return k * k end end})) do
  strs[#strs + 1] = v
end
print(table.concat(strs, ","))
