-- a local shadows an outer one only inside its block
local v = 1
local function get() return v end
do
  local v = 2
  print("block", v, get())
  do
    local v = v + 1
    print("nested", v)
  end
  print("after nested", v)
end
print("outer", v)
local v = "redeclared"
print(v, get())
for v = 1, 2 do print("loop", v) end
print(v)
if true then local v = "if" print(v) end
print(v)
local n = 0
local n = n + 1
print(n)
