-- error messages for upvalues, methods and constants
local up = nil
local tbl = {}
print(pcall(function() return up.x end))
print(pcall(function() return up + 1 end))
print(pcall(function() up() end))
print(pcall(function() tbl:nomethod(1) end))
print(pcall(function() return tbl.a.b end))
print(pcall(function() return ("str"):nomethod() end))
print(pcall(function() return 1 + {} end))
print(pcall(function() return #up end))
print(pcall(function() return -up end))
print(pcall(function() up.field = 1 end))
print(pcall(function() tbl[nil] = 1 end))
print(pcall(function() tbl[0/0] = 1 end))
print(pcall(function() return tbl[nil] end))
