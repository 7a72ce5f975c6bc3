-- memoization with a closure-held cache
local function memoize(f)
  local cache, hits = {}, 0
  return function(n)
    local v = cache[n]
    if v then hits = hits + 1; return v end
    v = f(n)
    cache[n] = v
    return v
  end, function() return hits end
end
local fib, hits
fib, hits = memoize(function(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end)
print(fib(10), fib(50), fib(90))
print("cache hits", hits())
print(fib(92), math.type(fib(92)))
local naive_calls = 0
local function naive(n)
  naive_calls = naive_calls + 1
  if n < 2 then return n end
  return naive(n - 1) + naive(n - 2)
end
print(naive(20), naive_calls)
local function fib_float(n) local a, b = 0.0, 1.0 for _ = 1, n do a, b = b, a + b end return a end
print(fib_float(90), fib_float(100))
