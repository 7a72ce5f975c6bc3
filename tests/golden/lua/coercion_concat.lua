-- numbers convert to strings when concatenated
print(1 .. 2, 1.5 .. "", -0.0 .. "", 10 // 1 .. "")
print(1 .. "", 1.0 .. "", 2^63 .. "", math.mininteger .. "")
print("a" .. 1 + 2)
print(1e100 .. "|" .. 0.1)
print(pcall(function() return "x" .. nil end))
print(pcall(function() return "x" .. true end))
print(pcall(function() return {} .. "x" end))
print(pcall(function() local t = {}; return "x" .. t end))
print(pcall(function() local t = {f = print}; return t.f .. "x" end))
local parts = {}
for i = 1, 3 do parts[#parts + 1] = i .. ":" .. i * 0.5 end
print(table.concat(parts, " "))
print(("%d"):rep(2) .. 3)
