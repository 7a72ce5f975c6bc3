-- __pairs replaces the iteration triple returned by pairs
local ordered = setmetatable({keys = {"c", "a", "b"}, vals = {c = 3, a = 1, b = 2}}, {
  __pairs = function(self)
    local i = 0
    return function()
      i = i + 1
      local k = self.keys[i]
      if k then return k, self.vals[k] end
    end, self, nil
  end
})
for k, v in pairs(ordered) do print(k, v) end
local counted = setmetatable({}, {__pairs = function(t) return function(_, k)
  k = (k or 0) + 1
  if k <= 3 then return k, k * 100 end
end, t, nil end})
for k, v in pairs(counted) do print(k, v) end
for k, v in next, counted do print("raw next sees", k, v) end
print("done")
