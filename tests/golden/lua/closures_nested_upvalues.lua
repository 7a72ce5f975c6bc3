-- upvalues can come from several enclosing levels
local function outer(a)
  local function middle(b)
    local function inner(c)
      a = a + 1
      return a + b + c
    end
    return inner
  end
  return middle, function() return a end
end
local middle, geta = outer(100)
local inner1 = middle(10)
local inner2 = middle(20)
print(inner1(1))
print(inner2(2))
print(geta())
local function compose(f, g) return function(...) return f(g(...)) end end
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
local function curry3(f)
  return function(a) return function(b) return function(c) return f(a, b, c) end end end
end
print(curry3(function(a, b, c) return a .. b .. c end)("x")("y")("z"))
