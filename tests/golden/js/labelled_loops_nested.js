// Labels on loops and blocks: break/continue reach outer statements directly.
const grid = [[1, 2, 3], [4, -5, 6], [7, 8, 9]];
let firstNegative = null;
rows: for (let r = 0; r < grid.length; r++) {
  for (let c = 0; c < grid[r].length; c++) {
    if (grid[r][c] < 0) {
      firstNegative = [r, c];
      break rows;
    }
  }
}
console.log("first negative at", firstNegative);
const rowSums = [];
outer: for (const row of grid) {
  let sum = 0;
  for (const v of row) {
    if (v < 0) continue outer;
    sum += v;
  }
  rowSums.push(sum);
}
console.log("sums of rows without negatives", rowSums);
let i = 0;
const trace = [];
loop: do {
  i++;
  for (let j = 0; j < 3; j++) {
    if (j === i) continue loop;
    trace.push(`${i}${j}`);
  }
} while (i < 3);
console.log(trace.join(" "));
const found = [];
scan: for (const word of ["apple", "kiwi", "plum", "fig"]) {
  switch (word.length) {
    case 3: found.push("short " + word); break scan;
    case 4: found.push("four " + word); continue scan;
  }
  found.push("other " + word);
}
console.log(found);
validate: {
  const input = { name: "x" };
  if (!input.name) break validate;
  console.log("name ok");
  if (!input.age) break validate;
  console.log("age ok (not printed)");
}
console.log("after labelled block");
let count = 0;
a: b: c: for (;;) {
  count++;
  if (count === 2) break b;
}
console.log("stacked labels, count =", count);
