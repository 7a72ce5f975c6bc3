// let/const/class bindings exist from the start of their block but cannot be
// touched before their declaration runs (the temporal dead zone).
function attempt(label, fn) {
  try {
    console.log(label, "->", fn());
  } catch (e) {
    console.log(label, "->", e.name + ":", e.message);
  }
}
attempt("let read", () => { const r = early; let early = 1; return r; });
attempt("const read", () => { const r = c; const c = 2; return r; });
attempt("typeof in TDZ", () => { const t = typeof z; let z = 3; return t; });
attempt("typeof undeclared", () => typeof neverDeclaredAnywhere);
attempt("class before", () => { const k = new K(); class K {} return k; });
attempt("write before", () => { w = 5; let w; return w; });
attempt("self reference", () => { let s = s + 1; return s; });
attempt("default param order", () => ((a = b, b = 1) => a + b)());
attempt("default param ok", () => ((a = 1, b = a + 1) => a + b)());
attempt("closure called early", () => {
  const f = () => later;
  try { f(); } catch (e) { console.log("  inside:", e.name); }
  let later = "now defined";
  return f();
});
attempt("shadow in block", () => {
  const x = "outer";
  {
    try { return x; } finally { }
  }
});
attempt("inner shadow TDZ", () => {
  const y = "outer";
  {
    const r = (() => { try { return y; } catch (e) { return e.name; } })();
    let y = "inner";
    return r + " then " + y;
  }
});
attempt("const reassign", () => { const k = 1; k = 2; return k; });
attempt("const in for-of", () => { const out = []; for (const v of [1, 2]) out.push(v); return out.join(); });
attempt("switch case scope", () => {
  switch (1) {
    case 0: let q = "zero";
    case 1: return typeof q;
  }
});
