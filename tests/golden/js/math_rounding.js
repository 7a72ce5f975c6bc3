// Math.round rounds half up (towards +Infinity); floor/ceil/trunc/sign keep -0 where IEEE does.
const show = v => (Object.is(v, -0) ? "-0" : String(v));
const inputs = [2.5, 3.5, -2.5, -3.5, 0.5, -0.5, 0.49999999999999994, -0.4, 1.4999, -1.5001, 0, -0, 1e21, -1e-300, NaN, Infinity, -Infinity];
console.log("x".padEnd(21), "round floor ceil trunc sign");
for (const x of inputs) {
  const row = [Math.round(x), Math.floor(x), Math.ceil(x), Math.trunc(x), Math.sign(x)].map(show);
  console.log(show(x).padEnd(21), row.join(" "));
}
console.log(Math.round("2.5"), Math.round(null), Math.round(undefined), Math.round([7.6]), Math.round(true));
console.log(Math.floor(-0.0000001), Math.ceil(0.0000001), Math.trunc("  -9.9 "), Math.sign("-3"), Math.sign("x"));
const roundTo = (x, digits) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
console.log(roundTo(1.23456, 2), roundTo(1.005, 2), roundTo(-1.005, 2), roundTo(1234.5678, -2));
console.log(Math.abs(-0), show(Math.abs(-0)), Math.abs(-Infinity), Math.abs("-5"), Math.abs([-2]), Math.abs({}));
console.log(Math.fround(1.1), Math.fround(0.1), Math.fround(16777217), Math.fround(1e40), Math.fround(-0) === 0);
const bankers = x => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
};
console.log([0.5, 1.5, 2.5, 3.5, -0.5, -1.5].map(bankers).map(show));
console.log(Math.round(2 ** 52 + 0.5), Math.round(-(2 ** 52) - 0.5), Math.round(4503599627370495.5));
console.log(Math.floor(5.95), Math.floor(-5.05), Math.ceil(7.004), Math.ceil(-7.004), Math.trunc(13.37));
