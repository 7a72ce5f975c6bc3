-- generic for variables are fresh locals per iteration
local fns = {}
for i, v in ipairs({"a", "b", "c"}) do
  fns[i] = function() return i .. "=" .. v end
end
print(fns[1](), fns[2](), fns[3]())
local keys = {}
local t = {x = 1, y = 2, z = 3}
local names = {}
for k in pairs(t) do names[#names + 1] = k end
table.sort(names)
for _, k in ipairs(names) do
  keys[#keys + 1] = function() return k, t[k] end
end
for _, f in ipairs(keys) do print(f()) end
local words = {}
for w in string.gmatch("one two three", "%a+") do
  words[#words + 1] = function() return w:upper() end
end
print(words[1](), words[2](), words[3]())
