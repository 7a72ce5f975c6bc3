// A tag receives the cooked strings (with a .raw array) and the values.
function inspect(strings, ...values) {
  console.log(JSON.stringify(strings), JSON.stringify(strings.raw), values);
  return strings.length;
}
console.log(inspect`plain`);
console.log(inspect`${1}`);
console.log(inspect`a${1}b${2}c`);
console.log(inspect`new\nline ${"x"} tab\t`);
function upper(strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]).toUpperCase() : ""), "");
}
const who = "world", what = "tags";
console.log(upper`hello ${who}, meet ${what}!`);
function currency(strings, ...amounts) {
  return strings.raw.map((s, i) => s + (i < amounts.length ? "$" + amounts[i].toFixed(2) : "")).join("");
}
console.log(currency`total ${12.5} plus tax ${1.005}`);
function returnsObject(strings, ...values) { return { count: values.length, first: strings[0] }; }
console.log(returnsObject`x${1}y${2}`);
function site(strings) { return strings; }
const sites = [];
for (let i = 0; i < 2; i++) sites.push(site`same site`);
console.log("same call site gives same array:", sites[0] === sites[1]);
console.log("different sites differ:", site`same site` === site`same site`);
console.log("strings frozen:", Object.isFrozen(sites[0]), Object.isFrozen(sites[0].raw));
const obj = {
  prefix: ">>",
  tag(strings, ...v) { return this.prefix + strings.join("|") + v.join(","); },
};
console.log(obj.tag`a${1}b`);
const curried = p => (s, ...v) => p + s.raw.join("_") + v.length;
console.log(curried("P:")`one${0}two${0}three`);
console.log(String.raw`a\tb${1 + 1}c\n`);
console.log(String.raw({ raw: ["x", "y", "z"] }, 1, 2, 3));
console.log(String.raw({ raw: "abc" }, "-", "+"));
