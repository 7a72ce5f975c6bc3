-- '%' takes the sign of the divisor (a - floor(a/b)*b)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(5 % 5, -5 % 5, 0 % 7, 3 % 7)
print(5.3 % 1, -5.3 % 1)
print(1 % math.huge, -1 % math.huge, 1 % -math.huge, -1 % -math.huge)
print(math.mininteger % -1, math.maxinteger % 2, math.mininteger % 2)
print(0.0 % 1, -0.0 % 1)
print(2^53 % 2, 10 % 3.0, math.type(10 % 3.0))
local r = 1 % 0.0
print(r ~= r)
for _, pair in ipairs({{13, 4}, {-13, 4}, {13, -4}, {-13, -4}}) do
  local a, b = pair[1], pair[2]
  print(a, b, a % b, a // b, (a // b) * b + a % b == a)
end
