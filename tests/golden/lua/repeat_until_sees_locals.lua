-- the until condition can see locals declared in the body
local i = 0
repeat
  local done = i >= 3
  i = i + 1
until done
print(i)
local n = 0
repeat n = n + 1 until true
print(n)
local tries = 0
repeat
  tries = tries + 1
  local sq = tries * tries
until sq > 50
print(tries)
local captured = {}
local k = 0
repeat
  k = k + 1
  local v = k * 10
  captured[k] = function() return v end
until v >= 30
print(captured[1](), captured[2](), captured[3]())
local x = 10
repeat local x = 1 until x == 1
print(x)
