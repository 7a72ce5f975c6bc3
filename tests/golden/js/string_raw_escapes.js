// Escape sequences in literals, String.raw, and how the raw and cooked forms differ.
console.log("quote \" apostrophe ' backslash \\ done");
console.log('single \' and "double"', `back \` tick`);
console.log("tab[\t] newline[\n] cr-less");
console.log("hex \x41\x42, unicode \u0043, braces \u{44}, astral \u{1F600}");
console.log("\0".charCodeAt(0), "\b\f\v".split("").map(c => c.charCodeAt(0)), "\r".charCodeAt(0));
console.log("unknown escapes keep the char: \q \w \%".length, "\q" === "q");
console.log("line \
continuation", "a\
b".length);
console.log(String.raw`\n stays \n, \t stays \t, \u0041 stays`);
console.log(String.raw`C:\Users\name\file.txt`);
console.log(String.raw`${1 + 1}\n${"x"}`);
console.log(String.raw`\``.length, String.raw`\${x}`, String.raw`a\\b`.length);
const raw = String.raw`\d+\.\d+`;
console.log(raw, new RegExp(raw).test("3.14"), new RegExp(raw).source === raw);
function showBoth(strings) {
  return strings.map((cooked, i) => `${JSON.stringify(cooked)}/${JSON.stringify(strings.raw[i])}`).join(" ");
}
console.log(showBoth`\n`);
console.log(showBoth`\u0041\x42`);
console.log(showBoth`a${0}\t${0}b`);
console.log(showBoth`\\`);
console.log(JSON.stringify("\u00e9\u0007"), "\u2028".length, "\u{10FFFF}".length);
console.log(["\\", "\\\\", "\\n"].map(s => s.length));
console.log("é" === "\u00e9", "é" === "\xe9", "\u{e9}" === "\u00e9", "\u{00000041}");
const multiline = `first
  second (indented)
third`;
console.log(multiline.split("\n").map(l => l.length), JSON.stringify(multiline));
console.log(`\u{1F44D}`, `\x7e`, `\\u0041`, String.raw`\u{1F44D}`);
