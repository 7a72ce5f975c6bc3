const N = 3000000;
let s = 0;
for (let i = 1; i <= N; i++) {
  s = s + i % 7 * 3;
}
console.log(s);
