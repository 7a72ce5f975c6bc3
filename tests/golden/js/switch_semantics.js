// switch: strict equality, cases evaluated in order until a match, default anywhere.
function describe(v) {
  switch (v) {
    case 0: return "zero";
    case "0": return "string zero";
    case null: return "null";
    case undefined: return "undefined";
    case false: return "false";
    default: return "other " + typeof v;
  }
}
console.log([0, "0", null, undefined, false, -0, "", NaN].map(describe));
const evaluated = [];
const c = label => { evaluated.push(label); return label; };
switch ("b") {
  case c("a"): console.log("a matched"); break;
  case c("b"): console.log("b matched"); break;
  case c("c"): console.log("c matched"); break;
}
console.log("case expressions evaluated:", evaluated);
function middleDefault(x) {
  const out = [];
  switch (x) {
    case 1: out.push(1);
    default: out.push("d");
    case 2: out.push(2); break;
    case 3: out.push(3);
  }
  return out.join("");
}
console.log(middleDefault(1), middleDefault(2), middleDefault(3), middleDefault(9));
const obj = { k: 1 };
switch (obj) {
  case { k: 1 }: console.log("equal-looking object (never)"); break;
  case obj: console.log("same object"); break;
}
function daysIn(month) {
  switch (month) {
    case "feb": return 28;
    case "apr": case "jun": case "sep": case "nov": return 30;
    default: return 31;
  }
}
console.log(["jan", "feb", "apr", "nov", "dec"].map(daysIn));
function noMatchNoDefault(x) {
  let r = "untouched";
  switch (x) { case 1: r = "one"; }
  return r;
}
console.log(noMatchNoDefault(2), noMatchNoDefault(1));
for (const n of [1, 2, 3, 4]) {
  switch (n % 2) { case 0: continue; }
  console.log("odd", n);
}
switch (3) {
  default:
    console.log("default first, falls through");
  case 1:
    console.log("then case 1");
}
