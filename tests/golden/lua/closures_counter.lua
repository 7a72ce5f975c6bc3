-- each call to the factory creates an independent counter
local function counter(start, step)
  local n = start or 0
  return function()
    n = n + (step or 1)
    return n
  end
end
local c1 = counter()
local c2 = counter(100, 10)
print(c1(), c1(), c1())
print(c2(), c2())
print(c1(), c2())
local function accumulator()
  local total = 0
  return function(x) total = total + x; return total end
end
local acc = accumulator()
acc(5); acc(7)
print(acc(0))
local fns = {}
for i = 1, 3 do fns[i] = counter(i * 100) end
print(fns[1](), fns[2](), fns[3](), fns[1]())
