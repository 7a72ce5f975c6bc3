local N = 5000

-- JSON's null: nil cannot be stored in a table, so a unique sentinel stands for it
local null = setmetatable({}, {__tostring = function() return "null" end})

local ESCAPES = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n'}

local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', ESCAPES) .. '"'
end

local function encode(v)
  if type(v) == "string" then
    return encode_string(v)
  elseif type(v) ~= "table" or v == null then
    return tostring(v)
  end
  local parts = {}
  if v[1] ~= nil or next(v) == nil then
    for i, x in ipairs(v) do parts[i] = encode(x) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys)
  for i, k in ipairs(keys) do parts[i] = encode_string(k) .. ":" .. encode(v[k]) end
  return "{" .. table.concat(parts, ",") .. "}"
end

local function record(i)
  return {
    id = i,
    name = "user" .. i,
    active = i % 3 == 0,
    score = i * 37 % 101,
    tags = {"t" .. i % 5, "t" .. i % 7, null},
    note = i % 4 == 0 and 'say "hi"\n\\ ' .. i or "plain",
    pos = {x = i % 10, y = i % 13, z = {i, -i}},
  }
end

local total = 0
for i = 0, N - 1 do
  local batch = {}
  for j = 0, 9 do batch[j + 1] = record(i * 10 + j) end
  total = total + #encode(batch)
end
print(total)
print(encode(record(4)))
