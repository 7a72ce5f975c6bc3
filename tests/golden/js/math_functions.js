console.log(Math.floor(-1.5), Math.ceil(-1.5), Math.round(-1.5), Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994));
console.log(Math.trunc(4.7), Math.trunc(-4.7), Math.sign(-3), Math.sign(0), Math.sign(-0), Math.abs(-7.25));
console.log(Math.max(), Math.min(), Math.max(1, "5", 3), Math.max(1, NaN), Math.min(0, -0));
console.log(Math.sqrt(16), Math.sqrt(-1), Math.cbrt(27), Math.hypot(3, 4), Math.pow(2, 0.5));
console.log(Math.PI, Math.E, Math.LN2, Math.SQRT2);
console.log(Math.sin(0), Math.cos(Math.PI), Math.atan2(1, 1), Math.exp(1), Math.log(Math.E), Math.log10(1000), Math.log2(8));
console.log(Math.fround(5.5), Math.fround(5.05), Math.clz32(1), Math.imul(3, 4), Math.expm1(0), Math.log1p(0));
console.log(Math.floor(1e21), Math.round("2.5"), Math.abs(null), Math.abs("x"), Math.max([1], [2]));
