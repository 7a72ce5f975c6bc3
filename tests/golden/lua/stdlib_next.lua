-- next returns the following key/value; nil at the end
local t = {10, 20, 30}
print(next(t))
print(next(t, 1))
print(next(t, 3))
print(next({}))
print(next({}, nil))
print(pcall(next, {}, "nokey"))
print(pcall(next))
local h = {only = "one"}
print(next(h))
print(next(h, "only"))
local function isempty(x) return next(x) == nil end
print(isempty({}), isempty({false}), isempty({[false] = 1}))
local n, k = 0, nil
repeat
  k = next(t, k)
  if k then n = n + 1 end
until k == nil
print("visited", n)
