// Number.prototype.toString(radix) for integers, negatives and fractions.
const ints = [0, 1, 7, 10, 255, 256, 1000, 65535, 2 ** 31, 2 ** 53, -1, -255];
for (const r of [2, 8, 16, 36]) {
  console.log(`radix ${r}:`, ints.map(n => n.toString(r)).join(" "));
}
console.log((3).toString(3), (9).toString(3), (35).toString(36), (36).toString(36), (1295).toString(36));
console.log((0.5).toString(2), (0.25).toString(2), (0.75).toString(4), (0.1).toString(2));
console.log((0.5).toString(16), (255.5).toString(16), (-255.5).toString(16), (0.1).toString(16));
console.log((1 / 3).toString(3), (2 / 3).toString(3), (1.5).toString(36), (12.375).toString(8));
console.log((NaN).toString(2), (Infinity).toString(16), (-Infinity).toString(36), (-0).toString(2));
console.log((1e21).toString(10), (1e21).toString(36), (123.456).toString(10), (2 ** 60).toString(2).length);
console.log(Number("0b" + (42).toString(2)), Number("0o" + (42).toString(8)), parseInt((42).toString(36), 36));
for (const bad of [0, 1, 37, 2.5]) {
  try {
    console.log(bad, (10).toString(bad));
  } catch (e) {
    console.log(bad, e.name, e.message);
  }
}
const hex = n => "0x" + n.toString(16).toUpperCase().padStart(4, "0");
console.log([0, 10, 255, 4096, 65535].map(hex).join(" "));
const bin = n => (n >>> 0).toString(2).padStart(8, "0");
console.log([1, 5, 128, 255].map(bin).join(" "));
console.log((255).toString(undefined), (255).toString(16.9), (1e-7).toString(2).slice(0, 12));
