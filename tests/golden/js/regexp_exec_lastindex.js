// exec/test with and without g/y: lastIndex is read and updated only by global or sticky regexps.
const plain = /o/;
console.log(plain.test("foo"), plain.lastIndex, plain.test("foo"), plain.lastIndex);
const g = /o/g;
const states = [];
for (let i = 0; i < 4; i++) states.push(`${g.test("foo")}@${g.lastIndex}`);
console.log(states.join(" "));
const word = /\w+/g;
let m;
const found = [];
while ((m = word.exec("one two  three")) !== null) {
  found.push(`${m[0]}[${m.index}..${word.lastIndex}]`);
}
console.log(found, word.lastIndex);
const shared = /a/g;
console.log(shared.test("a"), shared.test("a"), shared.test("a"));
const reset = /x/g;
reset.test("x");
console.log(reset.lastIndex, "x".match(reset), reset.lastIndex);
reset.lastIndex = 5;
console.log(reset.exec("xx"), reset.lastIndex);
reset.lastIndex = -3;
console.log(reset.exec("ax")?.index, reset.lastIndex);
const r = /(\d+)-(\d+)?/.exec("range 10- end");
console.log(r[0], r[1], r[2], r.index, r.input, r.length, r.groups);
console.log(Array.isArray(r), Object.keys(r));
const emptyMatch = /a*/g;
const empties = [];
let e;
while ((e = emptyMatch.exec("baab")) !== null) {
  empties.push(`${JSON.stringify(e[0])}@${e.index}`);
  if (e[0] === "") emptyMatch.lastIndex++;
  if (emptyMatch.lastIndex > 4) break;
}
console.log(empties);
console.log(/^$/.test(""), /./.test(""), /a|/.exec("b")[0] === "", /(a)|(b)/.exec("b").slice());
const sticky = /foo/y;
sticky.lastIndex = 3;
console.log(sticky.test("barfoo"), sticky.lastIndex, sticky.test("barfoo"), sticky.lastIndex);
const nums = /\d/g;
const str = "1a2b3";
console.log(nums.exec(str)[0], nums.exec(str)[0], nums.lastIndex, str.replace(nums, "#"), nums.lastIndex);
console.log(/b/g.exec("abc").index, new RegExp("c", "g").exec("abc").index);
