-- calling a field that holds a non-function
local obj = {z = 5, s = "text", t = {}, b = true}
print(pcall(function() obj.z() end))
print(pcall(function() obj.s() end))
print(pcall(function() obj.t() end))
print(pcall(function() obj:b() end))
print(pcall(function() local n = 3; n() end))
print(pcall(function() local fs = {1}; fs[1]() end))
print(pcall(function() obj.z.w() end))
print(pcall(function() math.pi() end))
print(pcall(function() return obj.nested.call() end))
