function pretty(v, indent = "") {
  const next = indent + "  ";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return "[\n" + v.map(x => next + pretty(x, next)).join(",\n") + "\n" + indent + "]";
  }
  const keys = Object.keys(v).sort();
  if (keys.length === 0) return "{}";
  return "{\n" + keys.map(k => `${next}${JSON.stringify(k)}: ${pretty(v[k], next)}`).join(",\n") + "\n" + indent + "}";
}
const doc = { zeta: [1, 2, { b: true, a: null }], alpha: "text \"quoted\"", empty: {}, list: [], num: -1.25e-3 };
const out = pretty(doc);
console.log(out);
console.log(JSON.stringify(JSON.parse(out)) === JSON.stringify(JSON.parse(JSON.stringify(doc, Object.keys(doc).sort()))));
console.log(out === JSON.stringify(JSON.parse(out), null, 2));
