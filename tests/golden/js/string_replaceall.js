// replaceAll: every occurrence of a string, or a global RegExp (non-global throws).
console.log("a-b-c".replaceAll("-", "+"), "a-b-c".replace("-", "+"));
console.log("aaaa".replaceAll("aa", "b"), "aaaaa".replaceAll("aa", "b"), "abab".replaceAll("ab", "ba"));
console.log("xyz".replaceAll("", "_"), "".replaceAll("", "empty"), "abc".replaceAll("d", "e"));
console.log("a.b.c".replaceAll(".", "$&$&"), "a.b".replaceAll(".", "$$"), "a.b".replaceAll(".", "[$`|$']"));
console.log("1 2 3".replaceAll(" ", (m, off) => `<${off}>`));
console.log("cat bat rat".replaceAll(/(\w)at/g, "$1og"), "cat bat".replaceAll(/at/g, m => m.toUpperCase()));
try {
  "abc".replaceAll(/b/, "x");
} catch (e) {
  console.log(e.name, e.message);
}
console.log("a+b+c".replaceAll("+", "\\+"), "a+b".replaceAll(new RegExp("\\+", "g"), " plus "));
console.log("Mississippi".replaceAll("ss", "SS"), "Mississippi".replaceAll("i", (m, off) => off));
console.log("tab\there\tand\there".replaceAll("\t", " → "));
console.log("path/to/file".replaceAll("/", "\\"), "C:\\dir\\f".replaceAll("\\", "/"));
const escapeHtml = s => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
console.log(escapeHtml('<a href="x">Tom & Jerry</a>'));
const dict = { cat: "dog", dog: "cat" };
console.log("cat chases dog".replaceAll(/cat|dog/g, w => dict[w]));
console.log("cat chases dog".replaceAll("cat", "dog").replaceAll("dog", "cat"));
console.log("😀a😀".replaceAll("😀", "*"), "😀".replaceAll("", "|").length);
const counted = [];
"banana".replaceAll("a", (m, offset, str) => { counted.push(offset); return m; });
console.log(counted);
console.log("x".replaceAll("x", "$<name>"), "aXbX".replaceAll(/x/gi, "$&$&"));
console.log(["a", "b"].join(",").replaceAll(",", ", "), "1,000,000".replaceAll(",", "") * 2);
console.log("null undefined".replaceAll(null, "N").replaceAll(undefined, "U"), "12121".replaceAll(1, 3));
