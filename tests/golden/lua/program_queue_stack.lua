-- a stack and a double-ended queue
local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({n = 0}, Stack) end
function Stack:push(v) self.n = self.n + 1; self[self.n] = v end
function Stack:pop()
  if self.n == 0 then return nil, "empty" end
  local v = self[self.n]
  self[self.n] = nil
  self.n = self.n - 1
  return v
end
local Deque = {}
Deque.__index = Deque
function Deque.new() return setmetatable({first = 0, last = -1}, Deque) end
function Deque:push_back(v) self.last = self.last + 1; self[self.last] = v end
function Deque:push_front(v) self.first = self.first - 1; self[self.first] = v end
function Deque:pop_front()
  if self.first > self.last then return nil end
  local v = self[self.first]; self[self.first] = nil; self.first = self.first + 1
  return v
end
function Deque:pop_back()
  if self.first > self.last then return nil end
  local v = self[self.last]; self[self.last] = nil; self.last = self.last - 1
  return v
end
function Deque:size() return self.last - self.first + 1 end
local s = Stack.new()
for i = 1, 4 do s:push(i * i) end
print(s:pop(), s:pop(), s.n)
print(s:pop(), s:pop(), s:pop())
local d = Deque.new()
d:push_back("b"); d:push_back("c"); d:push_front("a"); d:push_front("z")
print(d:size(), d:pop_front(), d:pop_back(), d:size())
print(d:pop_front(), d:pop_front(), d:pop_front(), d:size())
local function balanced(str)
  local st = Stack.new()
  local pairs_ = {[")"] = "(", ["]"] = "[", ["}"] = "{"}
  for ch in str:gmatch("[%(%)%[%]{}]") do
    if pairs_[ch] then
      if st:pop() ~= pairs_[ch] then return false end
    else st:push(ch) end
  end
  return st.n == 0
end
print(balanced("{[()()]}"), balanced("([)]"), balanced("(("), balanced(""))
