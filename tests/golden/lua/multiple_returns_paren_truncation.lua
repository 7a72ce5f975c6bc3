-- parentheses truncate a multi-value expression to exactly one value
local function mr() return 10, 20, 30 end
local function none() end
print(mr())
print((mr()))
print((none()))
local a, b = (mr())
print(a, b)
local t = {(mr())}
print(#t)
print(select("#", (mr())), select("#", (none())))
local function ret() return (mr()) end
print(ret())
local s = string.rep("ab", 3)
print((s:gsub("a", "A")))
print(s:gsub("a", "A"))
print((string.find("hello", "l")))
