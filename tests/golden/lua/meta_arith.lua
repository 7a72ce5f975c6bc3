-- arithmetic metamethods, including mixed operand order
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b)
  if type(a) == "number" then return vec(a * b.x, a * b.y) end
  if type(b) == "number" then return vec(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__idiv = function(a, b) return vec(a.x // b, a.y // b) end
V.__tostring = function(a) return "(" .. a.x .. "," .. a.y .. ")" end
local p, q = vec(1, 2), vec(3, 4)
print(p + q, q - p, p * q, 2 * p, p * 3)
print(q / 2, q % 3, p ^ 2, -p, q // 2)
print(pcall(function() return p + 1 end))
local left = setmetatable({}, {__add = function(a, b) return "left" end})
print(left + 1, 1 + left, left + left)
print(pcall(function() return {} + left end))
