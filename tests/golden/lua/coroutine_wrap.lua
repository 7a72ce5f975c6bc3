-- wrap returns a function; errors propagate to the caller
local gen = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield(i) end
  return "done"
end)
print(gen(), gen(), gen(), gen())
print(pcall(gen))
local failing = coroutine.wrap(function() error("inside wrap") end)
print(pcall(failing))
local failing2 = coroutine.wrap(function() error({code = 1}) end)
local ok, e = pcall(failing2)
print(ok, type(e), e.code)
local args = coroutine.wrap(function(...) return select("#", ...), ... end)
print(args(nil, 2, nil))
print(type(coroutine.wrap(print)))
print(pcall(coroutine.wrap, 42))
