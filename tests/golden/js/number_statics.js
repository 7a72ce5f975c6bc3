console.log(Number.isInteger(5), Number.isInteger(5.0), Number.isInteger(5.5), Number.isInteger("5"), Number.isInteger(Infinity));
console.log(Number.isFinite(1), Number.isFinite("1"), isFinite("1"), Number.isFinite(NaN), Number.isFinite(-Infinity));
console.log(Number.isNaN(NaN), Number.isNaN("abc"), isNaN("abc"), isNaN(undefined), isNaN(null), Number.isNaN(0 / 0));
console.log(Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(2 ** 53));
console.log(Number.EPSILON, Number.EPSILON > 0, Math.abs(0.3 - (0.1 + 0.2)) < Number.EPSILON);
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2);
console.log(Number.parseFloat === parseFloat, Number.parseInt("08"), Number(null), Number(undefined), Number([]), Number(["7"]), Number(true));
console.log(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN);
