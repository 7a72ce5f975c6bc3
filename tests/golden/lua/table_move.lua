-- table.move copies a range, possibly overlapping or into another table
local t = {1, 2, 3, 4, 5}
table.move(t, 2, 4, 1)
print(table.concat(t, ","))
t = {1, 2, 3, 4, 5}
table.move(t, 1, 3, 3)
print(table.concat(t, ","))
local dst = {"a", "b"}
local r = table.move({7, 8, 9}, 1, 3, 2, dst)
print(r == dst, table.concat(dst, ","))
print(#table.move({1, 2, 3}, 1, 0, 1, {}))
t = {1, 2, 3}
table.move(t, 1, 3, 5)
print(t[4], t[5], t[6], t[7])
print(pcall(table.move, {1}, 1, math.maxinteger, 2))
print(pcall(table.move, {}, -1, math.maxinteger, 1))
local log = {}
local src = setmetatable({}, {__index = function(_, k) log[#log + 1] = "get" .. k; return k end})
local d2 = setmetatable({}, {__newindex = function(t2, k, v) log[#log + 1] = "set" .. k; rawset(t2, k, v) end})
table.move(src, 1, 2, 1, d2)
print(table.concat(log, " "))
