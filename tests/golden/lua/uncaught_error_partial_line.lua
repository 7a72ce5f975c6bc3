-- output without a trailing newline, then an error with level 0
io.write("partial ")
io.write("line")
local function stop() error("stopped without position", 0) end
stop()
