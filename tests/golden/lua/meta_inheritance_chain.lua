-- classes via setmetatable and __index = Base
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  return setmetatable({name = name, sound = sound}, Animal)
end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) local d = Animal.new(name, "woof"); return setmetatable(d, Dog) end
function Dog:kind() return "dog" end
function Dog:fetch() return self.name .. " fetches" end
local Puppy = setmetatable({}, {__index = Dog})
Puppy.__index = Puppy
function Puppy.new(name) return setmetatable(Dog.new(name), Puppy) end
function Puppy:kind() return "puppy, a kind of " .. Dog.kind(self) end
local a, d, p = Animal.new("cat", "meow"), Dog.new("rex"), Puppy.new("bit")
for _, o in ipairs({a, d, p}) do print(o:speak(), o:kind()) end
print(d:fetch(), p:fetch())
print(pcall(function() return a:fetch() end))
print(getmetatable(p) == Puppy, getmetatable(Puppy).__index == Dog)
print(rawget(p, "speak"), p.speak == Animal.speak)
