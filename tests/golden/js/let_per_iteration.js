// Each iteration of a for loop with `let` gets a fresh binding, copied from
// the previous one before the update expression runs.
const fns = [];
for (let i = 0; i < 4; i++) {
  fns.push(() => i);
}
console.log(fns.map(f => f()));
const captured = [];
for (let i = 0; i < 6; i++) {
  if (i % 2) continue;
  captured.push(() => i * 100);
}
console.log(captured.map(f => f()));
const mutated = [];
for (let i = 0; i < 3; i++) {
  mutated.push(() => i);
  i += 0.5;
}
console.log(mutated.map(f => f()));
const fromInit = [];
for (let i = 0, get = () => i; i < 3; i++) {
  fromInit.push(get());
}
console.log("closure in init sees the first binding:", fromInit);
const nested = [];
for (let r = 0; r < 2; r++) {
  for (let c = 0; c < 2; c++) {
    nested.push(() => `${r}${c}`);
  }
}
console.log(nested.map(f => f()).join(" "));
const withVar = [];
for (var v = 0; v < 3; v++) withVar.push(() => v);
console.log("var shares one binding:", withVar.map(f => f()));
const forIn = [];
for (const key in { a: 1, b: 2, c: 3 }) forIn.push(() => key);
console.log(forIn.map(f => f()).join(""));
const forOf = [];
for (let [k, val] of Object.entries({ x: 1, y: 2 })) {
  val *= 10;
  forOf.push(() => k + val);
}
console.log(forOf.map(f => f()));
const whileFns = [];
let n = 0;
while (n < 3) {
  const snapshot = n;
  whileFns.push(() => snapshot);
  n++;
}
console.log(whileFns.map(f => f()), n);
