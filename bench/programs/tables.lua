local N = 60
local W, H = 64, 64
local seed = 7
local grid = {}
for y = 1, H do
  local row = {}
  for x = 1, W do
    seed = seed * 16807 % 2147483647
    row[x] = seed % 3 == 0 and 1 or 0
  end
  grid[y] = row
end
for _ = 1, N do
  local new = {}
  for y = 1, H do
    local up, row, down = grid[(y - 2) % H + 1], grid[y], grid[y % H + 1]
    local nrow = {}
    for x = 1, W do
      local left, right = (x - 2) % W + 1, x % W + 1
      local n = up[left] + up[x] + up[right] + row[left] + row[right] + down[left] + down[x] + down[right]
      nrow[x] = (n == 3 or (n == 2 and row[x] == 1)) and 1 or 0
    end
    new[y] = nrow
  end
  grid = new
end
local alive = 0
for _, row in ipairs(grid) do
  for _, cell in ipairs(row) do
    alive = alive + cell
  end
end
local counts, distinct = {}, 0
for i = 0, N * 10000 - 1 do
  local word = "w" .. i * 7919 % 1009
  local c = counts[word]
  if c == nil then
    distinct = distinct + 1
    c = 0
  end
  counts[word] = c + 1
end
local weighted = 0
for word, c in pairs(counts) do
  weighted = weighted + c * #word
end
print(string.format("%d %d %d", alive, distinct, weighted))
