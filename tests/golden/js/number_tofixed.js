// toFixed rounds the exact binary value, so 1.005 gives "1.00" and 1.255 "1.25".
const values = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 1.005, 1.255, 1.45, 8.345, 10.235, 0.000001, 123.456, 1e20, 1e21, -1.5e-7];
for (const v of values) {
  console.log(String(v).padEnd(8), [0, 1, 2, 5].map(d => v.toFixed(d)).join(" | "));
}
console.log((0.1 + 0.2).toFixed(20));
console.log((1 / 3).toFixed(30));
console.log((2 ** 60).toFixed(2), (2 ** 70).toFixed(0), (123456789.987654321).toFixed(5));
console.log(NaN.toFixed(2), Infinity.toFixed(2), (-Infinity).toFixed(0));
console.log((5e-7).toFixed(6), (5e-7).toFixed(7), (0.00005).toFixed(4), (0.000051).toFixed(4));
console.log((999.995).toFixed(2), (999.9951).toFixed(2), (0.995).toFixed(2), (9.995).toFixed(2));
console.log((1.23e-10).toFixed(2), (-1.23e-10).toFixed(2), (-0.0001).toFixed(2), (-0).toFixed(2));
console.log((12).toFixed(), (12.5).toFixed(), (13.5).toFixed(), (-12.5).toFixed());
console.log((1.45).toFixed(1), (1.55).toFixed(1), (1.65).toFixed(1), (1.75).toFixed(1));
const price = 19.999;
console.log(`$${price.toFixed(2)}`, `${(price * 3).toFixed(2)}`, Number(price.toFixed(1)) + 1);
try {
  (1).toFixed(-1);
} catch (e) {
  console.log(e.name, e.message);
}
console.log((1).toFixed(100).length, typeof (1).toFixed(2), (1.5).toFixed("1"), (2.345).toFixed(2.9));
const round2 = x => Math.round(x * 100) / 100;
console.log([1.005, 2.675, 1.255].map(round2), [1.005, 2.675, 1.255].map(x => x.toFixed(2)));
