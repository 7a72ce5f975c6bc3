// UTF-16 code units: length, charAt/charCodeAt/codePointAt/at on surrogate pairs,
// fromCharCode and fromCodePoint.
const s = "A€😀ß\u{1F468}\u200D\u{1F469}";
console.log(s.length, [...s].length, Array.from(s).map(c => c.length).join(""));
for (let i = 0; i < s.length; i++) {
  console.log(i, s.charCodeAt(i).toString(16), s.codePointAt(i).toString(16), JSON.stringify(s.charAt(i)) === JSON.stringify(s[i]));
}
console.log(s.at(2) === "\ud83d", s.at(-1) === "\udc69", s.at(100), s.charAt(100) === "", s.charCodeAt(100), s.codePointAt(100));
console.log(String.fromCharCode(65, 8364, 0xd83d, 0xde00), String.fromCharCode(), String.fromCharCode(65 + 65536, -1 >>> 16));
console.log(String.fromCodePoint(65, 0x20ac, 0x1f600), String.fromCodePoint().length, String.fromCodePoint(0x10ffff).length);
try {
  String.fromCodePoint(0x110000);
} catch (e) {
  console.log(e.name, e.message);
}
try {
  String.fromCodePoint(1.5);
} catch (e) {
  console.log(e.name, e.message);
}
const emoji = "😀";
console.log(emoji.length, emoji.split("").length, emoji.charCodeAt(0), emoji.charCodeAt(1), emoji.codePointAt(0), emoji.codePointAt(1));
console.log(emoji.slice(0, 1).length, emoji.slice(0, 1) === "\ud83d", emoji.substring(1) === "\ude00");
console.log("a😀b".indexOf("b"), "a😀b".split("😀"), [..."a😀b"].indexOf("b"), "a😀b".slice(1, 3) === emoji);
const countCodePoints = str => { let n = 0; for (const _ of str) n++; return n; };
console.log(countCodePoints("héllo 😀 wörld 👍🏽"), "héllo 😀 wörld 👍🏽".length);
const reverseNaive = str => str.split("").reverse().join("");
const reverseByCodePoint = str => [...str].reverse().join("");
console.log(reverseByCodePoint("ab😀"), reverseNaive("ab😀") === reverseByCodePoint("ab😀"), reverseNaive("ab😀").length);
console.log("é" === "e\u0301", "é".length, "e\u0301".length, "é".normalize("NFD").length, "e\u0301".normalize() === "é");
console.log("\u0041\u{42}\x43", "\u{1F600}" === "\uD83D\uDE00", "\0".length, "\x00" === "\u0000");
const caesar = (str, k) => str.replace(/[a-z]/g, c => String.fromCharCode((c.charCodeAt(0) - 97 + k) % 26 + 97));
console.log(caesar("hello zebra", 3), caesar(caesar("round trip", 5), 21));
console.log([..."ABC"].map(c => c.charCodeAt(0)), [72, 101, 108, 108, 111].map(c => String.fromCharCode(c)).join(""));
