-- %bxy matches balanced pairs
print(("f(a(b)c)d"):match("%b()"))
print(("[1, [2, 3]], [4]"):match("%b[]"))
print(("if (x > (y + 1)) then"):match("if (%b()) then"))
print(("no parens"):match("%b()"))
print(("((unbalanced"):match("%b()"))
print(("<a><b></b></a>"):gsub("%b<>", ""))
print(("x = {1, {2}, 3}; y = {}"):gsub("%b{}", "TABLE"))
print(("\"quoted\" text"):match("%b\"\""))
print(pcall(string.match, "x", "%b"))
print(pcall(string.match, "x", "%b("))
for group in ("(a)(bc)(d(e))"):gmatch("%b()") do io.write(group, " ") end
print()
