outer: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    console.log(i, j);
  }
}
let found = null;
search: for (const row of [[1, 2], [3, 4], [5, 6]]) {
  for (const v of row) {
    if (v % 2 === 0 && v > 2) { found = v; break search; }
  }
}
console.log("found", found);
block: {
  console.log("before");
  if (found) break block;
  console.log("never");
}
let k = 0;
loop: while (true) {
  k++;
  switch (k) {
    case 1: continue loop;
    case 3: break loop;
  }
  console.log("k is", k);
}
