-- a call's results are adjusted to the number of values needed
local function none() end
local function one() return 1 end
local function three() return 1, 2, 3 end
print(three())
print(three(), "end")
print("start", three())
print(none())
print((none()))
print(none(), "x")
local a, b, c, d = three()
print(a, b, c, d)
local e, f = none()
print(e, f)
local function pass(...) return ... end
print(pass(three()))
print(pass(three(), three()))
print(select("#", none()), select("#", one()), select("#", three()))
local function tail() return three() end
print(tail())
local function wrapped() return (three()) end
print(wrapped())
print(math.max(three()), string.format("%d-%d-%d", three()))
