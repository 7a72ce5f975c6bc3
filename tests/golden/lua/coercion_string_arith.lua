-- numeric strings are converted in arithmetic
print("10" + 1, "3.0" * 2, "0x10" + 0, " 5 " + 1)
print(math.type("10" + 1), math.type("10" + 1.0), math.type("3.0" * 2))
print("2" ^ "3", "7" // "2", "7" % "2", -"3", -"3.5")
print("1e1" + 0, "  0x1p4  " + 0, ".5" + 0, "5." + 0)
print(pcall(function() return 10 .. "" + 1 end))
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return "1a" * 2 end))
print(pcall(function() return {} + 1 end))
print(pcall(function() return "" + 0 end))
local s = "42"
print(s + 0 == 42, s == 42)
print("9223372036854775807" + 0, "9223372036854775808" + 0)
print("-0" + 0, "-0.0" + 0)
