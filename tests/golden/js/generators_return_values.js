// A generator's `return` value appears once with done: true; for-of, spread and
// destructuring ignore it, while yield* hands it back to the delegating generator.
function* withReturn() {
  yield 1;
  yield 2;
  return "the end";
}
const it = withReturn();
console.log(it.next(), it.next(), it.next(), it.next());
console.log([...withReturn()], Array.from(withReturn()));
const seen = [];
for (const v of withReturn()) seen.push(v);
console.log(seen);
const [a, b, c] = withReturn();
console.log(a, b, c);
function* delegating() {
  const result = yield* withReturn();
  yield `delegate got: ${result}`;
  return "outer end";
}
console.log([...delegating()]);
const d = delegating();
let step;
while (!(step = d.next()).done) console.log("value", step.value);
console.log("final", step);
function* noReturn() { yield "only"; }
const n = noReturn();
console.log(n.next(), n.next());
function* earlyReturn(flag) {
  yield "start";
  if (flag) return "returned early";
  yield "middle";
  return "normal end";
}
const e1 = earlyReturn(true), e2 = earlyReturn(false);
console.log(e1.next().value, e1.next(), e2.next().value, e2.next().value, e2.next());
function* returnsInFinally() {
  try {
    yield 1;
    return "from try";
  } finally {
    console.log("finally runs before done");
  }
}
const rf = returnsInFinally();
console.log(rf.next(), rf.next());
function* argsGen(...xs) { for (const x of xs) yield x * 2; return xs.length; }
const ag = argsGen(1, 2, 3);
console.log([ag.next().value, ag.next().value, ag.next().value, ag.next().value]);
const obj = { *method() { yield this.name; }, name: "method generator" };
console.log([...obj.method()], typeof withReturn, Object.prototype.toString.call(withReturn()));
