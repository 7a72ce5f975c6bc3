// await on a rejected promise throws inside the async function; try/catch/finally work as usual.
async function fail(msg) {
  await null;
  throw new Error(msg);
}
async function safe() {
  try {
    await fail("first");
    console.log("never printed");
  } catch (e) {
    console.log("caught:", e.message);
  } finally {
    console.log("finally in async function");
  }
  return "safe done";
}
async function retry(fn, attempts) {
  for (let i = 1; i <= attempts; i++) {
    try {
      return await fn(i);
    } catch (e) {
      console.log(`attempt ${i} failed: ${e.message}`);
    }
  }
  throw new Error(`gave up after ${attempts}`);
}
async function flaky(i) {
  if (i < 3) throw new Error("flaky " + i);
  return "succeeded on " + i;
}
async function main() {
  console.log(await safe());
  console.log(await retry(flaky, 5));
  try {
    await retry(flaky, 2);
  } catch (e) {
    console.log("outer caught:", e.message);
  }
  const results = await Promise.all([fail("a").catch(e => "recovered " + e.message), Promise.resolve("fine")]);
  console.log(results);
  try {
    await Promise.reject("string reason");
  } catch (reason) {
    console.log("awaited rejection with a non-Error:", typeof reason, reason);
  }
  const rejected = fail("handled later");
  try { await rejected; } catch (e) { console.log("handled later:", e.message); }
  async function inner() { throw new TypeError("sync throw in async fn"); }
  const p = inner();
  console.log("throwing async fn still returns a promise:", p instanceof Promise);
  await p.catch(e => console.log("rejected with", e.name));
  try {
    await (async () => { try { return await fail("inner"); } finally { console.log("inner finally"); } })();
  } catch (e) {
    console.log("propagated through finally:", e.message);
  }
}
main().then(() => console.log("main finished"));
