-- goto continue: skip the rest of a loop body
for i = 1, 10 do
  if i % 3 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
local i = 0
while i < 6 do
  i = i + 1
  if i % 2 == 1 then goto next end
  io.write("even ", i, " ")
  ::next::
end
print()
for _, w in ipairs({"keep", "skip", "keep2"}) do
  if w == "skip" then goto cont end
  do
    local msg = "word=" .. w
    print(msg)
  end
  ::cont::
end
