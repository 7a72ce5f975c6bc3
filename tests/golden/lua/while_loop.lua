-- while evaluates its condition before each iteration
local i = 0
while i < 5 do i = i + 1 end
print(i)
local n, steps = 27, 0
while n ~= 1 do
  if n % 2 == 0 then n = n // 2 else n = 3 * n + 1 end
  steps = steps + 1
end
print("collatz steps", steps)
local never = true
while false do never = false end
print(never)
local t = {5, 4, 3}
while #t > 0 do io.write(table.remove(t), " ") end
print()
local x = 0
while true do
  x = x + 1
  if x > 3 then break end
end
print(x)
local a, b = 48, 18
while b ~= 0 do a, b = b, a % b end
print("gcd", a)
