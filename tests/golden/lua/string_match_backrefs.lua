-- %1..%9 inside a pattern refer back to earlier captures
print(('say "hi" or \'bye\''):match("([\"'])(.-)%1"))
print(("abcabc"):match("(abc)%1"))
print(("xyzxyq"):match("(xy).%1"))
print(("hello"):match("(l)%1"))
print(("aa bb cd ee"):gsub("(%a)%1", "<%1%1>"))
for q, body in ([["one" 'two' "thr'ee"]]):gmatch("([\"'])(.-)%1") do io.write(q, body, q, " ") end
print()
print(pcall(string.match, "aa", "(a)%2"))
print(pcall(string.match, "aa", "%1"))
print(("abab"):find("(a)(b)%1%2"))
