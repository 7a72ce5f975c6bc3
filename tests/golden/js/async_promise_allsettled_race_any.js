// Promise.allSettled, Promise.race and Promise.any.
const later = (value, hops) => {
  let p = Promise.resolve(value);
  for (let i = 0; i < hops; i++) p = p.then(v => v);
  return p;
};
const failLater = (msg, hops) => later(null, hops).then(() => { throw new Error(msg); });
async function main() {
  const settled = await Promise.allSettled([later("ok", 1), failLater("bad", 1), 42]);
  for (const r of settled) {
    console.log(r.status, "value" in r ? r.value : r.reason.message);
  }
  console.log(await Promise.allSettled([]));
  console.log("race:", await Promise.race([later("slow", 5), later("fast", 1), later("medium", 3)]));
  try {
    await Promise.race([failLater("fast failure", 1), later("slow success", 4)]);
  } catch (e) {
    console.log("race rejected:", e.message);
  }
  console.log("race with plain value:", await Promise.race([later("promise", 1), "plain"]));
  console.log("any:", await Promise.any([failLater("x", 1), later("first success", 3), later("second", 4)]));
  try {
    await Promise.any([failLater("e1", 1), failLater("e2", 2)]);
  } catch (e) {
    console.log(e.name, e.errors.map(err => err.message), e instanceof AggregateError);
  }
  try {
    await Promise.any([]);
  } catch (e) {
    console.log("any of empty:", e.name, e.errors.length);
  }
  const raceForever = Promise.race([]);
  const winner = await Promise.race([raceForever, later("race([]) never settles", 1)]);
  console.log(winner);
  const summary = (await Promise.allSettled([1, Promise.reject("plain reason")])).map(r => JSON.stringify(r));
  console.log(summary);
}
main().then(() => console.log("done"));
