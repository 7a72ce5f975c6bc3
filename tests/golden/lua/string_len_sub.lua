-- string.len and string.sub with positive, negative and out-of-range indices
local s = "Hello, Lua!"
print(string.len(s), #s, string.len(""))
print(s:sub(1, 5), s:sub(8), s:sub(-4), s:sub(-4, -2))
print(s:sub(0), s:sub(5, 3), s:sub(100), s:sub(-100, 3))
print(s:sub(3, 3), s:sub(-1, -1), s:sub(2, -2))
print(s:sub(math.mininteger, math.maxinteger) == s)
print(("abc"):sub(2.0, 3), ("abc"):sub("2"))
print(pcall(string.sub, "abc", 1.5))
print(string.len("\0\1\2"), ("a\0b"):sub(2, 2) == "\0")
print(("x"):sub(1, 0) == "", ("xyz"):sub(-2, 100))
