-- generators built from coroutines
local function gen_range(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
for i in gen_range(4) do io.write(i, " ") end
print()
local function permutations(a)
  local function permgen(t, n)
    if n <= 1 then coroutine.yield(table.concat(t))
    else
      for i = 1, n do
        t[n], t[i] = t[i], t[n]
        permgen(t, n - 1)
        t[n], t[i] = t[i], t[n]
      end
    end
  end
  return coroutine.wrap(function() permgen(a, #a) end)
end
local perms = {}
for p in permutations({"a", "b", "c"}) do perms[#perms + 1] = p end
print(#perms, table.concat(perms, " "))
local function filter(pred, gen)
  return coroutine.wrap(function()
    for v in gen do if pred(v) then coroutine.yield(v) end end
  end)
end
for v in filter(function(x) return x % 2 == 0 end, gen_range(10)) do io.write(v, " ") end
print()
local function tree_walk(node)
  if node then tree_walk(node.left); coroutine.yield(node.v); tree_walk(node.right) end
end
local tree = {v = 4, left = {v = 2, left = {v = 1}, right = {v = 3}}, right = {v = 6, left = {v = 5}}}
for v in coroutine.wrap(function() tree_walk(tree) end) do io.write(v, " ") end
print()
