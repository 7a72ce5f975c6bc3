-- loops whose range is empty never run their body
local runs = 0
for i = 1, 0 do runs = runs + 1 end
for i = 10, 1 do runs = runs + 1 end
for i = 1, 10, -1 do runs = runs + 1 end
for i = 1.5, 1.4 do runs = runs + 1 end
for i = 0, -1, 1 do runs = runs + 1 end
print("runs", runs)
for i = 1, -math.huge do runs = runs + 1 end
for i = math.maxinteger, math.mininteger do runs = runs + 1 end
print("runs", runs)
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = 1.0, 10, 0.0 do end end))
print(pcall(function() for i = "a", 10 do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, 2, "x" do end end))
print(pcall(function() for i = "1", 2 do end end))
