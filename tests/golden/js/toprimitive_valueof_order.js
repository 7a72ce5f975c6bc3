// Without Symbol.toPrimitive: hint "string" tries toString then valueOf,
// hint "number"/"default" tries valueOf then toString; non-primitive results are skipped.
const calls = [];
function make(name, v, s) {
  return {
    valueOf() { calls.push(name + ".valueOf"); return v; },
    toString() { calls.push(name + ".toString"); return s; },
  };
}
function show(label, fn) {
  calls.length = 0;
  let out;
  try { out = JSON.stringify(fn()); } catch (e) { out = e.name; }
  console.log(label.padEnd(26), out.padEnd(10), calls.join(" "));
}
const prim = make("p", 7, "seven");
const objValue = make("o", {}, "fromToString");
const bothObj = make("b", {}, {});
const strOnly = make("s", "12", {});
show("p + 1", () => prim + 1);
show("`${p}`", () => `${prim}`);
show("String(p)", () => String(prim));
show("p * 1", () => prim * 1);
show("p == 7", () => prim == 7);
show("p == 'seven'", () => prim == "seven");
show("o + 1", () => objValue + 1);
show("o * 1", () => objValue * 1);
show("String(o)", () => String(objValue));
show("s * 2", () => strOnly * 2);
show("String(s)", () => String(strOnly));
show("b + 1", () => bothObj + 1);
show("({})[p]", () => ({ seven: "key via toString" })[prim]);
show("[p, p].join()", () => [prim, prim].join());
show("p < o", () => prim < objValue);
show("Number(s)", () => Number(strOnly));
const arr = [1, 2];
arr.valueOf = () => 100;
console.log(arr + 1, `${arr}`, arr * 2);
const plain = {};
console.log(plain + "", plain.valueOf() === plain, [] + 1, [5] * 2, [1, 2] * 2);
