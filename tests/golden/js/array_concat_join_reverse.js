// concat spreads arrays one level (not other iterables), join converts with ToString
// (null/undefined become empty), reverse mutates in place.
const a = [1, 2];
console.log(a.concat(3, [4, 5], [[6]], "str", { o: 1 }), a);
console.log(a.concat(), a.concat() !== a, [].concat([], [[]]), [].concat.call([1], [2]));
console.log(a.concat(new Set([9])).length, a.concat("ab").length, a.concat(null, undefined));
console.log([1, [2, [3]]].join(), [1, [2, [3]]].join("-"), [null, undefined, 0, "", false].join("|"));
console.log([].join(), [undefined].join(), [null].join(), [[]].join(), [[null]].join(), [{}].join());
console.log(["a", "b"].join(undefined), ["a", "b"].join(null), ["a", "b"].join(""), ["a", "b"].join(", "), ["x"].join("!!"));
console.log([1.5, -0, 1e21, NaN, Infinity].join(" "), [true, Symbol.iterator.description].join());
console.log(String([1, 2]), [1, 2] + "", `${[1, [2, 3]]}`, [1, 2].toString() === [1, 2].join(","));
const r = [1, 2, 3, 4];
const same = r.reverse();
console.log(same === r, r, [].reverse(), [1].reverse());
console.log("hello".split("").reverse().join(""), [..."😀ab"].reverse().join(""));
const nested = [[1, 2], [3, 4]];
const rev = nested.reverse();
console.log(rev, rev[0] === nested[0]);
const copyRev = [...a].reverse();
console.log(a, copyRev);
const isPalindrome = s => {
  const clean = s.toLowerCase().replace(/[^a-z0-9]/g, "");
  return clean === [...clean].reverse().join("");
};
console.log(["A man, a plan, a canal: Panama", "hello", "", "Was it a car or a cat I saw?"].map(isPalindrome));
const csvRow = fields => fields.map(f => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",");
console.log(csvRow(["plain", "with,comma", 'with "quote"', "multi\nline"]));
const table = [["id", "name"], [1, "ann"], [2, "bob"]];
console.log(table.map(row => row.join("\t")).join("\n"));
const deep = [1, [2, [3, [4]]]];
console.log(deep.toString(), deep.join(";"), deep.flat(Infinity).join(";"));
const cyclic = [1, 2];
cyclic.push(cyclic);
console.log(cyclic.join("-"), String(cyclic));
