-- swaps and rotations evaluate all right-hand values first
local a, b = 1, 2
a, b = b, a
print(a, b)
local x, y, z = "x", "y", "z"
x, y, z = z, x, y
print(x, y, z)
local t = {10, 20, 30}
t[1], t[3] = t[3], t[1]
print(t[1], t[2], t[3])
local i = 1
i, t[i] = i + 1, "set"
print(i, t[1], t[2])
local p, q, r = 1, 2
print(p, q, r)
p, q = 7, 8, 9
print(p, q)
local function two() return "f1", "f2" end
local m, n, o = two()
print(m, n, o)
m, n, o = two(), 5
print(m, n, o)
