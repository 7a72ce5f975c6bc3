-- gsub with a function: captures are arguments; nil/false keep the match
print(("hello world"):gsub("%w+", string.upper))
print(("1 2 3"):gsub("%d", function(d) return d * 2 end))
print(("a1b2"):gsub("(%a)(%d)", function(l, d) return d .. l end))
print(("keep skip keep"):gsub("%a+", function(w) if w == "skip" then return nil end return w:upper() end))
print(("x y"):gsub("%a", function() return false end))
print(("abc"):gsub("()", function(p) return p end))
print(pcall(string.gsub, "x", "x", function() return {} end))
local seen = {}
local _, n = ("a b c"):gsub("%a", function(c) seen[#seen + 1] = c end)
print(n, table.concat(seen))
print(("3 + 4"):gsub("(%d+) %+ (%d+)", function(a, b) return a + b end))
print(("%d"):gsub("%%d", function() return "%1" end))
