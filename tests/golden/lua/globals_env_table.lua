-- globals live in _ENV / _G
counter = 0
local function bump() counter = counter + 1 end
bump(); bump()
print(counter, _G.counter, _ENV.counter)
print(_G == _ENV, _G._G == _G)
_G["name with spaces"] = 42
print(_G["name with spaces"])
local keys = {}
for _, k in ipairs({"print", "pairs", "string", "math", "table", "nosuch"}) do
  keys[#keys + 1] = k .. "=" .. type(_G[k])
end
print(table.concat(keys, " "))
do
  local _ENV = {print = print, tostring = tostring}
  y = 5
  print(y, tostring(_ENV.y))
end
print(y)
