-- '#' gives string byte length and a table border
print(#"", #"abc", #"h\0i", #"\u{20AC}")
print(#{}, #{1, 2, 3}, #{n = 1}, #{1, 2, nil})
local t = {}
for i = 1, 10 do t[i] = i end
print(#t)
t[#t + 1] = "x"
print(#t)
t[#t] = nil
print(#t)
local s = "hello"
print(#s, s:len(), string.len(s))
print(#"multi\nline")
print(pcall(function() return #5 end))
print(pcall(function() local n; return #n end))
print(#{"a", "b", [3] = "c"}, rawlen({1, 2}), rawlen("four"))
