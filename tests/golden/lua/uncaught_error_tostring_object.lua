-- an uncaught error object with __tostring
local Err = {__tostring = function(e) return "AppError(" .. e.code .. "): " .. e.msg end}
local function fail(code, msg) error(setmetatable({code = code, msg = msg}, Err)) end
print(pcall(fail, 1, "caught"))
local ok, e = pcall(fail, 2, "inspect")
print(ok, tostring(e), e.code)
fail(500, "uncaught")
