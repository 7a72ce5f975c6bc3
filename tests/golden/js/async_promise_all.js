// Promise.all resolves to results in input order, or rejects with the first rejection.
const delay = (label, value) => Promise.resolve().then(() => {
  console.log("settling", label);
  return value;
});
async function main() {
  const results = await Promise.all([delay("a", 1), delay("b", 2), 3, Promise.resolve(4)]);
  console.log("all:", results);
  console.log("empty:", await Promise.all([]));
  const fromSet = await Promise.all(new Set([delay("set", "s")]));
  console.log("iterable input:", fromSet);
  try {
    await Promise.all([delay("ok", 1), Promise.reject(new RangeError("second failed")), Promise.reject(new Error("third failed"))]);
  } catch (e) {
    console.log("all rejected with:", e.name, e.message);
  }
  const order = [];
  const slow = Promise.resolve().then(() => Promise.resolve()).then(() => { order.push("slow"); return "slow"; });
  const fast = Promise.resolve().then(() => { order.push("fast"); return "fast"; });
  console.log(await Promise.all([slow, fast]), "settled in order:", order);
  const users = [1, 2, 3].map(async id => {
    await null;
    return { id, name: "user" + id };
  });
  console.log(await Promise.all(users));
  const nested = await Promise.all([Promise.all([1, 2]), Promise.all([3])]);
  console.log("nested:", nested);
  try {
    await Promise.all(5);
  } catch (e) {
    console.log("non-iterable:", e.name);
  }
  const mapped = await Promise.all(["x", "y"].map((s, i) => delay(s, s.repeat(i + 1))));
  console.log(mapped.join("|"));
}
main().then(() => console.log("main done"));
console.log("sync code finished first");
