var N = 60;
var W = 64, H = 64;
var seed = 7;
var grid = [];
var x, y, row;
for (y = 0; y < H; y++) {
  row = [];
  for (x = 0; x < W; x++) {
    seed = seed * 16807 % 2147483647;
    row.push(seed % 3 === 0 ? 1 : 0);
  }
  grid.push(row);
}
for (var gen = 0; gen < N; gen++) {
  var next = [];
  for (y = 0; y < H; y++) {
    var up = grid[(y + H - 1) % H], down = grid[(y + 1) % H];
    row = grid[y];
    var nrow = [];
    for (x = 0; x < W; x++) {
      var left = (x + W - 1) % W, right = (x + 1) % W;
      var n = up[left] + up[x] + up[right] + row[left] + row[right] + down[left] + down[x] + down[right];
      nrow.push(n === 3 || (n === 2 && row[x] === 1) ? 1 : 0);
    }
    next.push(nrow);
  }
  grid = next;
}
var alive = 0;
for (y = 0; y < H; y++) {
  for (x = 0; x < W; x++) alive += grid[y][x];
}
var counts = {};
for (var i = 0; i < N * 10000; i++) {
  var word = "w" + i * 7919 % 1009;
  counts[word] = (counts[word] || 0) + 1;
}
var weighted = 0;
var words = Object.keys(counts);
for (i = 0; i < words.length; i++) weighted += counts[words[i]] * words[i].length;
console.log(alive, words.length, weighted);
