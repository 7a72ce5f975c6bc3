-- pairs visits every key once; sort keys for a stable printout
local t = {x = 1, y = 2, z = 3, 10, 20, [100] = "hundred", [2.5] = "float"}
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))
local count = 0
for _ in pairs(t) do count = count + 1 end
print(count)
local bykey = {}
for k in pairs({banana = 1, apple = 2, cherry = 3}) do bykey[#bykey + 1] = k end
table.sort(bykey)
print(table.concat(bykey, ","))
local removed = {a = 1, b = 2, c = 3, d = 4}
for k in pairs(removed) do removed[k] = nil end
print(next(removed))
local f, s, c = pairs({})
print(type(f), c, f == next)
print(pcall(function() for _ in pairs(nil) do end end))
