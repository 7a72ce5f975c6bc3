-- negative steps count down; the limit is inclusive
for i = 5, 1, -1 do io.write(i, " ") end
print()
for i = 10, 1, -3 do io.write(i, " ") end
print()
for i = 0, -3, -1 do io.write(i, " ") end
print()
for i = 1, 5, -1 do print("never") end
for i = 3, 1, -2.5 do print(i) end
local t = {}
for i = 3, 1, -1 do t[#t + 1] = i * i end
print(table.concat(t, ","))
