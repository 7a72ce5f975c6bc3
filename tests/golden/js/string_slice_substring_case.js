// slice vs substring (negative and swapped arguments), case conversion, repeat, concat.
const s = "JavaScript";
const pairs = [[0, 4], [4], [-6], [-6, -2], [4, 0], [-2, -6], [2, 100], [NaN, 3], [3, NaN], [1.7, 4.9], ["2", "5"], [undefined, 3]];
for (const args of pairs) {
  const label = args.map(a => (typeof a === "string" ? JSON.stringify(a) : String(a))).join(", ");
  console.log(label.padEnd(16), JSON.stringify(s.slice(...args)).padEnd(14), JSON.stringify(s.substring(...args)));
}
console.log(s.toUpperCase(), s.toLowerCase(), "MiXeD 123 !?".toLowerCase(), "ÀÉÎÕÜ".toLowerCase());
console.log("straße".toUpperCase(), "ΣΑΣ".toLowerCase(), "ﬁ".toUpperCase(), "İ".toLowerCase().length, "Ⅻ".toLowerCase());
console.log("ab".repeat(0), "ab".repeat(1), "ab".repeat(3), "-".repeat(2.9), "".repeat(100).length);
for (const bad of [-1, Infinity]) {
  try {
    "x".repeat(bad);
  } catch (e) {
    console.log(e.name, e.message);
  }
}
console.log("a".concat("b", 1, null, undefined, [2, 3], { x: 1 }), "".concat(), "x".concat([]));
const capitalize = w => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w);
console.log("hELLO wORLD from JS".split(" ").map(capitalize).join(" "), capitalize(""));
const truncate = (str, n) => (str.length > n ? str.slice(0, n - 1) + "…" : str);
console.log(truncate("a long sentence here", 10), truncate("short", 10));
const swapCase = str => [...str].map(c => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");
console.log(swapCase("Hello World 42"));
console.log(s.slice(), s.substring(), s.slice(0) === s, s.slice(-1), s.substring(-1), s.slice(s.length));
console.log("abc".substr(1), "abc".substr(-2, 1), "abcdef".substr(2, 3), "abc".substr(1, 0));
const box = w => "+" + "-".repeat(w) + "+";
console.log(box(3), box(0), ["x", "yy"].map(t => "|" + t.padEnd(4) + "|").join(""));
console.log(String.prototype.slice.call(12345, 1, 3), String.prototype.toUpperCase.call(true));
