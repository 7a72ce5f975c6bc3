-- an uncaught error ends the program after earlier output
print("before the error")
local function check(v)
  if v > 2 then error("value too large: " .. v) end
  return v
end
print(check(1))
print(check(2))
print(check(3))
print("never printed")
