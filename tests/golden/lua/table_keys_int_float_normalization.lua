-- float keys with integer values are the same key as the integer
local t = {}
t[1] = "int one"
print(t[1.0], t[1])
t[2.0] = "float two"
print(t[2], math.type(next({[3.0] = true})))
t[2^53] = "big"
print(t[2^53 | 0], t[9007199254740992])
t[1.5] = "one and a half"
print(t[1.5], t[3 / 2])
print(#t)
local keys = {}
for k in pairs({[1.0] = "a", [2] = "b"}) do keys[#keys + 1] = math.type(k) end
print(table.concat(keys, ","))
t[-0.0] = "zero"
print(t[0], t[-0.0])
print(pcall(function() t[0/0] = 1 end))
print(t[0/0])
print(pcall(function() t[nil] = 1 end))
local s = {}
s["1"] = "string key"
s[1] = "number key"
print(s["1"], s[1])
