// finally always runs; a return/break/continue/throw inside finally overrides
// whatever the try or catch block was doing.
const log = [];
function returnOverride() {
  try {
    log.push("try");
    return "from try";
  } finally {
    log.push("finally");
    return "from finally";
  }
}
console.log(returnOverride(), log);
function returnValueFixed() {
  let x = 1;
  try { return x; } finally { x = 99; }
}
console.log("return value computed before finally:", returnValueFixed());
function throwSwallowed() {
  try { throw new Error("lost"); } finally { return "finally wins over throw"; }
}
console.log(throwSwallowed());
function catchThenFinally() {
  const steps = [];
  try { steps.push("try"); throw new Error("x"); }
  catch (e) { steps.push("catch"); return steps; }
  finally { steps.push("finally"); }
}
console.log(catchThenFinally());
const loopLog = [];
for (let i = 0; i < 3; i++) {
  try { if (i === 1) continue; loopLog.push("body " + i); } finally { loopLog.push("finally " + i); }
}
console.log(loopLog);
function breakInFinally() {
  let result = "none";
  while (true) {
    try { result = "try ran"; throw new Error("discarded by break"); } finally { break; }
  }
  return result;
}
console.log(breakInFinally());
function nested() {
  const s = [];
  try {
    try { s.push("inner try"); return s; } finally { s.push("inner finally"); }
  } finally {
    s.push("outer finally");
  }
}
console.log(nested());
function finallyThrows() {
  try { return "try"; } finally { throw new RangeError("from finally"); }
}
try { finallyThrows(); } catch (e) { console.log(e.name, e.message); }
