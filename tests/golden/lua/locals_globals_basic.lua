-- globals and locals: scope, defaults, and the global table
x = 10
local y = 20
print(x, y)
print(undefined_global)
local function show() return x, y end
print(show())
x = x + 1
y = y + 1
print(show())
do
  local x = "inner"
  print(x, _G.x)
end
print(x)
_G.z = "via _G"
print(z, rawget(_G, "z"))
local a, b, c = 1
print(a, b, c)
