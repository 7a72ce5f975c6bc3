var N = 5000;

var ESCAPES = { '"': '\\"', "\\": "\\\\", "\n": "\\n" };

function encodeString(s) {
  return '"' + s.replace(/["\\\n]/g, function (c) { return ESCAPES[c]; }) + '"';
}

function encode(v) {
  if (v === null) return "null";
  if (typeof v === "string") return encodeString(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return "[" + v.map(encode).join(",") + "]";
  return "{" + Object.keys(v).sort().map(function (k) { return encodeString(k) + ":" + encode(v[k]); }).join(",") + "}";
}

function record(i) {
  return {
    id: i,
    name: "user" + i,
    active: i % 3 === 0,
    score: i * 37 % 101,
    tags: ["t" + i % 5, "t" + i % 7, null],
    note: i % 4 === 0 ? 'say "hi"\n\\ ' + i : "plain",
    pos: { x: i % 10, y: i % 13, z: [i, -i] }
  };
}

var total = 0;
for (var i = 0; i < N; i++) {
  var batch = [];
  for (var j = 0; j < 10; j++) batch.push(record(i * 10 + j));
  total += encode(batch).length;
}
console.log(total);
console.log(encode(record(4)));
