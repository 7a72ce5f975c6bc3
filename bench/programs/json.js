const N = 5000;

const ESCAPES = { '"': '\\"', "\\": "\\\\", "\n": "\\n" };

function encodeString(s) {
  return '"' + s.replace(/["\\\n]/g, (c) => ESCAPES[c]) + '"';
}

function encode(v) {
  if (v === null) return "null";
  if (typeof v === "string") return encodeString(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return "[" + v.map(encode).join(",") + "]";
  return "{" + Object.keys(v).sort().map((k) => encodeString(k) + ":" + encode(v[k])).join(",") + "}";
}

function record(i) {
  return {
    id: i,
    name: "user" + i,
    active: i % 3 === 0,
    score: i * 37 % 101,
    tags: ["t" + i % 5, "t" + i % 7, null],
    note: i % 4 === 0 ? 'say "hi"\n\\ ' + i : "plain",
    pos: { x: i % 10, y: i % 13, z: [i, -i] },
  };
}

let total = 0;
for (let i = 0; i < N; i++) {
  const batch = [];
  for (let j = 0; j < 10; j++) batch.push(record(i * 10 + j));
  total += encode(batch).length;
}
console.log(total);
console.log(encode(record(4)));
