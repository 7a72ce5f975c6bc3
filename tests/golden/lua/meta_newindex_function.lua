-- __newindex as a function intercepts assignments of absent keys
local log = {}
local t = setmetatable({}, {
  __newindex = function(tbl, k, v)
    log[#log + 1] = tostring(k) .. "=" .. tostring(v)
    rawset(tbl, k, v and v * 2)
  end
})
t.a = 1
t.b = 5
t.a = 10
print(t.a, t.b, table.concat(log, " "))
local readonly = setmetatable({}, {
  __index = {x = 1},
  __newindex = function(_, k) error("attempt to set " .. k, 2) end
})
print(readonly.x)
print(pcall(function() readonly.y = 2 end))
local count = 0
local counter = setmetatable({}, {__newindex = function(t, k, v) count = count + 1 end})
for i = 1, 5 do counter[i] = i end
print(count, #counter)
