// Template literals: interpolation calls ToString on each value.
const user = { name: "Ann", age: 31 };
console.log(`${user.name} is ${user.age} years old`);
console.log(`next year: ${user.age + 1}, half: ${user.age / 2}`);
console.log(`ternary: ${user.age >= 18 ? "adult" : "minor"}`);
console.log(`call: ${[3, 1, 2].sort().join("<")}`);
console.log(`values: ${null} ${undefined} ${true} ${NaN} ${-0} ${1e21} ${0.1 + 0.2}`);
console.log(`array: ${[1, [2, 3]]} object: ${{ a: 1 }} empty: ${[]}|`);
const custom = { toString() { return "custom!"; }, valueOf() { return 42; } };
console.log(`${custom}`, "" + custom, custom + 1);
console.log(`outer ${`middle ${`inner ${1 + 1}`}`}`);
const rows = [["a", 1], ["b", 2]];
console.log(`rows:
${rows.map(([k, v]) => `  ${k} = ${v}`).join("\n")}
end`);
console.log(`backslash \\ backtick \` dollar \${x} $ {y} $`);
console.log(`unicode \u00e9 \u{1F600} hex \x41 tab[\t]`);
console.log(`line one\
 continued`);
const fn = n => `n=${n}`;
console.log([1, 2].map(fn).join(", "));
console.log(`${"a"}${"b"}${"c"}`, `${""}`.length, typeof `${1}`);
const sym = Symbol("s");
try {
  console.log(`${sym}`);
} catch (e) {
  console.log(e.name, e.message);
}
console.log(`${sym.toString()}`, `${String(sym)}`);
let count = 0;
const side = () => ++count;
console.log(`${side()} ${side()} ${side()}`, count);
const html = (title, items) => `<h1>${title}</h1>
<ul>${items.map(i => `<li>${i}</li>`).join("")}</ul>`;
console.log(html("List", ["x", "y"]));
