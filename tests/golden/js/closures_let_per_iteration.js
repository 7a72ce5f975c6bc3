const fs = [];
for (let i = 0; i < 3; i++) fs.push(() => i);
console.log(fs.map(f => f()));
const gs = [];
for (var j = 0; j < 3; j++) gs.push(() => j);
console.log(gs.map(g => g()));
const hs = [];
for (let i = 0; i < 3; i++) { hs.push(() => i); i++; }
console.log(hs.map(h => h()));
const ks = [];
for (const x of ["a", "b", "c"]) ks.push(() => x);
console.log(ks.map(k => k()).join(""));
const ms = [];
for (const key in { p: 1, q: 2 }) ms.push(() => key);
console.log(ms.map(m => m()));
let n = 0;
const ws = [];
while (n < 3) { let copy = n; ws.push(() => copy * 10); n++; }
console.log(ws.map(w => w()));
