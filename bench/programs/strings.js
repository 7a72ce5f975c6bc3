const N = 300000;
let total = 0;
let parts = [];
for (let i = 0; i < N; i++) {
  const s = `key${i}:${i * 7 % 1000}`;
  const u = s.toUpperCase();
  const pos = u.indexOf(":");
  const head = u.slice(0, pos);
  const tail = u.slice(pos + 1);
  total += head.length * 3 + tail.length + pos;
  if (s.includes("77")) total += 1;
  parts.push(head.toLowerCase() + "=" + tail);
  if (parts.length === 100) {
    const line = parts.join(",").replaceAll("key", "k");
    total += line.length;
    parts = [];
  }
}
console.log(total);
