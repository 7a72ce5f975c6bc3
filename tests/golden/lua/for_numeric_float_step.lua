-- a float init or step makes the loop variable a float
for x = 1.0, 3 do print(x, math.type(x)) end
for x = 1, 2, 0.5 do print(x) end
for x = 0, 1, 0.25 do io.write(x, " ") end
print()
for x = 1, 2, 0.3 do print(x) end
for x = 10, 9, -0.5 do print(x) end
local count = 0
for x = 0, 1, 1 / 3 do count = count + 1 end
print("thirds", count)
