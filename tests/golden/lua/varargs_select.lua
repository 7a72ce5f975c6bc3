-- select with '#', positive and negative indices
local function s(...)
  return select("#", ...)
end
print(s(), s(nil), s(nil, nil), s(1, nil, 3, nil))
print(select(1, "a", "b", "c"))
print(select(2, "a", "b", "c"))
print(select(3, "a", "b", "c"))
print(select(4, "a", "b", "c"))
print(select(-1, "a", "b", "c"))
print(select(-2, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, 0, "a"))
print(pcall(select, "x"))
print(select(2.0, "p", "q"))
print(select("2", "p", "q"))
local function nth(n, ...) return (select(n, ...)) end
print(nth(2, "one", "two", "three"))
