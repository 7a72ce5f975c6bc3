-- a stateless iterator receives (state, control) on each step
local function iter(limit, i)
  i = i + 1
  if i <= limit then return i, i * i end
end
local function squares(n) return iter, n, 0 end
for i, sq in squares(4) do print(i, sq) end
local function rev_iter(t, i)
  i = i - 1
  if i >= 1 then return i, t[i] end
end
local function ripairs(t) return rev_iter, t, #t + 1 end
for i, v in ripairs({"a", "b", "c"}) do print(i, v) end
for k, v in next, {"only"} do print(k, v) end
local function evens(max)
  return function(_, last)
    local nxt = last + 2
    if nxt <= max then return nxt end
  end, nil, 0
end
for e in evens(8) do io.write(e, " ") end
print()
