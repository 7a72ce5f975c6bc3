// Spread works on any iterable: arrays, strings, Sets, Maps, generators, iterators.
const arr = [1, 2, 3];
const str = "héllo";
const set = new Set(["x", "y", "x"]);
const map = new Map([["k1", 1], ["k2", 2]]);
function* gen() { yield "g1"; yield "g2"; return "ignored"; }
console.log([...arr]);
console.log([...str]);
console.log([...set]);
console.log([...map]);
console.log([...map.keys()], [...map.values()]);
console.log([...gen()]);
console.log([...arr.entries()]);
console.log([..."😀ab"].length, "😀ab".length);
console.log(Math.max(...new Set([4, 9, 2])));
console.log(String.fromCharCode(...[72, 105]));
console.log([..."ab", ...[1, 2], ...new Set([3])]);
const nestedCopy = [[1], [2]];
const shallow = [...nestedCopy];
shallow[0].push("shared");
console.log(nestedCopy, shallow === nestedCopy);
const iterable = {
  *[Symbol.iterator]() {
    yield "first";
    yield "second";
  },
};
console.log([...iterable], [0, ...iterable, 3]);
function show(a, b, ...c) { return `a=${a} b=${b} c=${JSON.stringify(c)}`; }
console.log(show(...iterable));
console.log(show(...map));
console.log(show(...""));
for (const bad of [null, 42, {}]) {
  try {
    console.log([...bad]);
  } catch (e) {
    console.log("spread of", String(bad), "->", e.name);
  }
}
console.log(new Set([...set, ...["z"]]).size, new Map([...map, ["k3", 3]]).size);
