const a = [1, 2, 3];
console.log(Math.max(...a), Math.min(...a, 0));
const b = [0, ...a, 4, ..."hi"];
console.log(b);
const copy = [...a];
copy.push(99);
console.log(a, copy);
const o1 = { x: 1, y: 2 };
const o2 = { ...o1, y: 20, z: 30 };
console.log(o2, { z: 0, ...o1 });
console.log({ ...null, ...undefined, ..."ab", ...[7, 8] });
const s = new Set([3, 1, 3, 2]);
console.log([...s], [...new Map([["k", "v"]])]);
function three(p, q, r) { return `${p}-${q}-${r}`; }
console.log(three(...["x", "y"]), three(..."abc"));
