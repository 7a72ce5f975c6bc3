-- composable closure-based iterator pipeline
local function from(t)
  local i = 0
  return function() i = i + 1; return t[i] end
end
local function range(n) local i = 0 return function() i = i + 1; if i <= n then return i end end end
local function map(f, it) return function() local v = it(); if v ~= nil then return f(v) end end end
local function filter(p, it)
  return function()
    while true do
      local v = it()
      if v == nil or p(v) then return v end
    end
  end
end
local function take(n, it)
  local c = 0
  return function() c = c + 1; if c <= n then return it() end end
end
local function collect(it) local out = {} for v in it do out[#out + 1] = v end return out end
local function reduce(f, acc, it) for v in it do acc = f(acc, v) end return acc end
local squares_of_odds = collect(take(5, map(function(x) return x * x end,
  filter(function(x) return x % 2 == 1 end, range(100)))))
print(table.concat(squares_of_odds, " "))
print(reduce(function(a, b) return a + b end, 0, range(10)))
local words = collect(map(string.upper, filter(function(w) return #w > 3 end,
  from({"tiny", "a", "pipeline", "of", "closures"}))))
print(table.concat(words, ","))
print(#collect(take(0, range(5))), #collect(filter(function() return false end, range(5))))
