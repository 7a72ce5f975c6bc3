-- loops near the integer limits terminate without overflow
local max, min = math.maxinteger, math.mininteger
for i = max - 2, max do print(i) end
for i = min, min + 2 do print(i) end
for i = min + 2, min, -1 do print(i) end
local c = 0
for i = max - 10, max, 4 do c = c + 1; print("step4", i) end
print(c)
c = 0
for i = 1, math.huge do c = c + 1; if c >= 3 then break end end
print("huge limit", c)
for i = max - 1, 1e100 do print("float limit", i, math.type(i)) end
for i = min, -1e100, -1 do print("never") end
for i = 1, max, max do print("big step", i) end
for i = -1, min, min do print("big negative step", i) end
