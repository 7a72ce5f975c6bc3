// The TypeError/ReferenceError/RangeError messages of common mistakes.
const cases = [
  () => null.prop,
  () => undefined.prop,
  () => { const o = {}; return o.missing.deeper; },
  () => { const o = { a: null }; return o.a.b; },
  () => { const o = {}; o.nope(); },
  () => { const f = 5; f(); },
  () => { const s = "str"; s.nope(); },
  () => { const arr = [1]; arr.map(3); },
  () => notDefinedAnywhere + 1,
  () => { null.x = 1; },
  () => { undefined[0] = 1; },
  () => new Array(-1),
  () => (1).toFixed(101),
  () => "abc".repeat(-1),
  () => { class K {} K(); },
  () => { const x = 1; x = 2; },
  () => { const [a] = null; },
  () => { const { a } = undefined; },
  () => { for (const x of 5) {} },
  () => { const n = 5; return new n(); },
  () => Symbol() + "",
  () => Object.defineProperty(1, "x", {}),
  () => Object.create(5),
  () => JSON.parse("{bad"),
  () => ({}).x.y.z,
];
for (const fn of cases) {
  try {
    fn();
    console.log("no error");
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
