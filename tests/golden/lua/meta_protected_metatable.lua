-- a __metatable field hides and protects the metatable
local t = setmetatable({}, {__metatable = "locked", __index = {x = 1}})
print(getmetatable(t), t.x)
print(pcall(setmetatable, t, {}))
print(pcall(setmetatable, t, nil))
local hidden = setmetatable({}, {__metatable = false})
print(getmetatable(hidden))
print(pcall(setmetatable, hidden, {}))
local shared = {__metatable = {fake = true}}
local u = setmetatable({}, shared)
print(getmetatable(u).fake)
print(getmetatable("abc").__index == string)
print(getmetatable(1), getmetatable(nil), getmetatable(print))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
local plain = {}
print(setmetatable(plain, nil) == plain, getmetatable(plain))
