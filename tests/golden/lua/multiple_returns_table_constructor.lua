-- only the last expression in a constructor expands to all its values
local function three() return "a", "b", "c" end
local function none() end
local t1 = {three()}
print(#t1, t1[1], t1[3])
local t2 = {three(), three()}
print(#t2, t2[1], t2[2], t2[4])
local t3 = {three(), "z"}
print(#t3, t3[1], t3[2])
local t4 = {none()}
print(#t4)
local t5 = {"x", none()}
print(#t5, t5[1])
local t6 = {(three())}
print(#t6)
local t7 = {three(), k = 1}
print(#t7, t7.k)
local t8 = {k = three()}
print(t8.k)
local t9 = {[1] = "one", three()}
print(t9[1], #t9)
