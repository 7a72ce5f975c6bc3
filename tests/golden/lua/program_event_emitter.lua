-- an event emitter with ordered listeners, once and removal
local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({handlers = {}}, Emitter) end
function Emitter:on(name, fn)
  local list = self.handlers[name] or {}
  self.handlers[name] = list
  list[#list + 1] = fn
  return fn
end
function Emitter:once(name, fn)
  local wrapper
  wrapper = self:on(name, function(...) self:off(name, wrapper); return fn(...) end)
end
function Emitter:off(name, fn)
  local list = self.handlers[name] or {}
  for i = #list, 1, -1 do if list[i] == fn then table.remove(list, i) end end
end
function Emitter:emit(name, ...)
  local list = self.handlers[name]
  if not list then return 0 end
  local snapshot = table.move(list, 1, #list, 1, {})
  for _, fn in ipairs(snapshot) do fn(...) end
  return #snapshot
end
local e = Emitter.new()
local log = {}
local h = e:on("msg", function(a, b) log[#log + 1] = "h1:" .. a .. b end)
e:on("msg", function(a) log[#log + 1] = "h2:" .. a end)
e:once("msg", function(a) log[#log + 1] = "once:" .. a end)
print(e:emit("msg", "x", "y"))
print(e:emit("msg", "p", "q"))
e:off("msg", h)
print(e:emit("msg", "z", "w"), e:emit("none"))
print(table.concat(log, " "))
local ok, err = pcall(e.emit, e, "msg", nil)
print(ok, err)
