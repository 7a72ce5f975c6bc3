-- break only exits the innermost loop
for i = 1, 3 do
  for j = 1, 3 do
    if j > i then break end
    io.write(i, j, " ")
  end
end
print()
local count = 0
while true do
  count = count + 1
  repeat
    if count > 1 then break end
    count = count + 10
  until true
  if count > 20 then break end
end
print(count)
local t = {3, 1, 4, 1, 5, 9, 2, 6}
local firstbig
for i, v in ipairs(t) do
  if v > 4 then firstbig = i; break end
end
print(firstbig)
for k = 1, 3 do
  local fns = {}
  for m = 1, 10 do
    fns[m] = function() return m end
    if m == k then break end
  end
  print(k, #fns, fns[#fns]())
end
