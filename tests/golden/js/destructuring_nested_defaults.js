// Nested destructuring with defaults: a default applies only when the value is undefined.
const config = {
  server: { host: "localhost", ports: [8080] },
  features: { beta: null },
};
const {
  server: { host, port = 80, ports: [firstPort, secondPort = firstPort + 1] },
  features: { beta = "default beta", gamma = "default gamma" },
  missing: { deep = "deep default" } = {},
} = config;
console.log(host, port, firstPort, secondPort);
console.log(beta, gamma, deep);
let evaluated = 0;
const mark = v => { evaluated++; return v; };
const [p = mark("p"), q = mark("q")] = ["given"];
console.log(p, q, "defaults evaluated:", evaluated);
const [[a1, a2 = "a2"] = ["x"], { b1 = "b1" } = {}] = [];
console.log(a1, a2, b1);
const { list: [, second, ...tail] = [] } = { list: [1, 2, 3, 4] };
console.log(second, tail);
function draw({ pos: { x = 0, y = 0 } = {}, size: [w, h] = [1, 1], color = "black" } = {}) {
  return `${color} ${w}x${h} at (${x},${y})`;
}
console.log(draw());
console.log(draw({ pos: { x: 5 } }));
console.log(draw({ size: [3, 4], color: "red", pos: { y: -1 } }));
const users = [
  { id: 1, info: { name: "Ann", langs: ["js", "lua"] } },
  { id: 2, info: { name: "Bob", langs: [] } },
  { id: 3, info: {} },
];
for (const { id, info: { name = "anon", langs: [primary = "none"] = [] } } of users) {
  console.log(id, name, primary);
}
const key = "dynamic";
const { [key]: { value: dynValue = "dv" } = {} } = { dynamic: { value: undefined } };
console.log(dynValue);
let x, y;
({ pair: [x, y] = [0, 0] } = { pair: ["L", "R"] });
console.log(x, y);
const { length: len, 0: firstChar } = "abc";
console.log(len, firstChar);
try {
  const { a: { b } } = { a: undefined };
  console.log(b);
} catch (e) {
  console.log(e.name, e.message);
}
