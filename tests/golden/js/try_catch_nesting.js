// Nested try/catch: rethrowing, errors thrown inside catch, catch scope, optional binding.
function step(name, fn) {
  try {
    return `${name}: ${fn()}`;
  } catch (e) {
    return `${name}: caught ${e instanceof Error ? e.name + "(" + e.message + ")" : String(e)}`;
  }
}
console.log(step("plain", () => "fine"));
console.log(step("rethrow", () => {
  try { throw new TypeError("inner"); } catch (e) { throw e; }
}));
console.log(step("wrap", () => {
  try { JSON.parse("{"); } catch (e) { throw new Error("config broken: " + e.name); }
}));
console.log(step("throw in catch", () => {
  try { throw 1; } catch (e) { null.boom; }
}));
console.log(step("inner handles", () => {
  try { throw "x"; } catch { return "handled without binding"; }
}));
const order = [];
try {
  order.push("outer try");
  try {
    order.push("inner try");
    throw new Error("deep");
  } catch (e) {
    order.push("inner catch " + e.message);
    throw new Error("rethrown " + e.message);
  } finally {
    order.push("inner finally");
  }
} catch (e) {
  order.push("outer catch " + e.message);
} finally {
  order.push("outer finally");
}
console.log(order);
const e1 = "outer e";
try { throw "inner e"; } catch (e1) { console.log("catch param:", e1); }
console.log("after:", e1);
try {
  throw { code: 42, detail: ["a", "b"] };
} catch ({ code, detail: [first] }) {
  console.log("destructured catch param:", code, first);
}
function parseAll(items) {
  const good = [], bad = [];
  for (const s of items) {
    try { good.push(JSON.parse(s)); } catch (e) { bad.push(s); continue; } finally { good.length; }
  }
  return { good, bad };
}
console.log(parseAll(["1", "x", "[2]", "{", "true"]));
let attempts = 0;
function flaky() { if (++attempts < 3) throw new Error("try again"); return "ok after " + attempts; }
let result;
while (true) { try { result = flaky(); break; } catch (e) { console.log("retry:", e.message); } }
console.log(result);
