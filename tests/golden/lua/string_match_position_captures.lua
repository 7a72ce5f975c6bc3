-- () captures the current position as a number
print(("hello"):match("()ll()"))
print(("hello"):find("()ll()"))
print(string.match("abc", "()b()"), math.type(string.match("abc", "()")))
for pos, word in ("one two three"):gmatch("()(%a+)") do io.write(pos, ":", word, " ") end
print()
print(("aXbXc"):gsub("()X", "%1"))
print(("abc"):match("()", 4), ("abc"):match("()", 5))
local positions = {}
for p in ("a.b.c"):gmatch("()%.") do positions[#positions + 1] = p end
print(table.concat(positions, ","))
