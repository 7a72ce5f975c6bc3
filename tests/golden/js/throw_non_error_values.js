const values = [42, "a string", null, undefined, { code: 7 }, [1, 2], true, Symbol("s")];
for (const v of values) {
  try { throw v; } catch (e) { console.log(typeof e, e === v, String(e)); }
}
try { throw { message: "looks like error", name: "Fake" }; } catch (e) { console.log(e.message, e instanceof Error); }
function risky(n) { if (n > 2) throw n * 10; return n; }
let total = 0;
for (let i = 0; i < 5; i++) { try { total += risky(i); } catch (x) { total += x; } }
console.log(total);
