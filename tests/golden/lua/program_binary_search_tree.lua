-- binary search tree: insert, search, in-order traversal, height
local Tree = {}
Tree.__index = Tree
function Tree.new() return setmetatable({root = nil, size = 0}, Tree) end
function Tree:insert(k, v)
  local node, parent, dir = self.root, nil, nil
  while node do
    if k == node.key then node.value = v; return end
    parent, dir = node, (k < node.key) and "left" or "right"
    node = node[dir]
  end
  local n = {key = k, value = v}
  if parent then parent[dir] = n else self.root = n end
  self.size = self.size + 1
end
function Tree:find(k)
  local node = self.root
  while node and node.key ~= k do node = (k < node.key) and node.left or node.right end
  return node and node.value
end
local function inorder(node, out)
  if node then inorder(node.left, out); out[#out + 1] = node.key .. "=" .. node.value; inorder(node.right, out) end
  return out
end
local function height(node)
  if not node then return 0 end
  return 1 + math.max(height(node.left), height(node.right))
end
local t = Tree.new()
for _, k in ipairs({50, 30, 70, 20, 40, 60, 80, 30, 65}) do t:insert(k, k * 2) end
print(t.size, height(t.root))
print(table.concat(inorder(t.root, {}), " "))
print(t:find(40), t:find(65), t:find(99))
local words = Tree.new()
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do
  words:insert(w, (words:find(w) or 0) + 1)
end
print(table.concat(inorder(words.root, {}), " "))
