// String.prototype.match (with and without g) and matchAll (requires g).
const text = "Call 555-1234 or 555-9876 now";
const single = text.match(/(\d{3})-(\d{4})/);
console.log(single[0], single[1], single[2], single.index, single.length);
console.log(text.match(/(\d{3})-(\d{4})/g));
console.log(text.match(/\d{3}-\d{4}/g).length, text.match(/xyz/), text.match(/xyz/g));
console.log("abc".match(/(z)?c/), "aaa".match(/a/g), "".match(/a*/g), "ab".match(/(?:)/g));
console.log("a1b2".match("\\d"), "a.b".match("."), "x+y".match("\\+")?.[0]);
const all = [...text.matchAll(/(?<area>\d{3})-(?<num>\d{4})/g)];
console.log(all.length);
for (const m of all) {
  console.log(m[0], m.index, m.groups.area, m.groups.num, m.input === text);
}
console.log([..."a1b22c333".matchAll(/\d+/g)].map(m => [m[0], m.index]));
console.log(Array.from("x=1, y=22".matchAll(/(\w)=(\d+)/g), ([, k, v]) => `${k}:${v}`));
try {
  "abc".matchAll(/b/);
} catch (e) {
  console.log(e.name, e.message);
}
const re = /o/g;
re.lastIndex = 5;
const it = "foo boo".matchAll(re);
console.log(re.lastIndex, [...it].map(m => m.index), re.lastIndex);
const iter = "ab".matchAll(/./g);
console.log(typeof iter.next, iter.next().value[0], iter.next().value[0], iter.next().done);
console.log([..."".matchAll(/x/g)], [..."aaa".matchAll(/a*?/g)].map(m => m.index));
const log = `2024-01-01 INFO started
2024-01-01 WARN disk 91%
2024-01-02 ERROR failed to write
2024-01-02 INFO retry ok`;
const levels = {};
for (const [, date, level] of log.matchAll(/^(\S+) (\w+)/gm)) {
  levels[level] = (levels[level] ?? 0) + 1;
}
console.log(levels);
console.log(log.match(/^\S+ ERROR .*$/m)[0], log.match(/\d+%/)[0]);
const words = "The quick brown fox".match(/\b\w/g).join("");
console.log(words, "no match".match(/\d/g) ?? [], ("none".match(/z/g) || []).length);
