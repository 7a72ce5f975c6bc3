function classify(x) {
  const out = [];
  switch (x) {
    case 1:
      out.push("one");
    case 2:
      out.push("two-ish");
      break;
    case "1":
      out.push("string one");
      break;
    default:
      out.push("default");
    case 3:
      out.push("three");
  }
  return out.join(",");
}
for (const v of [1, 2, "1", 3, 4, null]) console.log(String(v), "->", classify(v));
function grade(score) {
  switch (true) {
    case score >= 90: return "A";
    case score >= 80: return "B";
    default: return "C";
  }
}
console.log([95, 85, 20].map(grade));
switch (NaN) { case NaN: console.log("nan matched"); break; default: console.log("NaN !== NaN"); }
