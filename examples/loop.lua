-- Never ends on its own: try  llmspell run --max-instructions 1000 examples/loop.lua
local n = 0
while true do
  n = n + 1
end
