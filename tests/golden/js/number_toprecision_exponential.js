// toPrecision and toExponential: significant digits, and when exponent notation appears.
const values = [0, 1, 123.456, 0.000123456, 123456789, 1.5, 2.5, -1.25, 1e21, 1e-7, 9.995, 99.99];
for (const v of values) {
  console.log(String(v).padEnd(11), [1, 2, 4, 8].map(p => v.toPrecision(p)).join(" | "));
}
for (const v of values) {
  console.log(String(v).padEnd(11), v.toExponential(), "|", [0, 2, 5].map(d => v.toExponential(d)).join(" | "));
}
console.log((123.456).toPrecision(), (0).toPrecision(5), (-0).toPrecision(3), (1e100).toPrecision(3));
console.log((123456).toPrecision(6), (123456).toPrecision(5), (0.00001).toPrecision(1), (0.000001).toPrecision(2));
console.log(NaN.toPrecision(3), Infinity.toExponential(2), (-Infinity).toPrecision(1));
console.log((1.45).toPrecision(2), (1.55).toPrecision(2), (0.5).toExponential(0), (1.5).toExponential(0), (2.5).toExponential(0));
console.log((5e-324).toExponential(), (Number.MAX_VALUE).toExponential(3), (2 ** 53).toPrecision(16), (2 ** 53).toPrecision(17));
for (const [fn, arg] of [["toPrecision", 0], ["toPrecision", 101], ["toExponential", -1], ["toExponential", 101]]) {
  try {
    (1)[fn](arg);
  } catch (e) {
    console.log(fn, arg, e.name, e.message);
  }
}
console.log((1).toPrecision(100).length, (1).toExponential(100).length);
