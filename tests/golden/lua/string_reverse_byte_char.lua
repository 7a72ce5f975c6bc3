-- reverse, byte and char work on bytes
print(string.reverse("hello"), ("racecar"):reverse(), (""):reverse())
print(string.byte("A"), string.byte("ABC", 2), string.byte("ABC", 1, 3))
print(string.byte("ABC", -1), string.byte("ABC", 10), string.byte(""))
print(string.byte("ABC", 0, 2), select("#", string.byte("ABC", 3, 1)))
print(string.char(72, 105), string.char(), string.char(0x41, 0x42, 0x43))
print(string.char(228, 184, 173))
print(#string.char(0, 255), string.byte(string.char(255)))
local s = "Lua"
local codes = {s:byte(1, -1)}
print(table.concat(codes, " "))
print(string.char(table.unpack(codes)))
print(("\u{20AC}"):byte(1, -1))
print(pcall(string.char, 65, "x"))
