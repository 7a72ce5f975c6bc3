-- strings compare bytewise
print("a" < "b", "b" < "a", "a" < "a", "a" <= "a")
print("abc" < "abd", "abc" < "ab", "ab" < "abc", "" < "a")
print("Z" < "a", "A" < "a", "0" < "A", " " < "0")
print("10" < "9", "100" < "11", "2" > "10")
print("a\0b" < "a\0c", "a\0" > "a", "\255" > "a")
print("hello" == "hel" .. "lo", "x" ~= "X")
local words = {"pear", "Apple", "apple", "banana", "Banana", "10", "9", ""}
table.sort(words)
print(table.concat(words, "|"))
print(math.max(#"abc", #"de"), ("abc"):upper() < ("abd"):upper())
