console.log("A,b;C d".split(/[,; ]/), "abc".split(/(?:)/), "aXbxc".split(/x/i), "a1b2".split(/\d/, 1));
console.log("key=value; k2 = v2".split(/\s*;\s*/).map(p => p.split(/\s*=\s*/)));
console.log("Hello\nhello\nHELLO".match(/^hello$/gim).length, /^b/m.test("a\nb"), /^b/.test("a\nb"));
console.log("a.b\nc".match(/.+/g), "a.b\nc".match(/.+/gs));
const sticky = /\d+/y;
const out = [];
const str = "12 34";
for (const start of [0, 2, 3]) {
  sticky.lastIndex = start;
  const m = sticky.exec(str);
  out.push(m ? `${start}:${m[0]}:${sticky.lastIndex}` : `${start}:null:${sticky.lastIndex}`);
}
console.log(out);
const g = /a/g;
console.log("aaa".replace(g, "b"), g.lastIndex, "banana".search(/an/), "banana".search(/x/));
console.log(/[a-z]+/i.exec("123ABCdef")[0], new RegExp("\\d+").exec("x99y")[0], new RegExp(/ab/g).flags, new RegExp(/ab/g, "i").flags);
try { new RegExp("("); } catch (e) { console.log(e.name); }
console.log("2020-01-02".replace(/(\d+)-(\d+)-(\d+)/, (all, y, m, d, off, input) => [d, m, y, off, input.length].join("/")));
console.log("aBc".replace(/b/i, x => x + x), "x-y-z".split("-", 0), "a,b".split(",", -1));
