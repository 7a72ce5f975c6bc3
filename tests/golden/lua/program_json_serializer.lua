-- a JSON-like serializer with sorted keys and escaping
local function escape(s)
  return (s:gsub('[%c"\\]', function(c)
    local map = {['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\t"] = "\\t"}
    return map[c] or string.format("\\u%04x", c:byte())
  end))
end
local function is_array(t)
  local n = #t
  for k in pairs(t) do
    if math.type(k) ~= "integer" or k < 1 or k > n then return false end
  end
  return true
end
local function encode(v, indent)
  indent = indent or ""
  local ty = type(v)
  if ty == "nil" then return "null"
  elseif ty == "boolean" then return tostring(v)
  elseif ty == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.14g", v)
  elseif ty == "string" then return '"' .. escape(v) .. '"'
  elseif ty == "table" then
    local inner = indent .. "  "
    local parts = {}
    if is_array(v) then
      if #v == 0 then return "[]" end
      for _, e in ipairs(v) do parts[#parts + 1] = inner .. encode(e, inner) end
      return "[\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    for _, k in ipairs(keys) do
      local val = v[k]
      if val == nil then val = v[tonumber(k)] end
      parts[#parts + 1] = inner .. '"' .. escape(k) .. '": ' .. encode(val, inner)
    end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  end
  error("cannot encode " .. ty)
end
print(encode({
  name = "llmspell", version = 1.5, tags = {"lua", "vm", 'quote"d'},
  nested = {ok = true, count = 3, ratio = 1 / 3, empty = {}},
  text = "line1\nline2\ttab\1", [10] = "numeric key",
}))
print(pcall(encode, {f = print}))
