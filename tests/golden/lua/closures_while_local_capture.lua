-- a local declared inside a while/repeat body is fresh each iteration
local fns = {}
local i = 1
while i <= 3 do
  local j = i
  fns[i] = function() return j end
  i = i + 1
end
print(fns[1](), fns[2](), fns[3]())
local shared = {}
local k = 1
while k <= 3 do
  shared[k] = function() return k end
  k = k + 1
end
print(shared[1](), shared[2](), shared[3]())
local rep = {}
local n = 0
repeat
  n = n + 1
  local m = n * n
  rep[n] = function() m = m + 1; return m end
until n == 3
print(rep[1](), rep[1](), rep[2](), rep[3]())
