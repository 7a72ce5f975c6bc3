-- __index as a function receives the table and the key
local calls = 0
local t = setmetatable({present = 1}, {
  __index = function(tbl, key)
    calls = calls + 1
    return "computed:" .. tostring(key)
  end
})
print(t.present, t.absent, t[42], calls)
local fib = setmetatable({[0] = 0, [1] = 1}, {
  __index = function(self, n)
    local v = self[n - 1] + self[n - 2]
    rawset(self, n, v)
    return v
  end
})
print(fib[30], fib[50])
local strict = setmetatable({}, {__index = function(_, k) error("no field " .. k, 2) end})
print(pcall(function() return strict.x end))
local proxy = setmetatable({}, {__index = function(self, k) return k * 2 end})
print(proxy[21], proxy[1.5])
