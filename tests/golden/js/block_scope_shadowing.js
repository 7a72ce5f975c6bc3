// Blocks create scopes for let/const/class; inner declarations shadow outer ones.
let level = "global";
const results = [];
{
  let level = "block 1";
  results.push(level);
  {
    let level = "block 2";
    results.push(level);
  }
  results.push(level);
}
results.push(level);
console.log(results);
function f(x) {
  {
    let x = "shadowed param";
    console.log("inside block:", x);
  }
  return x;
}
console.log(f("param"));
try {
  throw "caught value";
} catch (level) {
  console.log("catch param shadows:", level);
}
console.log("after catch:", level);
if (true) {
  const level = "if block";
  console.log(level);
}
for (let level = 0; level < 1; level++) console.log("loop var:", level);
console.log(level);
switch (level) {
  case "global": {
    let local = "case block";
    console.log(local);
    break;
  }
}
const fnInBlock = (() => {
  let value = 1;
  {
    let value = 2;
    return () => value;
  }
})();
console.log(fnInBlock());
{
  class Local { static tag = "local class"; }
  console.log(Local.tag);
}
console.log(typeof Local);
let counter = 0;
{
  let next = counter + 1;
  counter = next * 10;
}
console.log(counter);
