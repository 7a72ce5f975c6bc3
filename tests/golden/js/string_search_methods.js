// indexOf/lastIndexOf/includes/startsWith/endsWith with position arguments, and search.
const s = "the cat sat on the mat";
console.log(s.indexOf("the"), s.indexOf("the", 1), s.indexOf("the", -5), s.indexOf("the", 100), s.indexOf("dog"));
console.log(s.lastIndexOf("the"), s.lastIndexOf("the", 14), s.lastIndexOf("the", 0), s.lastIndexOf("the", -5), s.lastIndexOf("at"));
console.log(s.indexOf(""), s.indexOf("", 5), s.indexOf("", 100), s.lastIndexOf(""), s.lastIndexOf("", 3));
console.log(s.includes("sat"), s.includes("sat", 9), s.includes(""), s.includes("Cat"), s.includes("at", -10));
console.log(s.startsWith("the"), s.startsWith("cat", 4), s.startsWith("cat", 3), s.startsWith(""), s.startsWith("the", -1));
console.log(s.endsWith("mat"), s.endsWith("cat", 7), s.endsWith("cat", 8), s.endsWith(""), s.endsWith("the", 100));
console.log(s.search(/[cs]at/), s.search(/dog/), s.search("on"), s.search(/T/i), s.search(/at/g));
console.log("aaa".indexOf("aa"), "aaa".lastIndexOf("aa"), "aaaa".split("aa").length - 1);
const countOccurrences = (str, sub) => {
  let count = 0;
  for (let i = str.indexOf(sub); i !== -1; i = str.indexOf(sub, i + sub.length)) count++;
  return count;
};
console.log(countOccurrences(s, "at"), countOccurrences("aaaa", "aa"), countOccurrences("abc", "d"));
const positions = [];
for (let i = s.indexOf("t"); i >= 0; i = s.indexOf("t", i + 1)) positions.push(i);
console.log(positions);
console.log("abc".indexOf(undefined), "undefined".indexOf(undefined), "null".includes(null), "123".indexOf(2));
try {
  "abc".startsWith(/a/);
} catch (e) {
  console.log(e.name, e.message);
}
try {
  "abc".includes(/a/);
} catch (e) {
  console.log(e.name, e.message);
}
const files = ["report.pdf", "photo.JPG", "notes.txt", "archive.tar.gz", ".hidden"];
console.log(files.filter(f => f.toLowerCase().endsWith(".jpg")), files.map(f => f.slice(f.lastIndexOf(".") + 1)));
console.log(files.filter(f => f.startsWith(".")), files.find(f => f.includes(".tar")));
const url = "https://example.com/path/to/page?x=1#frag";
const proto = url.slice(0, url.indexOf(":"));
const host = url.slice(url.indexOf("//") + 2, url.indexOf("/", url.indexOf("//") + 2));
const hash = url.includes("#") ? url.slice(url.indexOf("#") + 1) : "";
console.log(proto, host, hash, url.slice(url.indexOf("?") + 1, url.indexOf("#")));
console.log("ß".toUpperCase().indexOf("S"), "İstanbul".toLowerCase().startsWith("i"), "ǅ".toUpperCase());
