-- iterators built from closures keep their own state
local function range(from, to, step)
  step = step or 1
  local cur = from - step
  return function()
    cur = cur + step
    if (step > 0 and cur <= to) or (step < 0 and cur >= to) then return cur end
  end
end
for i in range(1, 5) do io.write(i, " ") end
print()
for i in range(10, 0, -4) do io.write(i, " ") end
print()
local function chars(s)
  local i = 0
  return function()
    i = i + 1
    if i <= #s then return i, s:sub(i, i) end
  end
end
for i, c in chars("lua") do print(i, c) end
local it = range(1, 3)
print(it(), it(), it(), it(), it())
local function fib_iter(n)
  local a, b, k = 0, 1, 0
  return function()
    k = k + 1
    if k > n then return nil end
    a, b = b, a + b
    return k, a
  end
end
for k, f in fib_iter(10) do io.write(k, ":", f, " ") end
print()
