-- integer arithmetic wraps around modulo 2^64
local max, min = math.maxinteger, math.mininteger
print(max, min)
print(max + 1 == min, max + 1)
print(min - 1 == max, min - 1)
print(max * 2, min * -1, -min)
print(max * max, min * min)
print(min // -1, min % -1)
print(math.abs(min), math.abs(min) == min)
print(max + 1.0, min - 1.0)
print(9223372036854775807, 9223372036854775808, -9223372036854775808)
print(0x7fffffffffffffff, 0xffffffffffffffff, 0x10000000000000000)
print(1 << 63, (1 << 63) - 1)
local x = 1
for _ = 1, 64 do x = x * 2 end
print(x)
local f = 1.0
for _ = 1, 64 do f = f * 2 end
print(f)
