// Replacement patterns: $$ $& $` $' $n $nn $<name>, and replacer function arguments.
const s = "John Smith, age 42";
console.log(s.replace("Smith", "[$&]"));
console.log(s.replace("Smith", "[$`]"));
console.log(s.replace("Smith", "[$']"));
console.log(s.replace("Smith", "$$"), s.replace("Smith", "$$$$"), s.replace("Smith", "$"));
console.log(s.replace("Smith", "$1"), s.replace(/(\w+) (\w+)/, "$2 $1"), s.replace(/(\w+) (\w+)/, "$3|$0|$9"));
console.log("abcdefghijk".replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, "$11-$10-$1-$01-$011"));
console.log("ab".replace(/(a)(b)/, "$12"), "ab".replace(/(a)/, "$10"), "ab".replace(/(a)/, "$00"));
console.log("2024-03-15".replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, "$<d>/$<m>/$<y>"));
console.log("2024-03-15".replace(/(?<y>\d+)-(?<m>\d+)/, "$<missing>|$<y>"), "x".replace(/x/, "$<y>"));
console.log("aaa".replace("a", "b"), "aaa".replace(/a/, "b"), "aaa".replace(/a/g, "b"));
console.log("a.b.c".replace(".", "-"), "a.b.c".replace(/./, "-"), "a.b.c".replace(/\./g, "-"));
const calls = [];
const result = "x1y22z333".replace(/(\d)(\d)?/g, (match, p1, p2, offset, input) => {
  calls.push([match, p1, p2, offset, input.length]);
  return `<${match.length}>`;
});
console.log(result, calls);
const named = "k1=v1;k2=v2".replace(/(?<key>\w+)=(?<val>\w+)/g, (...args) => {
  const groups = args[args.length - 1];
  return `${groups.val}:${groups.key}`;
});
console.log(named);
console.log("hello".replace("l", (m, off, str) => `(${m}@${off} of ${str})`));
console.log("abc".replace("b", () => "$&"), "abc".replace("b", () => 42), "abc".replace("b", () => undefined));
console.log("abc".replace("", "-"), "abc".replace(/$/, "!"), "abc".replace(/^/, "^"), "abc".replace(/(?:)/g, "."));
console.log("price 10 USD".replace(/\d+/, n => (n * 1.1).toFixed(2)));
console.log("snake_case_name".replace(/_(\w)/g, (_, c) => c.toUpperCase()));
console.log("CamelCaseName".replace(/[A-Z]/g, (c, i) => (i ? "_" : "") + c.toLowerCase()));
console.log("  trim  me  ".replace(/^\s+|\s+$/g, ""), "a  b   c".replace(/\s+/g, " "));
console.log("<b>&</b>".replace(/[<>&]/g, c => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c]));
console.log("aaa".replace(/a*?/g, "-"), "abc".replace(/b*/g, "X"));
const template = "Hello {name}, you are {age}! {unknown}";
console.log(template.replace(/\{(\w+)\}/g, (m, k) => ({ name: "Ann", age: 30 })[k] ?? m));
