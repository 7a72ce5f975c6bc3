// Leaving a for-of early (break, return, throw) calls the generator's return(),
// which runs its finally blocks; return() and throw() can also be called directly.
function* resource(name) {
  console.log(`${name}: open`);
  try {
    for (let i = 1; i <= 5; i++) yield `${name}-${i}`;
  } finally {
    console.log(`${name}: closed`);
  }
}
for (const v of resource("break")) {
  console.log(v);
  if (v.endsWith("2")) break;
}
function firstMatch() {
  for (const v of resource("return")) {
    if (v.endsWith("3")) return v;
  }
}
console.log("returned", firstMatch());
try {
  for (const v of resource("throw")) {
    console.log(v);
    throw new Error("stop");
  }
} catch (e) {
  console.log("caught", e.message);
}
const [first, second] = resource("destructure");
console.log(first, second);
const g = resource("manual");
console.log(g.next().value);
console.log(g.return("bye"));
console.log(g.next());
const fresh = resource("unstarted");
console.log(fresh.return("never started"), fresh.next());
function* stubborn() {
  try { yield 1; } finally { yield "yield inside finally"; console.log("stubborn cleanup done"); }
}
const s = stubborn();
console.log(s.next(), s.return("x"), s.next());
function* catcher() {
  while (true) {
    try { yield "waiting"; } catch (e) { console.log("generator caught", e); }
  }
}
const c = catcher();
c.next();
console.log(c.throw("problem 1"), c.throw("problem 2"));
const done = resource("throw-into");
done.next();
try {
  done.throw(new TypeError("injected"));
} catch (e) {
  console.log("propagated", e.name, e.message, done.next());
}
