// find/findIndex/findLast/findLastIndex: callback arguments, thisArg, not-found results.
const items = [
  { id: 1, type: "fruit", name: "apple" },
  { id: 2, type: "veg", name: "carrot" },
  { id: 3, type: "fruit", name: "banana" },
  { id: 4, type: "veg", name: "leek" },
];
const isFruit = x => x.type === "fruit";
console.log(items.find(isFruit).name, items.findIndex(isFruit), items.findLast(isFruit).name, items.findLastIndex(isFruit));
const isMeat = x => x.type === "meat";
console.log(items.find(isMeat), items.findIndex(isMeat), items.findLast(isMeat), items.findLastIndex(isMeat));
const visited = [];
items.find((x, i, arr) => { visited.push(`${i}/${arr.length}`); return x.id === 2; });
console.log("find stops at the match:", visited);
visited.length = 0;
items.findLast((x, i) => { visited.push(i); return x.id === 3; });
console.log("findLast visits from the end:", visited);
const ctx = { wanted: "leek" };
console.log(items.find(function (x) { return x.name === this.wanted; }, ctx).id);
console.log([undefined, 0, null].find(x => x === undefined), [undefined].findIndex(x => x === undefined));
console.log([0, "", false, null].find(Boolean), [0, "", false, 7].find(Boolean), [NaN].findIndex(Number.isNaN));
const nums = [5, 12, 8, 130, 44];
console.log(nums.find(n => n > 10), nums.findLast(n => n > 10), nums.findIndex(n => n > 1000));
console.log(nums.findLastIndex(n => n < 10), nums.findLastIndex(n => n < 0));
const sorted = [1, 3, 5, 7, 9, 11];
const lowerBound = (arr, v) => { const i = arr.findIndex(x => x >= v); return i === -1 ? arr.length : i; };
console.log(lowerBound(sorted, 6), lowerBound(sorted, 1), lowerBound(sorted, 12));
const growing = [1, 2, 3];
const seen = [];
growing.find(x => { if (x === 1) growing.push(99); seen.push(x); return false; });
console.log("elements appended during find are not visited:", seen);
try {
  items.find("not callable");
} catch (e) {
  console.log(e.name, e.message);
}
const events = ["start", "tick", "error", "tick", "error", "stop"];
console.log(events.indexOf("error"), events.lastIndexOf("error"), events.findLastIndex(e => e !== "stop"));
console.log("abc".split("").find(c => c > "a"), Array.prototype.find.call("xyz", c => c === "y"));
