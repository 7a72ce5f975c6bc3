-- __call makes tables callable; the table is the first argument
local callable = setmetatable({name = "adder"}, {
  __call = function(self, a, b, ...)
    return self.name, a + b, select("#", ...)
  end
})
print(callable(1, 2))
print(callable(1, 2, "extra", nil))
local memo = setmetatable({}, {__call = function(self, n)
  if not self[n] then self[n] = n * n end
  return self[n]
end})
print(memo(4), memo(4), rawget(memo, 4))
print(pcall(function() local t = {}; t() end))
print(pcall(setmetatable({}, {__call = function(_, x) return x * 10 end}), 5))
local chain = setmetatable({}, {__call = setmetatable({}, {__call = function(a, b, c) return "inner" end})})
print(pcall(chain, 1))
