-- __newindex as a table redirects assignments of new keys
local store = {}
local t = setmetatable({}, {__newindex = store})
t.a = 1
t.b = 2
print(rawget(t, "a"), store.a, store.b)
local existing = setmetatable({x = 1}, {__newindex = store})
existing.x = 100
print(existing.x, store.x)
existing.y = 200
print(existing.y, store.y)
rawset(t, "c", 3)
print(t.c, store.c)
local chained = setmetatable({}, {__newindex = setmetatable({}, {__newindex = store})})
chained.deep = "went through"
print(store.deep)
