-- integer // and % by zero are errors; float versions give inf/nan
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
local zero = 0
print(pcall(function() return 10 // zero end))
print(pcall(function() return 10 % zero end))
print(pcall(function() return math.mininteger // zero end))
print(1 // 0.0, -1 // 0.0, 1 / 0, 0 / 0 ~= 0 / 0)
print(1.0 // zero, -1 % math.huge)
local r = 5 % 0.0
print(r ~= r)
print(pcall(function() return "1" // "0" end))
print(pcall(function() return "4" % 0 end))
print(math.mininteger // -1, math.mininteger % -1)
