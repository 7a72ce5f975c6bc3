// Any value can be thrown; catch receives exactly that value.
function thrower(kind) {
  switch (kind) {
    case "number": throw 404;
    case "string": throw "not found";
    case "object": throw { status: 500, reason: "server" };
    case "array": throw ["a", "b"];
    case "null": throw null;
    case "undefined": throw undefined;
    case "bool": throw false;
    case "function": throw function named() { return "called"; };
    case "error": throw new Error("real error");
  }
  return "no throw";
}
for (const kind of ["number", "string", "object", "array", "null", "undefined", "bool", "function", "error", "none"]) {
  try {
    console.log(kind, "->", thrower(kind));
  } catch (e) {
    const shown = typeof e === "function" ? e() : e instanceof Error ? e.message : JSON.stringify(e);
    console.log(kind, "-> caught", typeof e, shown, e instanceof Error);
  }
}
class NotAnError {
  constructor(msg) { this.msg = msg; }
  toString() { return "NotAnError: " + this.msg; }
}
try {
  throw new NotAnError("custom");
} catch (e) {
  console.log(String(e), e instanceof NotAnError, e instanceof Error, e.msg);
}
function validate(n) {
  if (typeof n !== "number") throw { field: "n", problem: "type" };
  if (n < 0) throw { field: "n", problem: "negative" };
  return n;
}
for (const v of [1, "x", -1]) {
  try { validate(v); console.log(v, "valid"); } catch ({ field, problem }) { console.log(v, field, problem); }
}
try {
  try { throw 1; } finally { console.log("finally before propagation"); }
} catch (v) {
  console.log("outer got", v + 1);
}
const thrown = Symbol("sym");
try { throw thrown; } catch (e) { console.log(e === thrown, e.toString()); }
