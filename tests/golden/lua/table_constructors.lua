-- table constructor forms: positional, named, bracketed, separators
local t = {1, 2, 3; x = "x", ["y z"] = "spaced", [10] = "ten", [1 + 1] = "overwritten?",}
print(t[1], t[2], t[3], t.x, t["y z"], t[10])
local u = {[1] = "explicit", "positional"}
print(u[1])
local nested = {a = {b = {c = "deep"}}, list = {{1}, {2, 3}}}
print(nested.a.b.c, nested.list[2][2], #nested.list)
local k = "dyn"
local d = {[k .. "amic"] = true, [k] = 1}
print(d.dynamic, d.dyn)
local e = {}
print(#e, next(e))
local f = {f = function(self) return self.v end, v = 7}
print(f:f())
local mixed = {"a", n = 1, "b", [3] = "c", "d"}
print(mixed[1], mixed[2], mixed[3], mixed.n, #mixed)
local withnil = {nil, nil, 3}
print(withnil[3], select("#", table.unpack(withnil, 1, 3)))
local trailing = {1, 2, 3,}
print(#trailing)
