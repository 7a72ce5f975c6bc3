-- utf8.char encodes code points; charpattern matches one sequence
print(utf8.char(72, 228, 8364, 128512))
print(utf8.char(), #utf8.char(0x7F), #utf8.char(0x80), #utf8.char(0x7FF), #utf8.char(0x800))
print(#utf8.char(0xFFFF), #utf8.char(0x10000), #utf8.char(0x10FFFF), #utf8.char(0x7FFFFFFF))
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
local chars = {}
for c in ("añ€😀"):gmatch(utf8.charpattern) do chars[#chars + 1] = #c end
print(table.concat(chars, ","))
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
print(utf8.char(0x48, 0x69) == "Hi")
