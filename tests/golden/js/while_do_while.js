let n = 27, steps = 0;
while (n !== 1) { n = n % 2 === 0 ? n / 2 : 3 * n + 1; steps++; }
console.log("collatz 27 steps", steps);
let i = 0;
do { console.log("do body runs", i); } while (i++ < 2);
let digits = [], x = 90210;
do { digits.unshift(x % 10); x = Math.floor(x / 10); } while (x > 0);
console.log(digits);
let a = 48, b = 18;
while (b) [a, b] = [b, a % b];
console.log("gcd", a);
let k = 0;
while (true) { if (k++ >= 3) break; if (k === 2) continue; console.log("k", k); }
