// Sequential awaits vs Promise.all: the order of log lines shows what overlaps.
const log = [];
function task(name, hops) {
  log.push(`start ${name}`);
  let p = Promise.resolve();
  for (let i = 0; i < hops; i++) p = p.then(() => undefined);
  return p.then(() => {
    log.push(`end ${name}`);
    return name.toUpperCase();
  });
}
async function sequential() {
  const a = await task("a", 3);
  const b = await task("b", 1);
  return [a, b];
}
async function parallel() {
  const [c, d] = await Promise.all([task("c", 3), task("d", 1)]);
  return [c, d];
}
async function main() {
  console.log("sequential result:", await sequential());
  console.log(log.splice(0));
  console.log("parallel result:", await parallel());
  console.log(log.splice(0));
  const started = [task("e", 2), task("f", 1)];
  console.log("both started before any await:", log.slice());
  const e = await started[0];
  const f = await started[1];
  console.log(e, f, log.splice(0));
  const results = [];
  for (const name of ["g", "h", "i"]) {
    results.push(await task(name, 1));
  }
  console.log("for-of with await:", results, log.splice(0));
  const mapped = await Promise.all(["j", "k"].map(async name => {
    const r = await task(name, name === "j" ? 2 : 1);
    return r + "!";
  }));
  console.log("map + Promise.all:", mapped, log.splice(0));
  const reduced = await ["x", "y", "z"].reduce(async (accP, name) => {
    const acc = await accP;
    return acc + (await task(name, 1));
  }, Promise.resolve(""));
  console.log("sequential reduce:", reduced, log.splice(0));
}
main();
