// An error thrown inside a generator surfaces at the consumer's next() call.
function* parseNumbers(tokens) {
  for (const t of tokens) {
    const n = Number(t);
    if (Number.isNaN(n)) {
      throw new TypeError(`not a number: ${JSON.stringify(t)}`);
    }
    yield n;
  }
  return "all parsed";
}
const tokens = ["1", "2.5", " 3 ", "four", "5"];
let total = 0;
const it = parseNumbers(tokens);
console.log(it.next());
for (const n of it) {
  total += n;
  console.log("got", n, "total", total);
}
console.log("total", total);
