-- infinities and NaN print as the C library spells them
print(math.huge, -math.huge)
print(1 / 0, -1 / 0)
print(0 / 0)
local nan = 0 / 0
print(nan == nan, nan ~= nan, nan < nan, nan > 0)
print(math.huge == math.huge, math.huge > math.maxinteger)
print(-math.huge < math.mininteger)
print(tostring(math.huge), math.huge .. "")
print(string.format("%f %f", math.huge, -math.huge))
print(math.type(math.huge), math.huge // 1, math.huge % 2 ~= math.huge % 2)
print(pcall(math.tointeger, math.huge))
print(math.floor(-0.0), math.ceil(-0.5), 0.0 * -1)
