// Bitwise operators convert to 32-bit integers (ToInt32 / ToUint32).
const samples = [0, 1, -1, 2.9, -2.9, 2 ** 31, 2 ** 32, 2 ** 32 + 5, -(2 ** 31) - 1, 1e21, NaN, Infinity, "12", "0x0f", null, undefined, true, [3]];
for (const v of samples) {
  const label = typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? "[3]" : String(v);
  console.log(label.padEnd(12), v | 0, v >>> 0, ~v, v << 1, v >> 1);
}
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, ~~5.7, ~~-5.7);
console.log(1 << 31, 1 << 32, 1 << 33, 1 << -1, 1 >>> 0, -1 >>> 0, -1 >>> 31, -1 >> 31);
console.log(0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0xaa, (0xdeadbeef | 0).toString(16), (0xdeadbeef >>> 0).toString(16));
console.log((-8 >> 1).toString(2), (-8 >>> 1).toString(2), (8).toString(2).padStart(8, "0"));
const flags = { read: 1, write: 2, exec: 4 };
let perm = flags.read | flags.exec;
console.log(perm, (perm & flags.write) !== 0, (perm & flags.exec) !== 0);
perm |= flags.write;
perm &= ~flags.read;
console.log(perm.toString(2), perm ^ 7);
const popcount = n => { let c = 0; while (n) { c += n & 1; n >>>= 1; } return c; };
console.log(popcount(0), popcount(255), popcount(-1), popcount(2 ** 31));
console.log(Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.imul(0xffffffff, 5), Math.imul(2 ** 16, 2 ** 16));
let x = 7;
x <<= 2; console.log(x);
x >>= 1; console.log(x);
x >>>= 1; console.log(x);
x &= 5; console.log(x);
x |= 8; console.log(x);
x ^= 15; console.log(x);
