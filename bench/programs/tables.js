const N = 60;
const W = 64, H = 64;
let seed = 7;
let grid = [];
for (let y = 0; y < H; y++) {
  const row = [];
  for (let x = 0; x < W; x++) {
    seed = seed * 16807 % 2147483647;
    row.push(seed % 3 === 0 ? 1 : 0);
  }
  grid.push(row);
}
for (let gen = 0; gen < N; gen++) {
  const next = [];
  for (let y = 0; y < H; y++) {
    const up = grid[(y + H - 1) % H], row = grid[y], down = grid[(y + 1) % H];
    const nrow = [];
    for (let x = 0; x < W; x++) {
      const left = (x + W - 1) % W, right = (x + 1) % W;
      const n = up[left] + up[x] + up[right] + row[left] + row[right] + down[left] + down[x] + down[right];
      nrow.push(n === 3 || (n === 2 && row[x] === 1) ? 1 : 0);
    }
    next.push(nrow);
  }
  grid = next;
}
let alive = 0;
for (const row of grid) {
  for (const cell of row) alive += cell;
}
const counts = {};
for (let i = 0; i < N * 10000; i++) {
  const word = "w" + i * 7919 % 1009;
  counts[word] = (counts[word] || 0) + 1;
}
let weighted = 0;
const words = Object.keys(counts);
for (const word of words) weighted += counts[word] * word.length;
console.log(alive, words.length, weighted);
