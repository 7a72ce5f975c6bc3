// forEach/map/filter/some/every: arguments, thisArg, short-circuiting, return values.
const arr = [3, 6, 9];
const trace = [];
const r = arr.forEach((v, i, a) => trace.push(`${i}:${v}:${a === arr}`));
console.log(r, trace);
console.log(arr.map((v, i) => v * i), arr.filter((v, i) => i !== 1), arr.map(String), arr.map(Number.isInteger));
const checked = [];
console.log(arr.some(v => { checked.push(v); return v > 4; }), "checked", checked.splice(0));
console.log(arr.every(v => { checked.push(v); return v < 5; }), "checked", checked.splice(0));
console.log([].some(() => true), [].every(() => false), [1].every(x => x), [0].some(x => x));
const scale = { factor: 10 };
console.log(arr.map(function (v) { return v * this.factor; }, scale));
console.log(arr.filter(function (v) { return v > this.min; }, { min: 4 }));
console.log(["1", "2", "3"].map(parseInt), ["1", "2", "3"].map(Number), ["1.5", "2.5"].map(parseFloat));
console.log(["a", "b"].map((c, i, all) => c + all.length + i));
const mutated = [1, 2, 3];
const visits = [];
mutated.forEach((v, i) => {
  visits.push(v);
  if (i === 0) mutated.push(4);
});
console.log("appended elements are not visited:", visits, mutated);
const shrinking = [1, 2, 3, 4];
const seen = [];
shrinking.forEach((v) => {
  seen.push(v);
  if (v === 2) shrinking.pop();
});
console.log("removed elements are skipped:", seen);
let count = 0;
try {
  [1, 2, 3, 4].forEach(v => {
    count++;
    if (v === 2) throw new Error("stop early");
  });
} catch (e) {
  console.log("forEach can only be stopped by throwing:", count, e.message);
}
const truthy = [0, 1, "", "a", null, [], {}, NaN, -1].filter(Boolean);
console.log(truthy);
const users = [{ n: "a", active: true }, { n: "b", active: false }, { n: "c", active: true }];
console.log(users.filter(u => u.active).map(u => u.n.toUpperCase()).join("+"));
console.log(users.some(u => !u.active), users.every(u => typeof u.n === "string"));
console.log([[1, 2], [3, 4]].map(([a, b]) => a * b), [{ x: 1 }].map(({ x }) => ({ y: x })));
