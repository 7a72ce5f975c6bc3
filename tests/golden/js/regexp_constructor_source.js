// new RegExp from strings and regexps, source/flags/toString, escaping user input,
// and SyntaxError for invalid patterns.
const fromString = new RegExp("a\\d+b", "g");
console.log(fromString.source, fromString.flags, String(fromString), fromString.test("xa12b"));
const copy = new RegExp(fromString);
console.log(copy !== fromString, copy.source, copy.flags, copy.lastIndex);
const reflagged = new RegExp(/abc/gi, "m");
console.log(reflagged.flags, String(reflagged), RegExp(/x/g).flags);
console.log(String(new RegExp("")), new RegExp("").test("anything"), String(new RegExp("\n")), new RegExp("/", "g").source);
console.log(/[/]/.source, /\//.toString(), new RegExp("a/b").toString(), new RegExp("\\/").source);
const escapeRegExp = s => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const user = "1+1=2? (yes) [really] $5 a.b*c ^ | \\";
const re = new RegExp(escapeRegExp(user));
console.log(escapeRegExp(user), re.test("say " + user + "!"), new RegExp(user.slice(0, 3)).test("1+1"));
const words = ["cat", "dog"];
const alternation = new RegExp(`\\b(${words.join("|")})s?\\b`, "gi");
console.log("Cats and dogs, but not catalog or hotdog.".match(alternation));
const highlight = (text, term) => text.replace(new RegExp(escapeRegExp(term), "gi"), m => `[${m}]`);
console.log(highlight("Price: $5.00 or $5.00?", "$5.00"), highlight("a.b.c", "."));
const invalid = ["(", "[a-", "a**", "?", "(?<n>a)(?<n>b)", "\\", "a{2,1}", "(?<=a", "[z-a]"];
for (const src of invalid) {
  try {
    new RegExp(src);
    console.log(JSON.stringify(src), "compiled");
  } catch (e) {
    console.log(JSON.stringify(src), e.name);
  }
}
console.log(new RegExp(undefined).source, new RegExp(null).source, new RegExp(123).test("x123"), new RegExp(["a", "b"]).source);
console.log(typeof /x/, /x/ instanceof RegExp, Object.prototype.toString.call(/x/), /x/.constructor === RegExp);
const dyn = n => new RegExp(`^\\d{${n}}$`);
console.log(dyn(3).test("123"), dyn(3).test("1234"), dyn(2).source);
console.log(/a/.test.call(/b/, "b"), RegExp.prototype.toString.call(/q/y), /(?:)/.source, new RegExp("(?:)").test(""));
