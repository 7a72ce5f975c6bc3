-- an uncaught arithmetic error on a field
local stats = {count = 3}
local total = 0
for i = 1, stats.count do total = total + i end
print("total", total)
print("average", total / stats.count)
print("ratio", total / stats.missing)
