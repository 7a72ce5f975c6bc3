-- pairs over a pure array visits 1..n in order
local t = {"a", "b", "c", "d"}
for k, v in pairs(t) do print(k, v) end
local squares = {}
for i = 1, 6 do squares[i] = i * i end
local sum = 0
for _, v in pairs(squares) do sum = sum + v end
print("sum", sum)
local mixed = {10, 20, 30, x = "X", y = "Y"}
local keys = {}
for k in pairs(mixed) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
local count = 0
for _ in pairs({}) do count = count + 1 end
print("empty", count)
