-- %f[set] matches the transition into set (frontier)
print(("THE (quick) fox"):gsub("%f[%a]%a+", "W"))
print(("hello world"):find("%f[%w]%w+", 2))
print(("the cat concatenates cats"):gsub("%f[%a]cat%f[%A]", "dog"))
print(("AAAbbbCCC"):match("%f[%l]%l+"))
print(("1 22 333"):gsub("%f[%d]%d+%f[%D]", "<%0>"))
print(("end"):match("%f[%z]") or "no-z-frontier", ("word"):match("%f[%W]()"))
print(pcall(string.match, "x", "%f"))
local words = {}
for w in ("THE (quick) fox"):gmatch("%f[%a]%a+") do words[#words + 1] = w end
print(table.concat(words, ","))
