-- matrix multiplication, transpose and identity
local function matrix(rows, cols, f)
  local m = {rows = rows, cols = cols}
  for i = 1, rows do
    m[i] = {}
    for j = 1, cols do m[i][j] = f(i, j) end
  end
  return m
end
local function mul(a, b)
  assert(a.cols == b.rows, "dimension mismatch")
  return matrix(a.rows, b.cols, function(i, j)
    local s = 0
    for k = 1, a.cols do s = s + a[i][k] * b[k][j] end
    return s
  end)
end
local function transpose(a) return matrix(a.cols, a.rows, function(i, j) return a[j][i] end) end
local function show(m)
  for i = 1, m.rows do
    local row = {}
    for j = 1, m.cols do row[j] = string.format("%6s", tostring(m[i][j])) end
    print(table.concat(row))
  end
end
local a = matrix(2, 3, function(i, j) return i + j end)
local b = matrix(3, 2, function(i, j) return i * j end)
show(mul(a, b))
show(transpose(a))
local id = matrix(3, 3, function(i, j) return i == j and 1 or 0 end)
show(mul(b, matrix(2, 2, function(i, j) return i == j and 1 or 0 end)))
local f = matrix(2, 2, function(i, j) return (i + j) / 2 end)
show(mul(f, f))
print(pcall(mul, a, a))
print(#id, id.rows)
