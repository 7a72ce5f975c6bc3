-- case conversion and repetition with a separator
print(string.upper("Hello World 123"), string.lower("MiXeD CaSe"))
print(("straße"):upper(), ("ÀB"):lower())
print(string.rep("ab", 3), string.rep("ab", 3, "-"), string.rep("x", 1, ","))
print("[" .. string.rep("x", 0) .. "]", "[" .. string.rep("x", -5) .. "]", "[" .. string.rep("", 5) .. "]")
print(string.rep("a", 3, ""), string.rep("-", 2, "ab"))
print(string.rep(5, 2), string.rep(1.5, 2, 0))
print(#string.rep("abc", 1000, ", "))
