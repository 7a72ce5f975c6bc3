-- long brackets: no escapes, optional first newline skipped, levels
local a = [[
first line
second \n not an escape]]
print(a)
print([[single line]], #[[
]])
local b = [==[
contains ]] and ]=] inside
]==]
io.write(b)
print([=[[[nested]]]=])
local c = [[

blank first kept]]
print(#c, c:sub(1, 1) == "\n")
local d = [[tabs	and "quotes" and 'apostrophes']]
print(d)
print([[\x41\u{42}]])
