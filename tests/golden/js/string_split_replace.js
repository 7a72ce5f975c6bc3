console.log("a,b,,c".split(","), "a,b,c".split(",", 2), "abc".split(""), "".split(","), "".split(""));
console.log("a1b2c3".split(/\d/), "a1b2c3".split(/(\d)/), "one  two   three".split(/\s+/), "x".split());
console.log("aaa".replace("a", "b"), "aaa".replaceAll("a", "b"), "aaa".replace(/a/g, "c"));
console.log("John Smith".replace(/(\w+)\s(\w+)/, "$2, $1"), "price: 10".replace("10", "$$20"), "abc".replace("b", "[$&]"));
console.log("abc".replace("b", "$`|$'"), "hello world".replace(/o/g, (m, off) => `${m.toUpperCase()}${off}`));
console.log("a-b_c".replace(/[-_](\w)/g, (_, ch) => ch.toUpperCase()));
console.log("x.y.z".replaceAll(".", "/"), "aaaa".replaceAll("aa", "b"), "abc".replaceAll("", "-"));
console.log("2 + 3 = 5".replace(/\d+/g, n => n * 2));
try { "a".replaceAll(/a/, "b"); } catch (e) { console.log(e.name, e.message); }
console.log("tEsT".split("").map((c, i) => (i % 2 ? c.toLowerCase() : c.toUpperCase())).join(""));
