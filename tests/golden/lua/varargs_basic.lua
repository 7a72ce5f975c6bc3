-- ... is a list of values usable in calls, constructors and assignments
local function f(...)
  local a, b = ...
  local all = {...}
  return a, b, #all
end
print(f())
print(f(1))
print(f(1, 2, 3))
local function g(first, ...)
  print("first", first, "rest", ...)
end
g()
g(1)
g(1, 2, 3)
local function sum(...)
  local s = 0
  for _, v in ipairs({...}) do s = s + v end
  return s
end
print(sum(), sum(5), sum(1, 2, 3, 4))
local function forward(...) return ... end
print(forward("a", nil, "c"))
local function fixed(a, b, c) return a, b, c end
print(fixed(forward(1, 2)))
local function last(...) return (select(select("#", ...), ...)) end
print(last(4, 5, 6))
