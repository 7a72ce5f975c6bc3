// Promise chains: values pass through then, errors skip to the next catch,
// finally sees no value and does not change it (unless it throws).
Promise.resolve(1)
  .then(v => { console.log("then 1 got", v); return v + 1; })
  .then(v => { console.log("then 2 got", v); throw new Error("broken at " + v); })
  .then(() => console.log("skipped"))
  .catch(e => { console.log("catch got", e.message); return "recovered"; })
  .then(v => console.log("after catch:", v))
  .finally((...args) => console.log("finally receives no arguments:", args.length))
  .then(v => console.log("value after finally:", v));
Promise.reject("plain rejection")
  .then(() => console.log("never"), reason => { console.log("second then arg handles:", reason); return "handled"; })
  .then(v => console.log("chain continues with", v));
Promise.resolve("kept")
  .finally(() => "ignored return")
  .then(v => console.log("finally return ignored:", v));
Promise.resolve("lost")
  .finally(() => { throw new TypeError("finally threw"); })
  .catch(e => console.log("finally throw replaces value:", e.name, e.message));
Promise.resolve(10)
  .then(v => Promise.resolve(v * 3))
  .then(v => console.log("returned promise is adopted:", v));
Promise.resolve()
  .then(() => ({ then(resolve) { resolve("from thenable"); } }))
  .then(v => console.log("thenable adopted:", v));
const p = Promise.resolve("shared");
p.then(v => v + " A").then(v => console.log(v));
p.then(v => v + " B").then(v => console.log(v));
Promise.resolve(5).then(null).then(undefined, null).then(v => console.log("non-function handlers pass through:", v));
Promise.reject(new Error("e")).catch().catch(e => console.log("catch() with no handler passes:", e.message));
new Promise((resolve, reject) => {
  resolve("first wins");
  resolve("ignored");
  reject(new Error("ignored too"));
}).then(v => console.log(v));
new Promise(() => { throw new RangeError("executor threw"); })
  .catch(e => console.log("executor throw becomes rejection:", e.name));
const thenReturn = Promise.resolve(1).then(() => {});
thenReturn.then(v => console.log("then without return gives", v));
