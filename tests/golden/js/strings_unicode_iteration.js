const s = "a😀b€";
console.log(s.length, [...s].length, Array.from(s), s.split(""));
for (const ch of s) console.log(ch, ch.length, ch.codePointAt(0).toString(16));
console.log(s.charCodeAt(1).toString(16), s.charCodeAt(2).toString(16), s.codePointAt(1), s.codePointAt(2));
console.log(s.at(1) === "\ud83d", s.slice(1, 3), "\u00e9" === "é", "\u{1F600}" === "😀");
console.log("ÀÉÎ".toLowerCase(), "ß".toUpperCase(), "ǅ".toLowerCase());
console.log(encodeURIComponent("a b&c/é"), decodeURIComponent("%E2%82%AC"));
console.log(JSON.stringify("😀\t"), JSON.stringify("\ud800"), [..."👍🏽"].length);
console.log(String.fromCharCode(0xd83d, 0xde00), String.fromCharCode(65.9, "66", 65536 + 67));
