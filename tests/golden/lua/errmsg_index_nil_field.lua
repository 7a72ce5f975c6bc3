-- indexing nil/non-table values names the culprit
local t = {}
print(pcall(function() return t.x.y end))
print(pcall(function() t.x.y = 1 end))
print(pcall(function() return undefinedglobal.field end))
print(pcall(function() local loc; return loc.field end))
print(pcall(function() return t[1][2] end))
print(pcall(function() local a = {b = {}}; return a.b.c.d end))
print(pcall(function() local n = 5; return n.x end))
print(pcall(function() return ("s").x.y end))
print(pcall(function() local b = true; b.x = 1 end))
local up
print(pcall(function() return up.field end))
print(pcall(function() return t:method() end))
print(pcall(function() local k = "key"; return t[k].z end))
