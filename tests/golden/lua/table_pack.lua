-- table.pack stores every argument and the count in n
local p = table.pack("a", "b", nil)
print(p.n, p[1], p[2], p[3], #p >= 2)
local e = table.pack()
print(e.n, next(e))
local one = table.pack(nil)
print(one.n, one[1])
local function count(...) return table.pack(...).n end
print(count(), count(nil, nil), count(1, 2, 3, 4, 5))
local t = table.pack(table.unpack({1, 2, 3}))
print(t.n, t[3])
local keys = {}
for k in pairs(table.pack(10, 20)) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, ","))
