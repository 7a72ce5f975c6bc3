-- bitwise operators on 64-bit integers
print(0xF0 & 0x3C, 0xF0 | 0x3C, 0xF0 ~ 0x3C)
print(~0, ~5, ~-1, ~math.mininteger)
print(5 & -1, -1 | 0, -1 ~ 1)
print(1 << 4, 256 >> 4, -1 >> 1, -1 >> 63, -1 << 1)
print(math.maxinteger & math.mininteger, math.maxinteger ~ math.mininteger)
print(0xFF & 0x0F | 0xA0, 1 | 2 ~ 3 & 4)
print(1 << 2 + 1, (1 << 2) + 1)
print(5 & 3 == 1)
print(string.format("%x", 0xDEADBEEF ~ 0xFFFFFFFF))
local flags = 0
flags = flags | 1 | 4
print(flags, flags & 4 ~= 0, flags & 2 ~= 0)
flags = flags & ~1
print(flags)
