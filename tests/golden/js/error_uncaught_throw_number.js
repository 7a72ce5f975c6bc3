// Throwing a number: the transcript's last line is String(42) = "42".
function checkLimits(values, limit) {
  let sum = 0;
  for (const v of values) {
    sum += v;
    console.log("running sum", sum);
    if (sum > limit) {
      throw sum;
    }
  }
  return sum;
}
try {
  checkLimits([1, 2, 3], 5);
} catch (over) {
  console.log("caught over-limit sum", over);
}
console.log("second attempt, nothing catches it");
checkLimits([10, 20, 12], 30);
console.log("not reached");
function neverCalled() {
  return 0;
}
console.log(neverCalled());
