// A RangeError from a built-in (an invalid array length) is not caught.
function makeBuffer(size) {
  console.log("allocating", size);
  return new Array(size).fill(0);
}
const sizes = [3, 2, 0, -4, 8];
const buffers = [];
for (const s of sizes) {
  const buf = makeBuffer(s);
  buffers.push(buf);
  console.log("ok:", buf.length, JSON.stringify(buf));
}
console.log("all allocated", buffers.length);
function unreachable() {
  return "this function is never called";
}
console.log(unreachable());
// The loop above throws on -4, so the program ends there with the error line.
const total = buffers.reduce((n, b) => n + b.length, 0);
console.log("total", total);
console.log("end");
