-- __concat is tried when either operand is not a string or number
local S = {}
S.__concat = function(a, b)
  local av = type(a) == "table" and "<" .. a.s .. ">" or tostring(a)
  local bv = type(b) == "table" and "<" .. b.s .. ">" or tostring(b)
  return av .. bv
end
local x = setmetatable({s = "x"}, S)
local y = setmetatable({s = "y"}, S)
print(x .. "str", "str" .. x, x .. y, 1 .. x, x .. 2.5)
print("a" .. "b" .. x .. "c")
print(x .. true)
print(pcall(function() return {} .. "s" end))
local counter = 0
local C = setmetatable({}, {__concat = function(a, b) counter = counter + 1; return "C" end})
print("p" .. "q" .. C .. "r" .. "s", counter)
