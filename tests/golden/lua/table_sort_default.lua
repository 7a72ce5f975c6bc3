-- table.sort orders numbers and strings with '<'
local nums = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(nums)
print(table.concat(nums, " "))
local mixed = {3.5, 1, 2.25, -1, 10, 0.5}
table.sort(mixed)
print(table.concat(mixed, " "))
local words = {"banana", "Apple", "cherry", "apple", "Banana", "10", "9"}
table.sort(words)
print(table.concat(words, " "))
local single = {42}
table.sort(single)
print(single[1])
local empty = {}
table.sort(empty)
print(#empty)
local dup = {3, 1, 3, 1, 2, 2}
table.sort(dup)
print(table.concat(dup, ","))
local big = {}
for i = 1, 60 do big[i] = (i * 37) % 61 end
table.sort(big)
print(big[1], big[30], big[60])
print(pcall(table.sort, {1, "x", 2}))
