// parseInt: skips leading whitespace, reads an optional sign, a radix prefix, then digits.
const cases = [
  ["42"], ["  42  "], ["\n\t-42"], ["+7"], ["-0"], ["42px"], ["px42"], ["3.99"], ["-3.99"],
  ["0x1f"], ["0X1F"], ["-0x10"], ["0x"], ["0b101"], ["0o17"], ["017"], ["1e3"], [""], [" "],
  ["123456789012345678901234"], ["Infinity"],
  ["ff", 16], ["0xff", 16], ["0xff", 10], ["z", 36], ["Z", 36], ["10", 2], ["12", 2], ["2", 2],
  ["10", 0], ["10", 1], ["10", 37], ["10", undefined], ["10", "16"], ["10", 16.9], ["11", -1], ["11", 4294967298],
];
for (const [s, radix] of cases) {
  const label = JSON.stringify(s) + (radix === undefined ? "" : ", " + String(radix));
  console.log(label.padEnd(32), radix === undefined ? parseInt(s) : parseInt(s, radix));
}
console.log(parseInt(null), parseInt(null, 36), parseInt(undefined), parseInt(true, 36), parseInt([]));
console.log(parseInt(0.0000005), parseInt(0.000005), parseInt(1e21), parseInt(-0.9), parseInt(15.99, 10));
console.log(parseInt({ toString() { return "  77abc"; } }), parseInt(["12", "34"]), parseInt("١٢٣"));
console.log(["1", "2", "3", "10"].map(parseInt), ["1", "2", "3", "10"].map(s => parseInt(s)));
console.log(Number.parseInt === parseInt, Object.is(parseInt("-0"), -0), parseInt("  -  5"));
const digitsOf = (s, radix) => {
  const n = parseInt(s, radix);
  return Number.isNaN(n) ? "NaN" : n.toString(radix);
};
console.log(digitsOf("777999", 8), digitsOf("1010102", 2), digitsOf("abcxyz", 16), digitsOf("hello", 36));
console.log(parseInt("9007199254740993"), parseInt("0.00000001"), parseInt("1e-7"), parseInt(1e-7));
