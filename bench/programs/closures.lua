local N = 300000

local function make_counter(step)
  local count = 0
  return function()
    count = count + step
    return count
  end
end

local function make_adder(n)
  return function(x) return x + n end
end

local function compose(f, g)
  return function(x) return f(g(x)) end
end

local ticks = make_counter(1)
local total = 0
for i = 0, N - 1 do
  local c = make_counter(i % 5 + 1)
  c()
  c()
  local f = compose(make_adder(i % 7), make_adder(3))
  total = (total + c() + f(i) + ticks()) % 1000003
end
print(total)
