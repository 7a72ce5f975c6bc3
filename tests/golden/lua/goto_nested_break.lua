-- goto leaves several nested loops at once
local found
for i = 1, 5 do
  for j = 1, 5 do
    if i * j == 12 then
      found = i .. "x" .. j
      goto done
    end
  end
end
::done::
print("found", found)
local grid = {{1, 2, 3}, {4, -5, 6}, {7, 8, 9}}
local r, c
for i, row in ipairs(grid) do
  for j, v in ipairs(row) do
    if v < 0 then r, c = i, j; goto out end
  end
end
::out::
print("negative at", r, c)
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    io.write(i, ",", j, " ")
  end
  ::next_i::
end
print()
