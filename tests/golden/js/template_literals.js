const name = "world", n = 3;
console.log(`hello ${name}!`);
console.log(`${n} + ${n} = ${n + n}`);
console.log(`multi
line`);
console.log(`nested ${`inner ${n * 2}`} done`);
console.log(`${[1, 2, 3]} ${{}} ${null} ${undefined} ${true}`);
console.log(`escape \${not} \` backtick \\ slash`);
function tag(strings, ...vals) {
  return strings.raw.map((s, i) => s + (i < vals.length ? `[${vals[i]}]` : "")).join("");
}
console.log(tag`a${1}b${2}c`);
console.log(tag`line\n${"x"}`);
console.log(String.raw`C:\path\${n}\new`);
const obj = { toString() { return "OBJ"; } };
console.log(`${obj}`);
