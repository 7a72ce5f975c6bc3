-- a call that is not the last in a list yields only its first value
local function mr() return 1, 2, 3 end
print(mr(), mr())
print(mr(), mr(), "tail")
local a, b, c, d = mr(), mr()
print(a, b, c, d)
local function count(...) return select("#", ...) end
print(count(mr(), mr()))
print(count(mr(), nil))
print(count(nil, mr()))
local t = {mr(), mr(), mr()}
print(#t, table.concat(t, ","))
local function cat(...) return table.concat({...}, "|") end
print(cat(mr(), "x", mr()))
print(math.max(mr(), 0))
local x, y = mr(), "second"
print(x, y)
