-- table.sort with a comparator function
local t = {5, 2, 8, 1, 9}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local people = {
  {name = "ann", age = 31}, {name = "bob", age = 25},
  {name = "cid", age = 31}, {name = "dee", age = 19},
}
table.sort(people, function(a, b)
  if a.age ~= b.age then return a.age < b.age end
  return a.name < b.name
end)
for _, p in ipairs(people) do io.write(p.name, ":", p.age, " ") end
print()
local words = {"bb", "a", "ccc", "dd", "e"}
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(table.concat(words, " "))
local ci = {"b", "C", "a", "D"}
table.sort(ci, function(a, b) return a:lower() < b:lower() end)
print(table.concat(ci, " "))
print(pcall(table.sort, {3, 2, 1}, 42))
