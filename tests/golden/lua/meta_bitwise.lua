-- bitwise metamethods
local B = {}
local function bits(v) return setmetatable({v = v}, B) end
local function val(x) return type(x) == "table" and x.v or x end
B.__band = function(a, b) return bits(val(a) & val(b)) end
B.__bor = function(a, b) return bits(val(a) | val(b)) end
B.__bxor = function(a, b) return bits(val(a) ~ val(b)) end
B.__shl = function(a, b) return bits(val(a) << val(b)) end
B.__shr = function(a, b) return bits(val(a) >> val(b)) end
B.__bnot = function(a) return bits(~val(a)) end
B.__tostring = function(a) return string.format("bits(0x%x)", a.v) end
local x = bits(0xF0)
print(x & 0x3C, x | 0x0F, x ~ 0xFF, x << 4, x >> 4, ~x)
print(0xFF & x, 1 << bits(3))
print(pcall(function() return {} & 1 end))
print(pcall(function() return 1.5 & x end))
local s = setmetatable({}, {__shl = function(a, b) return "shl:" .. tostring(type(a)) .. ":" .. tostring(b) end})
print(s << 2, pcall(function() return s >> 2 end))
