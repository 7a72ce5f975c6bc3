-- pcall returns true plus results, or false plus the error value
print(pcall(function() return 1, 2, 3 end))
print(pcall(function() end))
print(pcall(function(...) return select("#", ...) end, nil, nil))
print(pcall(math.max, 3, 9, 2))
print(pcall(pcall, error, "x"))
print(pcall(nil))
print(pcall(42))
print(pcall(pcall))
local depth = 0
local function nested(n)
  depth = depth + 1
  if n == 0 then error("bottom") end
  local ok, err = pcall(nested, n - 1)
  return "level " .. n .. " caught: " .. tostring(err)
end
print(nested(2))
print(depth)
local results = {pcall(string.rep, "ab", 3)}
print(#results, results[1], results[2])
print(select("#", pcall(error)))
