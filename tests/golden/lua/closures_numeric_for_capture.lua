-- every iteration of a numeric for gets a fresh loop variable
local fns = {}
for i = 1, 5 do
  fns[#fns + 1] = function() return i end
end
local out = {}
for _, f in ipairs(fns) do out[#out + 1] = f() end
print(table.concat(out, " "))
local setters, getters = {}, {}
for i = 1, 3 do
  getters[i] = function() return i end
  setters[i] = function(v) i = v end
end
setters[2](20)
print(getters[1](), getters[2](), getters[3]())
local floats = {}
for x = 0.5, 1.5, 0.5 do floats[#floats + 1] = function() return x end end
print(floats[1](), floats[2](), floats[3]())
local inner = {}
for i = 1, 2 do
  local j = i * 10
  inner[i] = function() j = j + 1; return i, j end
end
print(inner[1]()); print(inner[1]()); print(inner[2]())
