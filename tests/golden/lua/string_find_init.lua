-- the init argument, including negative and out-of-range values
local s = "one two one two"
print(s:find("one"), s:find("one", 2), s:find("one", 9), s:find("one", 10))
print(s:find("two", -3), s:find("two", -100), s:find("two", 100))
print(s:find("o", -1), s:find("o", -8))
print(s:find("^one", 1), s:find("^one", 9))
print(s:match("%a+", 5), s:match("%a+", -3))
local pos = 1
local found = {}
while true do
  local a, b = s:find("o", pos, true)
  if not a then break end
  found[#found + 1] = a
  pos = b + 1
end
print(table.concat(found, ","))
print(("abc"):find("c", 0), ("abc"):find("a", -10))
