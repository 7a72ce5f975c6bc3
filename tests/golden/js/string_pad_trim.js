// padStart/padEnd (fill repeated and truncated) and trim/trimStart/trimEnd
// (all Unicode whitespace and line terminators).
const b = s => `[${s}]`;
console.log(b("5".padStart(3, "0")), b("5".padEnd(3, "0")), b("abc".padStart(2)), b("abc".padStart(3, "x")));
console.log(b("x".padStart(6, "ab")), b("x".padEnd(6, "ab")), b("x".padStart(4, "")), b("x".padEnd(4)));
console.log(b("x".padStart(5, "123456")), b("x".padStart(-1, "z")), b("".padStart(3, "*")), b("x".padStart(3.9, "-")));
console.log(b("x".padStart(3, undefined)), b("x".padStart(3, null)), b("x".padEnd(5, 12)), b("x".padStart("4", "#")));
console.log(b("😀".padStart(4, "-")), b("a".padEnd(3, "😀")), "😀".padStart(3, "-").length);
const rows = [["apple", 1.5], ["kiwi", 12], ["watermelon", 3.25]];
for (const [name, price] of rows) console.log(name.padEnd(12, "."), price.toFixed(2).padStart(7));
const hex = n => n.toString(16).padStart(2, "0");
console.log([0, 15, 16, 255].map(hex).join(":"));
const ws = " \t\n\r\v\f\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
const padded = ws + "core text" + ws;
console.log(b(padded.trim()), padded.trim().length, padded.length);
console.log(b(padded.trimStart()).length, b(padded.trimEnd()).length);
console.log(JSON.stringify("\u200b zero-width is not whitespace \u200b".trim()));
console.log(b("  both  ".trim()), b("  both  ".trimStart()), b("  both  ".trimEnd()));
console.log(b("\n\n lines \n\n".trim()), b("no-space".trim()), b("   ".trim()), b("".trim()));
console.log(b("\t tabs\t".trimStart()), b("\t tabs\t".trimEnd()), b(" \u3000ideographic\u3000 ".trim()));
console.log(["  a ", " b", "c  "].map(s => s.trim()), " a b ".split(" "), " a b ".trim().split(" "));
const table = [["id", "name", "score"], [1, "ann", 93.5], [22, "bob", 8], [333, "cy", 100]];
const widths = table[0].map((_, c) => Math.max(...table.map(r => String(r[c]).length)));
for (const row of table) {
  console.log(row.map((cell, c) => (typeof cell === "number" ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]))).join(" | "));
}
console.log(String(7).padStart(3, 0), String(-7).padStart(4, "0"), (12.5).toFixed(1).padStart(6, " "));
