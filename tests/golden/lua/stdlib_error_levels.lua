-- error levels choose which function's position prefixes the message
local function lvl1() error("level one") end
local function lvl2() error("level two", 2) end
local function lvl0() error("level zero", 0) end
local function caller() lvl2() end
print(pcall(lvl1))
print(pcall(caller))
print(pcall(lvl0))
local function deep3() error("three up", 3) end
local function deep2() deep3() end
local function deep1() deep2() end
print(pcall(deep1))
print(pcall(error))
print(pcall(error, "direct"))
print(pcall(error, "direct2", 2))
local function validate(x)
  if type(x) ~= "number" then error("expected number, got " .. type(x), 2) end
  return x
end
local function use() return validate("str") end
print(pcall(use))
print(pcall(function() error(setmetatable({}, {__tostring = function() return "obj" end})) end))
