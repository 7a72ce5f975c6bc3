-- gmatch iterates over matches, returning captures when present
for w in ("one two  three"):gmatch("%a+") do io.write("[", w, "]") end
print()
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do io.write(k, "->", v, " ") end
print()
local n = 0
for _ in ("abc"):gmatch("") do n = n + 1 end
print("empty matches", n)
local parts = {}
for p in ("a,b,,c,"):gmatch("([^,]*)") do parts[#parts + 1] = "<" .. p .. ">" end
print(table.concat(parts))
local it = ("x1 y2"):gmatch("%a(%d)")
print(it(), it(), it())
for a, b in ("ab"):gmatch("()(.)") do io.write(a, b, " ") end
print()
for w in ("hello world from lua"):gmatch("%a+", 7) do io.write(w, ";") end
print()
for w in ("abc"):gmatch("x*") do io.write("[", w, "]") end
print()
