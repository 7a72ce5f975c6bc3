local N = 3000000
local s = 0
for i = 1, N do
  s = s + i % 7 * 3
end
print(s)
