-- a runtime error (indexing nil) that nothing catches
local config = {server = {port = 8080}}
print("port", config.server.port)
local function lookup(path)
  return config.database.host
end
print(lookup("db"))
