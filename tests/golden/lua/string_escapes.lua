-- escape sequences in short strings
print("tab:[\t] newline:[\n] backslash:[\\] quote:[\"] apostrophe:[\']")
print("bell and friends", #"\a\b\f\v\r", ("\a\b\f\v\r"):byte(1, -1))
print("decimal \65\066\0671", #"\0", #"\00012")
print("hex \x41\x62\x7A", "\x4A\x4b")
print("unicode \u{48}\u{E9}\u{20AC}\u{1F600}", #"\u{20AC}", #"\u{7FFFFFFF}")
print("skip \z
       whitespace", "a\z  b")
print('single "quotes" inside', "double 'quotes' inside")
print("line\
continued")
print(("\255\254"):byte(1, 2))
print("\u{0}" == "\0", "\x00" == "\0")
