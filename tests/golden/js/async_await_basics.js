// async functions return promises; await suspends until the value is ready.
// All synchronous code runs first; awaited continuations run afterwards, in order.
async function double(x) {
  return x * 2;
}
async function main() {
  console.log("main: start");
  const a = await double(5);
  console.log("main: a =", a);
  const b = await 7;
  console.log("main: b =", b);
  const c = await Promise.resolve("resolved");
  console.log("main: c =", c);
  const [d, e] = [await double(1), await double(2)];
  console.log("main: d, e =", d, e);
  return a + b;
}
const p = main();
console.log("sync: main returned a promise?", p instanceof Promise);
p.then(v => console.log("then: main resolved with", v));
console.log("sync: end of script");
async function noAwait() { return "immediate"; }
noAwait().then(v => console.log("noAwait resolved with", v));
const arrow = async (x) => (await x) + "!";
arrow("arrow").then(console.log);
class Service {
  constructor(name) { this.name = name; }
  async load(id) { return `${this.name}#${id}`; }
  static async create(name) { const s = new Service(name); await null; return s; }
}
Service.create("svc").then(async s => {
  console.log("service created:", s.name);
  console.log("loaded:", await s.load(1), await s.load(2));
});
async function returnsPromise() { return Promise.resolve("unwrapped"); }
returnsPromise().then(v => console.log("nested promise unwrapped:", v));
const obj = { async method() { return this === obj; } };
obj.method().then(v => console.log("async method keeps this:", v));
async function sum(list) {
  let total = 0;
  for (const x of list) total += await x;
  return total;
}
sum([1, Promise.resolve(2), 3]).then(t => console.log("sum of mixed values:", t));
