-- equality: numbers by value, tables and functions by identity
print(1 == 1.0, 0 == -0, 0.0 == -0.0, "1" == 1, "a" == "a")
local t1, t2 = {}, {}
print(t1 == t2, t1 == t1, t1 ~= t2)
local f = function() end
local g = function() end
print(f == f, f == g)
print(nil == false, nil == nil, false == false)
print(2^53 == 2^53 + 1, math.maxinteger == math.maxinteger + 0.0)
print(1 == 1.0000000000000001)
local s1 = "hel" .. "lo"
print(s1 == "hello")
print(rawequal(t1, t1), rawequal(t1, t2), rawequal(1, 1.0), rawequal("x", "x"))
local k = {}
local map = {[k] = "table key", [1] = "int", [2.0] = "float two"}
print(map[k], map[{}], map[1.0], map[2])
