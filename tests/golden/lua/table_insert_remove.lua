-- table.insert and table.remove shift elements
local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "first")
table.insert(t, 3, "middle")
print(#t, table.concat(t, ","))
table.insert(t, #t + 1, "end")
print(table.concat(t, ","))
print(table.remove(t), table.concat(t, ","))
print(table.remove(t, 1), table.concat(t, ","))
print(table.remove(t, 2), table.concat(t, ","))
print(table.remove({}), table.remove({}, 0), table.remove({}, 1))
local u = {1, 2, 3}
print(table.remove(u, #u + 1), #u)
print(pcall(table.insert, {1, 2}, 0, "x"))
print(pcall(table.insert, {1, 2}, 4, "x"))
print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.remove, {1, 2, 3}, 7))
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0])
local q = {"x", "y"}
table.insert(q, 1.0, "w")
print(table.concat(q, ""))
print(pcall(table.insert, q, 1.5, "bad"))
