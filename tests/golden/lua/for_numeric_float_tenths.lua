-- float loops accumulate rounding error exactly as IEEE doubles do
local n = 0
for x = 0, 1, 0.1 do
  n = n + 1
  io.write(string.format("%.17g", x), " ")
end
print()
print("iterations", n)
for x = 0.1, 0.5, 0.1 do print(x) end
local acc = 0
for _ = 1, 10 do acc = acc + 0.1 end
print(acc, acc == 1.0, string.format("%.17g", acc))
for x = 1, 0, -0.1 do io.write(x, " ") end
print()
