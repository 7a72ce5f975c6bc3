-- right-hand expressions are evaluated left to right before assigning
local log = {}
local function f(v) log[#log + 1] = tostring(v); return v end
local a, b, c = f(1), f(2), f(3)
print(a, b, c, table.concat(log, ","))
log = {}
local t = {}
t[f("k1")], t[f("k2")] = f("v1"), f("v2")
print(t.k1, t.k2, table.concat(log, ","))
log = {}
print(f("a") .. f("b") .. f("c"), table.concat(log, ","))
log = {}
local s = f(10) + f(20) * f(30)
print(s, table.concat(log, ","))
log = {}
local u = {f(1), f(2), k = f(3), f(4)}
print(#u, u.k, table.concat(log, ","))
log = {}
local function g(...) return select("#", ...) end
print(g(f("x"), f("y")), table.concat(log, ","))
