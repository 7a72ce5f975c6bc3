-- error level 2 blames the caller's line
local function expect_string(v)
  if type(v) ~= "string" then
    error("expected string, got " .. type(v), 2)
  end
  return v
end
print(expect_string("ok"))
local function caller()
  return expect_string(42)
end
caller()
