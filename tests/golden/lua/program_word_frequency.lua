-- word frequency count with deterministic sorted output
local text = [[
The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs! A quick, quick fox -- and THE end.
]]
local freq, total = {}, 0
for word in text:lower():gmatch("%a+") do
  freq[word] = (freq[word] or 0) + 1
  total = total + 1
end
local words = {}
for w in pairs(freq) do words[#words + 1] = w end
table.sort(words, function(a, b)
  if freq[a] ~= freq[b] then return freq[a] > freq[b] end
  return a < b
end)
print("total words", total, "distinct", #words)
for i = 1, 6 do
  local w = words[i]
  print(string.format("%-6s %2d %5.1f%%", w, freq[w], 100 * freq[w] / total))
end
local by_len = {}
for _, w in ipairs(words) do
  local n = #w
  by_len[n] = by_len[n] or {}
  table.insert(by_len[n], w)
end
for n = 1, 6 do
  if by_len[n] then
    table.sort(by_len[n])
    print(n, table.concat(by_len[n], " "))
  end
end
