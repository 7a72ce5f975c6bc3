// Each flag: g (global), i (ignoreCase), m (multiline), s (dotAll), u (unicode), y (sticky).
const show = re => `${re} global=${re.global} ignoreCase=${re.ignoreCase} multiline=${re.multiline} dotAll=${re.dotAll} unicode=${re.unicode} sticky=${re.sticky}`;
console.log(show(/a/));
console.log(show(/a/gimsuy));
console.log(new RegExp("a", "yusmig").flags, /a/ig.flags, /a/.flags === "");
console.log("g:", "a1a2a3".replace(/a/, "_"), "a1a2a3".replace(/a/g, "_"), "a1a2".match(/a\d/g));
console.log("i:", /hello/i.test("HeLLo"), /[a-z]+/i.exec("ABC def")[0], /É/i.test("é"), "AbC".replace(/b/i, "x"));
const lines = "first\nsecond\nthird";
console.log("m:", lines.match(/^\w+$/g), lines.match(/^\w+$/gm), /^second/m.test(lines), /^second/.test(lines));
console.log("m:", lines.match(/d$/gm), /t$/.test(lines), lines.replace(/^/gm, "> ").split("\n"));
console.log("s:", /a.b/.test("a\nb"), /a.b/s.test("a\nb"), /a.b/.test("a\rb"), /a.b/.test("a\u2028b"), /a[^]b/.test("a\nb"));
console.log("s:", "x\ny\nz".match(/x.*z/s)[0].length, "x\ny".match(/x.*/)[0]);
console.log("u:", /^.$/.test("😀"), /^.$/u.test("😀"), "😀".match(/./g).length, "😀".match(/./gu).length);
console.log("u:", /\u{1F600}/u.test("😀"), /\u{61}/.test("a"), /\u{61}/.test("u".repeat(61)), /[😀]/u.test("\ud83d"));
const y = /\d+/y;
console.log("y:", y.exec("12ab34"), y.lastIndex, y.exec("12ab34"), y.lastIndex);
console.log("y:", /b/y.test("ab"), /b/g.test("ab"), "aaXaa".replace(/a/gy, "b"), "aaXaa".split(/X/y));
const gi = /the/gi;
console.log("gi:", "The cat and the hat. THE END".match(gi), "The the THE".replace(gi, m => m.length));
const gm = /^(\w+):/gm;
console.log("gm:", [..."a: 1\nbb: 2\nccc: 3".matchAll(gm)].map(m => m[1]));
try {
  new RegExp("a", "gg");
} catch (e) {
  console.log(e.name);
}
try {
  new RegExp("a", "q");
} catch (e) {
  console.log(e.name);
}
console.log(/a/g.source, /\//.source, new RegExp("/").source, String(new RegExp("a/b", "g")), RegExp("").source);
