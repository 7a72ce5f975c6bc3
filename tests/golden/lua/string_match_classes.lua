-- character classes %a %d %l %u %s %w %x %p %c %g and their complements
local s = "Hello World 123 x_Y! \t0xFF"
print(s:match("%a+"), s:match("%d+"), s:match("%l+"), s:match("%u"))
print(s:match("%s+") == " ", s:match("%w+", 13), s:match("%x+", 23))
print(s:match("%p"), s:match("%S+", 6), s:match("%D+"))
print(("\1\2abc"):match("%c+") == "\1\2", ("  abc  "):match("^%s*(.-)%s*$"))
print(("a.b"):match("a.b"), ("axb"):match("a.b"), ("a.b"):match("a%.b"))
local counts = {}
for _, class in ipairs({"%a", "%d", "%l", "%u", "%s", "%w", "%x", "%p", "%c", "%g"}) do
  local _, n = s:gsub(class, "")
  counts[#counts + 1] = class .. "=" .. n
end
print(table.concat(counts, " "))
print(("x1y2"):gsub("%A", "#"), ("x1y2"):gsub("%W", "#"))
