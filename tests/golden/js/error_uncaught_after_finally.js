// An uncaught error still runs every enclosing finally block first (innermost first).
function level3() {
  try {
    console.log("level3 working");
    throw new RangeError("value out of range in level3");
  } finally {
    console.log("level3 finally");
  }
}
function level2() {
  try {
    level3();
  } finally {
    console.log("level2 finally");
  }
}
function level1() {
  try {
    level2();
    console.log("not printed");
  } catch (e) {
    console.log("level1 caught", e.name, "and rethrows");
    throw e;
  } finally {
    console.log("level1 finally");
  }
}
console.log("start");
level1();
console.log("unreachable");
