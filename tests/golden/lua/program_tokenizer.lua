-- a tokenizer for a small expression language
local function tokenize(src)
  local tokens, pos = {}, 1
  while pos <= #src do
    local c = src:sub(pos, pos)
    if c:match("%s") then
      pos = pos + 1
    elseif c:match("%d") then
      local num = src:match("^%d+%.?%d*", pos)
      tokens[#tokens + 1] = {"num", tonumber(num)}
      pos = pos + #num
    elseif c:match("[%a_]") then
      local id = src:match("^[%w_]+", pos)
      tokens[#tokens + 1] = {id == "let" and "kw" or "id", id}
      pos = pos + #id
    elseif c == '"' then
      local s, e = src:find('^"[^"]*"', pos)
      if not s then error("unterminated string at " .. pos) end
      tokens[#tokens + 1] = {"str", src:sub(s + 1, e - 1)}
      pos = e + 1
    else
      local op = src:match("^[=<>!]=", pos) or src:match("^[-+*/()=<>]", pos)
      if not op then error(string.format("unexpected %q at %d", c, pos)) end
      tokens[#tokens + 1] = {"op", op}
      pos = pos + #op
    end
  end
  return tokens
end
local function show(src)
  local ok, toks = pcall(tokenize, src)
  if not ok then print("error: " .. toks) return end
  local out = {}
  for _, t in ipairs(toks) do out[#out + 1] = t[1] .. ":" .. tostring(t[2]) end
  print(table.concat(out, " "))
end
show('let x = 42 + y_1 * (3.5 - 1)')
show('if a <= 10 then b != "hi there"')
show('x = "open')
show('a # b')
