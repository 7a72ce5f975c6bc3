-- an inconsistent comparator makes sort raise an error
local t = {}
for i = 1, 20 do t[i] = (i * 7) % 20 end
print(pcall(table.sort, t, function(a, b) return true end))
local u = {5, 3, 8, 1, 9, 2, 7, 4, 6, 10, 12, 11}
local ok, err = pcall(table.sort, u, function(a, b) return a <= b end)
print(ok, err, table.concat(u, " "))
local ok2, err2 = pcall(table.sort, {3, 1, 2}, function(a, b) error("cmp failed") end)
print(ok2, err2)
