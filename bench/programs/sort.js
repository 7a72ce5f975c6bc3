const N = 200000;

let seed = 42;
const items = [];
for (let i = 0; i < N; i++) {
  seed = seed * 16807 % 2147483647;
  items.push({ key: seed % 1000, id: i });
}
items.sort((a, b) => b.key - a.key || a.id - b.id);
let check = 0;
items.forEach((item, i) => {
  check = (check + (i + 1) * item.id) % 1000003;
});
console.log(items[0].id, items[items.length - 1].id, check);
