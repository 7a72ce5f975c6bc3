-- shifts by 64 or more give 0; negative shifts reverse direction
print(1 << 63, 1 << 64, 1 << 65, 1 << 100)
print(-1 >> 64, -1 >> 63, -1 << 64)
print(8 << -1, 8 >> -1, 8 >> -3, 1 << -64)
print(math.mininteger >> 63, math.mininteger >> 1)
print(1 << 0, 1 >> 0, 0 << 70)
print(0xFF >> 4, 0xFF << 56, 0xFF << 57)
print(1 << math.mininteger, 1 >> math.mininteger, -1 >> math.maxinteger)
for s = 60, 66 do io.write(s, ":", 3 << s, " ") end
print()
