-- ^ anchors at the start (or init); $ at the end
print(("hello"):match("^h"), ("hello"):match("^e"), ("hello"):match("o$"), ("hello"):match("l$"))
print(("hello"):find("^"), ("hello"):find("$"))
print(("a^b"):match("a^b"), ("a$b"):match("a$b"))
print(("line1\nline2"):match("^(.-)\n"), ("line1\nline2"):match("([^\n]*)$"))
print(("hello"):gsub("^", ">"), ("hello"):gsub("$", "<"))
print(("aaa"):gsub("^a", "b"))
local n = 0
for _ in ("aaa"):gmatch("^a") do n = n + 1 end
print("gmatch anchored", n)
print(("xhello"):find("^hello", 2), ("xhello"):match("^hello", 2))
print(("   "):match("^%s*$") ~= nil, (""):match("^$"))
