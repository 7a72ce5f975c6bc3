const s = "Hello, World";
console.log(s.length, s[0], s.at(-1), s.charAt(4), s.charAt(99) === "", s[99]);
console.log(s.toUpperCase(), s.toLowerCase(), s.indexOf("o"), s.lastIndexOf("o"), s.indexOf("z"));
console.log(s.slice(7), s.slice(-5, -1), s.substring(5, 0), s.substr ? s.substr(1, 3) : "");
console.log(s.includes("World"), s.startsWith("Hell"), s.endsWith("ld"), s.startsWith("World", 7), s.endsWith("Hello", 5));
console.log("ab".repeat(3), "x".repeat(0), "abc".concat(1, 2), "a-b-c".split("-"));
console.log("  pad  ".trim() + "|", "  pad  ".trimStart() + "|", "  pad  ".trimEnd() + "|");
console.log("5".padStart(3, "0"), "abc".padEnd(6, "12") + "|", "abc".padStart(2), "x".padStart(5) + "|");
console.log("abc".charCodeAt(1), "abc".charCodeAt(9), "😀".length, "😀".codePointAt(0), "😀".charCodeAt(0), [..."😀a"].length);
console.log(String.fromCharCode(72, 105), String.fromCharCode(0x263a), String.fromCodePoint(128512));
console.log("b" > "a", "a".localeCompare ? typeof "a".localeCompare("b") : "", "straße".toUpperCase(), "İ".toLowerCase().length);
try { "x".repeat(-1); } catch (e) { console.log(e.name, e.message); }
console.log("abc"[1], "abc"["length"], "abc".split(""), [..."ab"].reverse().join(""));
