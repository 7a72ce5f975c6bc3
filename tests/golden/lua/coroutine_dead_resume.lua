-- resuming a dead or running coroutine fails with a message
local co = coroutine.create(function() return 1 end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co))
local w = coroutine.wrap(function() end)
w()
print(pcall(w))
local selfref
selfref = coroutine.create(function() return coroutine.resume(selfref) end)
print(coroutine.resume(selfref))
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function() return coroutine.resume(outer) end)
  return coroutine.resume(inner)
end)
print(coroutine.resume(outer))
