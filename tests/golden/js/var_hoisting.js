// var declarations are hoisted to the top of the function with value undefined;
// function declarations are hoisted together with their body.
function demo() {
  console.log("a before:", a, typeof a);
  var a = 1;
  console.log("a after:", a);
  console.log("helper before its text:", helper(2));
  function helper(x) { return x * 10; }
  if (false) {
    var neverAssigned = "x";
  }
  console.log("neverAssigned:", neverAssigned);
  for (var i = 0; i < 3; i++) {
    var inLoop = i * 2;
  }
  console.log("after loop:", i, inLoop);
  var a = 2;
  console.log("redeclared:", a);
  return typeof laterFn;
  function laterFn() {}
}
console.log(demo());
function shadowParam(p) {
  console.log("param before var:", p);
  var p;
  console.log("var without init keeps param:", p);
  var p = "reassigned";
  return p;
}
console.log(shadowParam("given"));
var expr = function () { return "expression"; };
console.log(typeof hoistedExpr);
var hoistedExpr = () => "arrow";
console.log(hoistedExpr(), expr());
function counter() {
  var total = 0;
  for (var k of [1, 2, 3]) { var total = total + k; }
  return [total, k];
}
console.log(counter());
function inner() {
  try { throw new Error("x"); } catch (err) { var fromCatch = "visible"; }
  return fromCatch;
}
console.log(inner());
