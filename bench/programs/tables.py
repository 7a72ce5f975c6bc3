# Array and hash-table reads and writes: Conway's life on a wrapping grid of
# nested arrays, then a word count in a string-keyed table.
N = 60  # small: 1
W = 64
H = 64
seed = 7
grid = []
for y in range(H):
    row = []
    for x in range(W):
        seed = seed * 16807 % 2147483647
        row.append(1 if seed % 3 == 0 else 0)
    grid.append(row)
for gen in range(N):
    new = []
    for y in range(H):
        up = grid[(y + H - 1) % H]
        row = grid[y]
        down = grid[(y + 1) % H]
        nrow = []
        for x in range(W):
            left = (x + W - 1) % W
            right = (x + 1) % W
            n = up[left] + up[x] + up[right] + row[left] + row[right] + down[left] + down[x] + down[right]
            nrow.append(1 if n == 3 or (n == 2 and row[x] == 1) else 0)
        new.append(nrow)
    grid = new
alive = 0
for row in grid:
    for cell in row:
        alive += cell
counts = {}
for i in range(N * 10000):
    word = "w" + str(i * 7919 % 1009)
    counts[word] = counts.get(word, 0) + 1
weighted = 0
for word, c in counts.items():
    weighted += c * len(word)
print(alive, len(counts), weighted)
