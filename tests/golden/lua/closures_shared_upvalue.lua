-- closures created in the same scope share the same upvalue
local function make()
  local value = 0
  local function get() return value end
  local function set(v) value = v end
  local function inc() value = value + 1 end
  return get, set, inc
end
local get, set, inc = make()
print(get())
set(10)
print(get())
inc(); inc()
print(get())
local get2, set2 = make()
set2(99)
print(get(), get2())
local x = 1
local function readx() return x end
x = 2
print(readx())
local function writex() x = 3 end
writex()
print(x, readx())
local a = {}
do
  local shared = "s"
  a.r = function() return shared end
  a.w = function(v) shared = v end
end
a.w("changed")
print(a.r())
