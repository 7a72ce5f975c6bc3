console.log(early(3));
function early(n) { return n <= 1 ? 1 : n * early(n - 1); }
try { notYet(); } catch (e) { console.log(e.name, e.message); }
var notYet = function () { return "now"; };
console.log(notYet());
const fact = function me(n) { return n <= 1 ? 1 : n * me(n - 1); };
console.log(fact(10), fact(20), fact(25));
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log(isEven(10), isOdd(7), isEven(7));
function hanoi(n, from, to, via, moves = []) {
  if (n === 0) return moves;
  hanoi(n - 1, from, via, to, moves);
  moves.push(from + to);
  return hanoi(n - 1, via, to, from, moves);
}
console.log(hanoi(3, "A", "C", "B").join(" "), hanoi(10, "A", "C", "B").length);
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(1000));
