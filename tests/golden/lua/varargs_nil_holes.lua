-- trailing and embedded nils in varargs are counted by select('#')
local function info(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do
    parts[#parts + 1] = tostring((select(i, ...)))
  end
  return n .. ":" .. table.concat(parts, ",")
end
print(info())
print(info(nil))
print(info(1, nil))
print(info(nil, nil, 3))
print(info(false, nil))
local function passthrough(...) return info(...) end
print(passthrough(nil, nil, nil))
local function addone(...) return info(..., "last") end
print(addone(1, nil))
local function prefix(...) return info("first", ...) end
print(prefix(nil, nil))
