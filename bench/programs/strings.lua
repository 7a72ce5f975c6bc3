local N = 300000
local total = 0
local parts = {}
for i = 0, N - 1 do
  local s = "key" .. i .. ":" .. i * 7 % 1000
  local u = s:upper()
  local pos = u:find(":", 1, true)
  local head = u:sub(1, pos - 1)
  local tail = u:sub(pos + 1)
  total = total + #head * 3 + #tail + pos - 1
  if s:find("77", 1, true) then
    total = total + 1
  end
  parts[#parts + 1] = head:lower() .. "=" .. tail
  if #parts == 100 then
    local line = table.concat(parts, ","):gsub("key", "k")
    total = total + #line
    parts = {}
  end
end
print(total)
