const money = {
  amount: 5,
  valueOf() { return this.amount; },
  toString() { return "$" + this.amount; },
};
console.log(money + 1, `${money}`, String(money), money * 2, money > 4, money == 5);
console.log([money] + "", money + "");
const onlyToString = { toString() { return "7"; } };
console.log(onlyToString * 2, onlyToString + 1, onlyToString == 7);
const prim = { [Symbol.toPrimitive](hint) { return hint === "number" ? 42 : hint === "string" ? "str" : "default"; } };
console.log(+prim, `${prim}`, prim + "", prim * 1);
const loud = { valueOf() { console.log("valueOf called"); return 1; }, toString() { console.log("toString called"); return "x"; } };
console.log(loud + 1);
console.log(String(loud));
const bad = { valueOf() { return {}; }, toString() { return {}; } };
try { bad + 1; } catch (e) { console.log(e.name, e.message); }
console.log(String([1, [2, [3]]]), String({}), String(null), String([null, undefined]));
const d = new Date(0);
console.log(typeof (d - 0), d - 0);
