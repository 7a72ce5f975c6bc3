// Reading a let binding before its declaration has run throws a ReferenceError.
function greet() {
  return "hello, " + userName;
}
function shout() {
  return greet().toUpperCase() + "!";
}
const steps = ["prepare", "check", "greet", "finish"];
for (const s of steps) {
  console.log("step", s);
  if (s === "check") {
    console.log("typeof greet:", typeof greet);
  }
  if (s === "greet") {
    console.log(shout());
  }
}
let userName = "ann";
console.log("declared", userName);
function later() {
  return "unused";
}
console.log(later());
