-- '^' always produces a float
print(2 ^ 10, math.type(2 ^ 10))
print(2 ^ 0.5, 2 ^ -1, (-2) ^ 2, -2 ^ 2)
print(2 ^ 3 ^ 2, (2 ^ 3) ^ 2)
print(0 ^ 0, 0 ^ -1, 10 ^ 308, 10 ^ 309)
print(4 ^ 0.5, 27 ^ (1 / 3), (-8) ^ (1 / 3))
print(2 ^ 63, 2 ^ 64, -2 ^ 63 == math.mininteger)
print(1.5 ^ 2, "3" ^ 2, 2 ^ "2")
print(math.huge ^ 0, 1 ^ math.huge, (-1) ^ math.huge)
