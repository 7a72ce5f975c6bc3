-- strings share a metatable whose __index is the string table
print(("x"):rep(3), ("abc"):upper(), ("ABC"):lower())
local s = "Hello"
print(s:len(), s:sub(2, 3), s:byte(1), s:reverse())
print(getmetatable("").__index == string)
print(("%d items"):format(5))
local n = 42
print(pcall(function() return n:rep(2) end))
print(("a,b,c"):find(",", 1, true))
function string.shout(str) return str:upper() .. "!" end
print(("hi"):shout())
print(#s:rep(3, "-"), s:rep(2, ", "))
print(("x").len == string.len, ("x").nosuch)
