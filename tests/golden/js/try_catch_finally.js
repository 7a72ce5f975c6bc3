function f(mode) {
  const log = [];
  try {
    log.push("try");
    if (mode === "throw") throw new Error("boom");
    if (mode === "return") return log.concat("returned");
  } catch (e) {
    log.push("catch " + e.message);
  } finally {
    log.push("finally");
  }
  return log;
}
console.log(f("ok"), f("throw"), f("return"));
function overrides() { try { return "try"; } finally { return "finally"; } }
console.log(overrides());
function swallow() { try { throw 1; } finally { return "swallowed"; } }
console.log(swallow());
try { try { throw new Error("inner"); } finally { console.log("inner finally"); } } catch (e) { console.log("outer caught", e.message); }
try { null.x; } catch { console.log("optional catch binding"); }
function rethrow() { try { throw new TypeError("t"); } catch (e) { if (e instanceof TypeError) throw new RangeError("converted: " + e.message); } }
try { rethrow(); } catch (e) { console.log(String(e)); }
let i = 0;
for (;;) { try { if (++i > 2) break; continue; } finally { console.log("finally", i); } }
