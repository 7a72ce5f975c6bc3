local N = 200000

local function before(a, b)
  if a.key ~= b.key then
    return a.key > b.key
  end
  return a.id < b.id
end

local seed = 42
local items = {}
for i = 0, N - 1 do
  seed = seed * 16807 % 2147483647
  items[i + 1] = {key = seed % 1000, id = i}
end
table.sort(items, before)
local check = 0
for i, item in ipairs(items) do
  check = (check + i * item.id) % 1000003
end
print(string.format("%d %d %d", items[1].id, items[#items].id, check))
