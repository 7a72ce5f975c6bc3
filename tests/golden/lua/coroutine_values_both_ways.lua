-- values flow into yield results and out of resume results
local co = coroutine.create(function(...)
  local args = table.pack(...)
  print("initial args", args.n, ...)
  local r = table.pack(coroutine.yield())
  print("after empty yield", r.n)
  r = table.pack(coroutine.yield(1, nil, 3))
  print("after yield", r.n, r[1], r[2], r[3])
  return nil, nil
end)
print(coroutine.resume(co, "a", nil))
print(coroutine.resume(co))
print(coroutine.resume(co, "p", nil, "r"))
print(select("#", coroutine.resume(coroutine.create(function() return nil, nil end))))
local echo = coroutine.wrap(function(x)
  while true do x = coroutine.yield(x * 2) end
end)
print(echo(1), echo(5), echo(21))
