-- integer numeric for loops
for i = 1, 5 do io.write(i, " ") end
print()
for i = 1, 10, 3 do io.write(i, " ") end
print()
for i = 3, 3 do io.write("once:", i, " ") end
print()
local sum = 0
for i = 1, 100 do sum = sum + i end
print(sum, math.type(sum))
for i = 1, 3 do
  local i = i * 2
  io.write(i, " ")
end
print()
local n = 3
for i = 1, n do n = 10 io.write(i, " ") end
print(n)
for i = 1, 3.5 do io.write(i, math.type(i), " ") end
print()
for i = -2, 2 do io.write(i, " ") end
print()
