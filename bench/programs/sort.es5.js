var N = 200000;

var seed = 42;
var items = [];
for (var i = 0; i < N; i++) {
  seed = seed * 16807 % 2147483647;
  items.push({ key: seed % 1000, id: i });
}
items.sort(function (a, b) { return b.key - a.key || a.id - b.id; });
var check = 0;
for (i = 0; i < items.length; i++) check = (check + (i + 1) * items[i].id) % 1000003;
console.log(items[0].id, items[items.length - 1].id, check);
