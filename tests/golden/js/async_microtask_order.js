// Microtask ordering: promise reactions and await continuations interleave in FIFO order.
const log = [];
const out = msg => { log.push(msg); console.log(msg); };
out("script start");
Promise.resolve().then(() => out("then 1")).then(() => out("then 2")).then(() => out("then 3"));
async function a() {
  out("a: before await");
  await null;
  out("a: after first await");
  await null;
  out("a: after second await");
}
async function b() {
  out("b: before await");
  await undefined;
  out("b: after await");
}
a();
b();
new Promise(resolve => {
  out("executor runs synchronously");
  resolve("resolved value");
}).then(v => out("promise then: " + v));
Promise.resolve("direct").then(v => out("another reaction: " + v));
Promise.reject(new Error("nope")).catch(e => out("catch: " + e.message)).finally(() => out("finally after catch"));
const resolvedLater = Promise.resolve("x");
resolvedLater.then(() => out("first reaction on same promise"));
resolvedLater.then(() => out("second reaction on same promise"));
async function returnsThenable() {
  return { then(res) { out("thenable.then called"); res("thenable value"); } };
}
returnsThenable().then(v => out("thenable resolved: " + v));
out("script end");
Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve())).then(() => {
  out("late: total entries " + log.length);
});
