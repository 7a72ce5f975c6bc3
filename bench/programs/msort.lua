local N = 100000

local function less(a, b)
  local ka, kb = a % 1000, b % 1000
  if ka ~= kb then
    return ka < kb
  end
  return a < b
end

local function merge_sort(a, lt)
  local n = #a
  local src, dst = a, {}
  for k = 1, n do dst[k] = 0 end
  local width = 1
  while width < n do
    local lo = 1
    while lo <= n do
      local mid = math.min(lo + width, n + 1)
      local hi = math.min(lo + 2 * width, n + 1)
      local i, j, k = lo, mid, lo
      while i < mid and j < hi do
        if lt(src[j], src[i]) then
          dst[k] = src[j]
          j = j + 1
        else
          dst[k] = src[i]
          i = i + 1
        end
        k = k + 1
      end
      while i < mid do
        dst[k] = src[i]
        i = i + 1
        k = k + 1
      end
      while j < hi do
        dst[k] = src[j]
        j = j + 1
        k = k + 1
      end
      lo = lo + 2 * width
    end
    src, dst = dst, src
    width = width * 2
  end
  return src
end

local seed = 1
local values = {}
for k = 1, N do
  seed = seed * 16807 % 2147483647
  values[k] = seed
end
local result = merge_sort(values, less)
local check = 0
for i, v in ipairs(result) do
  check = (check + i * (v % 1000)) % 1000003
end
print(string.format("%d %d %d", result[1], result[#result], check))
