// Strings print raw at the top level but quoted inside containers; the quote style
// avoids escaping when it can (' then " then `).
console.log("top level", 'single', `back`);
console.log(["plain", "it's", 'say "hi"', "both ' and \"", "all ' \" `"]);
console.log({ s: "value", t: "it's" });
console.log(["tab\there", "new\nline", "cr\rret", "back\\slash", "nul\0char", "bell\x07"]);
console.log(["unicode é ü 😀", "\u00a0nbsp", "zero\u200bwidth"]);
console.log([""], [" "], ["  padded  "]);
console.log(new Map([["key's", "value\"s"]]), new Set(["a'b"]));
console.log({ "key with spaces": 1, "key'quote": 2, 'key"dq': 3, "ümlaut": 4, "_ok": 5, $: 6, "1a": 7 });
console.log({ "": "empty key", "-": "dash", "a.b": "dot", "0": "zero", "01": "leading zero", "-1": "neg" });
console.log(["x".repeat(10)], ["long string ".repeat(8)]);
console.log("%s", "format %s keeps strings raw", ["but containers quote"]);
console.log([String(1), String(true), String(null)]);
console.log([new String("boxed")].length, typeof new String("boxed"));
console.log("multi\nline\ntop-level");
console.log(["multi\nline\nnested"]);
console.log({ text: "line1\nline2" });
console.log(["emoji 👍🏽", "flag 🇫🇷", "\ud83d lone"].map(s => s.length));
console.log([["nested", ["deeper 'q'"]]]);
console.log(["a", 'b', `c`].join(), ["a", "b"].toString());
console.log([`template ${1 + 1}`, `multi
line template`]);
