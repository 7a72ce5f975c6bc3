const nums = [1, 2, 3, 4, 5, 6];
console.log(nums.filter(n => n % 2 === 0), nums.map(n => n * n), nums.map((n, i, arr) => arr.length - i));
console.log(nums.reduce((acc, n) => acc + n), nums.reduce((acc, n) => acc + n, 100), nums.reduceRight((acc, n) => acc + n, ""));
console.log([[1, 2], [3]].reduce((a, b) => a.concat(b), []));
try { [].reduce((a, b) => a + b); } catch (e) { console.log(e.name, e.message); }
console.log(nums.some(n => n > 5), nums.every(n => n > 0), [].some(x => true), [].every(x => false));
const seen = [];
nums.forEach((n, i) => { if (i % 2) seen.push(`${i}:${n}`); });
console.log(seen);
console.log([1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(2), [1, [2, [3, [4]]]].flat(Infinity));
console.log(["a b", "c"].flatMap(s => s.split(" ")), [1, 2].flatMap(x => [x, [x * 10]]));
const words = ["apple", "bob", "kiwi", "banana"];
const byLen = words.reduce((acc, w) => { (acc[w.length] ||= []).push(w); return acc; }, {});
console.log(byLen);
console.log([1, , 3].map(x => x * 2), [1, , 3].filter(() => true));
console.log(nums.map(String), ["1", "2", "3"].map(Number), ["1", "2", "3"].map(parseInt));
