-- comments of every form
local x = 1 -- trailing comment
--[[ long
comment x = 2
]]
print(x)
--[==[ level two
]] does not end it
]==]
print("after level two")
---[[ this is a line comment, so the next line runs
print("not commented")
--]]
local y = --[[ inline ]] 5
print(y)
--[[]] print("after empty long comment")
-- print("never")
print("end") --[[ trailing long comment ]]
