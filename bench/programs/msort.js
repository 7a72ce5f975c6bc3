const N = 100000;

function less(a, b) {
  const ka = a % 1000, kb = b % 1000;
  if (ka !== kb) return ka < kb;
  return a < b;
}

function mergeSort(a, lt) {
  const n = a.length;
  let src = a, dst = new Array(n).fill(0);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (lt(src[j], src[i])) dst[k++] = src[j++];
        else dst[k++] = src[i++];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    [src, dst] = [dst, src];
  }
  return src;
}

let seed = 1;
const values = [];
for (let k = 0; k < N; k++) {
  seed = seed * 16807 % 2147483647;
  values.push(seed);
}
const result = mergeSort(values, less);
let check = 0;
result.forEach((v, i) => {
  check = (check + (i + 1) * (v % 1000)) % 1000003;
});
console.log(result[0], result[result.length - 1], check);
