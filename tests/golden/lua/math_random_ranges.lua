-- random stays within its bounds; bad intervals are errors
math.randomseed(123)
local lo, hi = math.huge, -math.huge
for _ = 1, 200 do
  local r = math.random(3, 7)
  if r < lo then lo = r end
  if r > hi then hi = r end
end
print(lo, hi)
local allfloat = true
for _ = 1, 50 do
  local f = math.random()
  if math.type(f) ~= "float" or f < 0 or f >= 1 then allfloat = false end
end
print(allfloat)
print(math.random(5, 5), math.random(1))
print(pcall(math.random, 0, -1))
print(pcall(math.random, 2, 1))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 1.5))
print(pcall(math.random, -3))
print(math.type(math.random(1, 10)), math.type(math.random(3.0)))
