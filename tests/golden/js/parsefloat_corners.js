// parseFloat reads the longest prefix that is a decimal literal (no hex, no radix).
const inputs = [
  "3.14", "  3.14  ", "3.14abc", "-3.14", "+3.14", ".5", "-.5", "5.", "1e3", "1e", "1e+",
  "1.5e-3x", "-1.2E+2", "1.2.3", "0x10", "0b11", "Infinity", "-Infinityx", "+Infinity", "infinity",
  "NaN", "", " ", "abc", "1_000", "00012.50", "-0", "1e400", "1e-400", "\u00a0 42",
];
for (const s of inputs) {
  const v = parseFloat(s);
  console.log(JSON.stringify(s).padEnd(14), String(v).padEnd(9), Object.is(v, -0) ? "(negative zero)" : "");
}
console.log(parseFloat(null), parseFloat(undefined), parseFloat(true), parseFloat([" 2.5 ", 3]), parseFloat({ toString: () => "7.25e1" }));
console.log(parseFloat("1.7976931348623157e308"), parseFloat("1.8e308"), parseFloat("4.9e-324"), parseFloat("2e-324"));
console.log(Number.parseFloat === parseFloat, parseFloat("12px") + parseFloat("8px"), parseFloat(".") , parseFloat("-"));
const diff = ["3.5kg", "1e2cm", "-.25%", "+.e1"].map(parseFloat);
console.log(diff);
console.log(Number("3.14abc"), Number(""), parseFloat(""), Number(" 12 "), parseFloat(" 12 "));
const prices = ["$3.50", "3.50 USD", "  -2.5e1 ", "1,234.5", "٣.٥"];
for (const p of prices) {
  const v = parseFloat(p);
  console.log(JSON.stringify(p), "->", v, Number.isNaN(v) ? "(not a number)" : "(parsed)");
}
