// ?. on member access, computed indexes and calls; it short-circuits the whole chain.
const api = {
  version: 2,
  users: [{ name: "ann", tags: ["admin"] }, { name: "bob" }],
  lookup(i) { return this.users[i]; },
  nested: { fn: () => "nested fn" },
  nothing: null,
};
console.log(api.lookup?.(0)?.name, api.lookup?.(5)?.name);
console.log(api.missingMethod?.(), api.nested?.fn?.(), api.nothing?.fn());
console.log(api.users?.[1]?.tags?.[0], api.users?.[0]?.tags?.[0]);
const idx = 1;
console.log(api.users?.[idx].name, api?.["users"]?.[idx - 1]?.["name"]);
let evaluated = 0;
const count = () => { evaluated++; return 0; };
const none = null;
console.log(none?.[count()], none?.method(count()), evaluated);
console.log(none?.a.b.c.d, none?.a["b"](), (none?.a)?.b);
try {
  console.log((none?.a).b);
} catch (e) {
  console.log("parenthesized chain stops short-circuit:", e.name);
}
const withThis = {
  name: "keeps this",
  get() { return this.name; },
};
console.log(withThis.get?.(), withThis?.get(), (withThis?.get)());
try {
  api.version?.();
} catch (e) {
  console.log("non-callable still throws:", e.name, e.message);
}
const maybeArr = [null, undefined, [1, 2], "str", { length: 0 }];
console.log(maybeArr.map(v => v?.length ?? "none"));
console.log(maybeArr.map(v => v?.[0]));
const fns = [() => "called", null, undefined];
console.log(fns.map(f => f?.() ?? "skipped"));
const deep = { a: { b: { c: { d: "found" } } } };
const path = ["a", "b", "c", "d"];
console.log(path.reduce((o, k) => o?.[k], deep), ["a", "x", "c"].reduce((o, k) => o?.[k], deep));
console.log(delete deep?.a?.b?.c?.d, deep.a.b.c, delete none?.x);
console.log(0?.toFixed(1), ""?.length, false?.toString());
