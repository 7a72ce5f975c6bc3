var N = 100000;

function less(a, b) {
  var ka = a % 1000, kb = b % 1000;
  if (ka !== kb) return ka < kb;
  return a < b;
}

function mergeSort(a, lt) {
  var n = a.length;
  var src = a, dst = [], tmp;
  for (var k = 0; k < n; k++) dst.push(0);
  for (var width = 1; width < n; width *= 2) {
    for (var lo = 0; lo < n; lo += 2 * width) {
      var mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      var i = lo, j = mid;
      k = lo;
      while (i < mid && j < hi) {
        if (lt(src[j], src[i])) dst[k++] = src[j++];
        else dst[k++] = src[i++];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    tmp = src;
    src = dst;
    dst = tmp;
  }
  return src;
}

var seed = 1;
var values = [];
for (var k = 0; k < N; k++) {
  seed = seed * 16807 % 2147483647;
  values.push(seed);
}
var result = mergeSort(values, less);
var check = 0;
for (k = 0; k < result.length; k++) check = (check + (k + 1) * (result[k] % 1000)) % 1000003;
console.log(result[0], result[result.length - 1], check);
