// Arrays with more than 6 items are printed in aligned columns when they do not fit
// on one line (numbers right-aligned, strings left-aligned).
console.log([1, 2, 3, 4, 5, 6]);
console.log([1, 2, 3, 4, 5, 6, 7]);
console.log(Array.from({ length: 26 }, (_, i) => i * i));
console.log(Array.from({ length: 12 }, (_, i) => -i * 1.5));
console.log(["a", "b", "c", "d", "e", "f", "g", "h"]);
console.log([true, false, null, undefined, 1, "two", 3, 4]);
console.log([[1, 2, 3, 4, 5, 6, 7], [8, 9]]);
console.log({ list: Array.from({ length: 8 }, (_, i) => i * 100) });
console.log([1.25, -3, 1000000, 0.5, 42, 7, 8, 9, 10]);
console.log([-0, 0, -1, 1, -0.5, 0.5, NaN]);
const short = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
console.log(short.length, short.join(" "));
console.log(short.slice(0, 6).map(n => n * 11));
console.log([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
console.log([1, 22, 333, 4444, 55555, 666666, 7777777]);
console.log(["x", 1, "yy", 22, "zzz", 333, "w"]);
console.log([undefined, null, undefined].length);
const seven = [10, 20, 30, 40, 50, 60, 70];
console.log(seven.reverse());
