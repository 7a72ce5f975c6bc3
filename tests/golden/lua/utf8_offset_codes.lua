-- utf8.offset finds byte positions; utf8.codes iterates code points
local s = "añ€😀b"
print(utf8.offset(s, 1), utf8.offset(s, 2), utf8.offset(s, 3), utf8.offset(s, 4), utf8.offset(s, 5))
print(utf8.offset(s, 6), utf8.offset(s, 7))
print(utf8.offset(s, -1), utf8.offset(s, -2), utf8.offset(s, 0, 3))
print(utf8.offset(s, 0, 5), utf8.offset(s, 1, 4))
print(pcall(utf8.offset, s, 1, 3))
for p, c in utf8.codes(s) do io.write(p, ":", c, " ") end
print()
for p, c in utf8.codes("") do print("never") end
print(pcall(function() for p, c in utf8.codes("ab\xFF") do end end))
local count = 0
for _ in utf8.codes("héllo") do count = count + 1 end
print(count)
