let s = 0;
for (let i = 1; i <= 3000000; i++) {
  s = s + i % 7 * 3;
}
console.log(s);
