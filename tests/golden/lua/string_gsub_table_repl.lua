-- gsub with a table: the first capture (or whole match) is the key
local vars = {name = "Lua", version = "5.4", n = 3}
print(("$name $version $missing"):gsub("%$(%w+)", vars))
print(("a b c"):gsub("%a", {a = "A", c = false}))
print(("1 2 3"):gsub("%d", {["1"] = "one", ["2"] = 2.5}))
print(("$n items"):gsub("%$(%w+)", vars))
print(pcall(string.gsub, "x", "x", {x = {}}))
local counter = setmetatable({}, {__index = function(_, k) return k:upper() end})
print(("abc"):gsub("%a", counter))
print(("k1=v1;k2=v2"):gsub("(%w+)=(%w+)", {k1 = "KEY1"}))
