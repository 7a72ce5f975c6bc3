-- Recursive Fibonacci, and a memoised version built on a closure.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local function memoize(f)
  local cache = {}
  return function(n)
    local v = cache[n]
    if v == nil then
      v = f(n)
      cache[n] = v
    end
    return v
  end
end

for i = 0, 10 do
  io.write(fib(i), i < 10 and " " or "\n")
end

local mfib
mfib = memoize(function(n)
  if n < 2 then return n end
  return mfib(n - 1) + mfib(n - 2)
end)
print(string.format("fib(80) = %d", mfib(80)))
