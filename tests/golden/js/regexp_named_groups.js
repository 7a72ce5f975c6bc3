// Named capture groups: exec().groups, $<name> in replacements, \k<name> backreferences.
const dateRe = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/;
const m = dateRe.exec("Due: 2024-07-19.");
console.log(m.groups.year, m.groups.month, m.groups.day, m[1], m.index);
console.log(Object.keys(m.groups), JSON.stringify(m.groups), Object.getPrototypeOf(m.groups));
const { groups: { year, day } } = "1999-12-31".match(dateRe);
console.log(year, day);
console.log("2024-07-19".replace(dateRe, "$<day>.$<month>.$<year>"));
console.log("2024-07-19".replace(dateRe, (...args) => {
  const g = args.at(-1);
  return `${g.month}/${g.day}/${g.year}`;
}));
const optional = /(?<sign>[+-])?(?<digits>\d+)/;
console.log(optional.exec("42").groups, optional.exec("-7").groups);
console.log("x".match(/(?<letter>x)|(?<digit>\d)/).groups);
const repeatRe = /(?<ch>\w)\k<ch>/g;
console.log("aabbcdde".match(repeatRe), /(?<q>["']).*?\k<q>/.exec(`say "hi" and 'bye'`)[0]);
const kv = /(?<key>\w+)\s*=\s*(?<value>[^;]*)/g;
const config = {};
for (const { groups } of "host = localhost; port=8080; debug = true".matchAll(kv)) {
  config[groups.key] = groups.value.trim();
}
console.log(config);
console.log("no groups here".match(/(\w+)/).groups, /(?<a>.)(.)(?<b>.)/.exec("xyz").slice(1));
const timeRe = /^(?<h>[01]\d|2[0-3]):(?<min>[0-5]\d)(?::(?<s>[0-5]\d))?$/;
for (const t of ["09:30", "23:59:58", "24:00", "7:05"]) {
  const r = timeRe.exec(t);
  console.log(t, r ? `${r.groups.h}h ${r.groups.min}m ${r.groups.s ?? "--"}s` : "invalid");
}
console.log("John Smith".replace(/(?<first>\w+) (?<last>\w+)/, "$<last>, $<first>"));
console.log(/(?<n>\d)/.exec("a5").groups.n * 2, "a1b2".replace(/(?<d>\d)/g, "<$<d>$1>"));
const re = /(?<word>\w+)/g;
console.log([..."one two".matchAll(re)].map(x => x.groups.word.toUpperCase()));
try {
  new RegExp("(?<dup>a)(?<dup>b)");
} catch (e) {
  console.log(e.name);
}
