-- Lua 5.4 local attributes <const> and <close>
local limit <const> = 10
local name <const> = "fixed"
print(limit * 2, name)
local log = {}
local function closer(tag)
  return setmetatable({}, {__close = function(_, err) log[#log + 1] = tag .. ":" .. tostring(err) end})
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  log[#log + 1] = "body"
end
print(table.concat(log, " "))
log = {}
local ok, e = pcall(function()
  local c <close> = closer("c")
  error("fail", 0)
end)
print(ok, e, table.concat(log, " "))
log = {}
local function early()
  local d <close> = closer("d")
  return "returned"
end
print(early(), table.concat(log, " "))
local n <close> = nil
print(pcall(function() local bad <close> = {} end))
