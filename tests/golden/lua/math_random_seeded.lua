-- math.random is reproducible after math.randomseed(42) (xoshiro256**)
math.randomseed(42)
local ints = {}
for i = 1, 8 do ints[i] = math.random(1, 100) end
print(table.concat(ints, " "))
local floats = {}
for i = 1, 4 do floats[i] = string.format("%.17g", math.random()) end
print(table.concat(floats, " "))
print(math.random(10), math.random(10), math.random(10))
print(math.random(-5, 5), math.random(-5, 5), math.random(math.mininteger, math.maxinteger))
print(math.random(0))
math.randomseed(42)
print(math.random(1, 100) == ints[1])
math.randomseed(7, 3)
print(math.random(1000), math.random(1000))
