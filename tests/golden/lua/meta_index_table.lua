-- __index as a table supplies defaults for absent keys
local defaults = {color = "red", size = 1}
local obj = setmetatable({size = 5}, {__index = defaults})
print(obj.color, obj.size, obj.missing)
print(rawget(obj, "color"))
defaults.shape = "round"
print(obj.shape)
obj.color = "blue"
print(obj.color, defaults.color)
local base = {greet = function(self) return "hello " .. self.name end}
local inst = setmetatable({name = "ann"}, {__index = base})
print(inst:greet())
local arr = setmetatable({}, {__index = {10, 20, 30}})
print(arr[1], arr[3], #arr)
local chain = setmetatable({}, {__index = setmetatable({}, {__index = {deep = "found"}})})
print(chain.deep)
