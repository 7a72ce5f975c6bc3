-- and/or short-circuit and return operand values
print(1 and 2, nil and 2, false and 2, 1 or 2, nil or 2, false or nil)
print(nil and nil, false or false, 0 and "zero is true", "" and "empty is true")
print(not nil, not false, not 0, not "", not not nil)
local calls = 0
local function side(v) calls = calls + 1; return v end
local _ = side(false) and side(true)
local _ = side(true) or side(false)
print("calls", calls)
local x = nil
local v = x and x.field or "default"
print(v)
local function max(a, b) return a > b and a or b end
print(max(3, 7), max(9, 2))
print(false == nil, not (1 == 2), 1 == 1 and "yes" or "no")
print((nil or false) == false, (false and nil) == false)
local t = {}
t.count = (t.count or 0) + 1
print(t.count)
print(1 < 2 == true, "a" .. "b" == "ab" and 1 or 0)
