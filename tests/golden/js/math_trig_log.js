// Transcendental functions: exact special cases printed as-is; general results rounded to
// 12 significant digits so the program does not depend on the last bit of a libm.
const r = v => (Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(12)) : v);
const show = v => (Object.is(v, -0) ? "-0" : String(r(v)));
const fns = ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "exp", "expm1", "log", "log1p", "log2", "log10"];
const inputs = [0, -0, 0.5, 1, -1, 2, Math.PI, Infinity, NaN];
console.log("inputs:", inputs.map(show).join(", "));
for (const f of fns) {
  console.log(f.padEnd(6), inputs.map(x => show(Math[f](x))).join(", "));
}
console.log(Math.atan2(0, 0), show(Math.atan2(-0, 0)), show(Math.atan2(0, -0)), show(Math.atan2(-0, -0)));
console.log(show(Math.atan2(1, 1)), show(Math.atan2(1, -1)), show(Math.atan2(-1, -1)), show(Math.atan2(Infinity, Infinity)), show(Math.atan2(1, Infinity)));
console.log(Math.log2(8), Math.log2(1024), Math.log10(1000), Math.log10(1e-5), Math.log(1), Math.exp(0), Math.log2(0.5));
console.log(Math.log(0), Math.log(-1), Math.log10(0), Math.exp(-Infinity), Math.exp(Infinity), Math.expm1(-Infinity));
console.log(show(Math.E), show(Math.PI), show(Math.LN2), show(Math.LN10), show(Math.LOG2E), show(Math.LOG10E));
const deg = x => r(x * 180 / Math.PI);
console.log(deg(Math.atan(1)), deg(Math.asin(0.5)), deg(Math.acos(-1)), deg(Math.atan2(-1, 0)));
console.log(show(Math.sin(Math.PI / 6)), show(Math.cos(Math.PI / 3)), show(Math.tan(Math.PI / 4)), Math.sin(1e-10) === 1e-10);
const identity = x => r(Math.sin(x) ** 2 + Math.cos(x) ** 2);
console.log([0.1, 1, 2.5, 10].map(identity));
console.log(r(Math.exp(Math.log(10))), r(Math.log(Math.exp(3))), r(Math.tanh(Math.atanh(0.25))), r(Math.cosh(1) ** 2 - Math.sinh(1) ** 2));
console.log(Math.log10("100"), Math.log2(null), Math.exp("x"), Math.sin([]), Math.cos(null));
