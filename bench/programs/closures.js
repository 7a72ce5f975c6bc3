const N = 300000;

function makeCounter(step) {
  let count = 0;
  return () => {
    count += step;
    return count;
  };
}

const makeAdder = (n) => (x) => x + n;
const compose = (f, g) => (x) => f(g(x));

const ticks = makeCounter(1);
let total = 0;
for (let i = 0; i < N; i++) {
  const c = makeCounter(i % 5 + 1);
  c();
  c();
  const f = compose(makeAdder(i % 7), makeAdder(3));
  total = (total + c() + f(i) + ticks()) % 1000003;
}
console.log(total);
