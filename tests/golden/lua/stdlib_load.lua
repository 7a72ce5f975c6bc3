-- load compiles a string chunk; chunknames and environments
local f = load("return 1 + 1")
print(type(f), f())
local add = load("local a, b = ... return a + b")
print(add(3, 4))
local env = {x = 10}
local g = load("y = x * 2 return y", "=setter", "t", env)
print(g(), env.y, y)
print(pcall(load("error('inside chunk')", "=mychunk")))
print(pcall(load("local t = nil; return t.field", "@file.lua")))
print(load("x ="))
print(load("return +", "=named"))
local pieces = {"return ", "'assembled'", nil}
local i = 0
print(load(function() i = i + 1; return pieces[i] end)())
print(pcall(load, "return 1", "c", "b"))
