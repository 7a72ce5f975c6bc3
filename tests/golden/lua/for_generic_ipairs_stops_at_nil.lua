-- ipairs stops at the first nil, even if later indices exist
local t = {1, 2, nil, 4}
for i, v in ipairs(t) do print(i, v) end
local u = {}
u[1] = "one"; u[2] = "two"; u[4] = "four"
local n = 0
for i, v in ipairs(u) do n = i end
print("last", n)
for i, v in ipairs({}) do print("never") end
local w = {[0] = "zero", "first"}
for i, v in ipairs(w) do print(i, v) end
local f = {false, false}
for i, v in ipairs(f) do print(i, v) end
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(proxy) do print("proxy", i, v) end
