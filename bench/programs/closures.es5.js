var N = 300000;

function makeCounter(step) {
  var count = 0;
  return function () {
    count += step;
    return count;
  };
}

function makeAdder(n) {
  return function (x) { return x + n; };
}

function compose(f, g) {
  return function (x) { return f(g(x)); };
}

var ticks = makeCounter(1);
var total = 0;
for (var i = 0; i < N; i++) {
  var c = makeCounter(i % 5 + 1);
  c();
  c();
  var f = compose(makeAdder(i % 7), makeAdder(3));
  total = (total + c() + f(i) + ticks()) % 1000003;
}
console.log(total);
