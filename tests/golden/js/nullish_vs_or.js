// ?? only replaces null/undefined; || replaces every falsy value; && keeps falsy.
const values = [0, -0, "", NaN, false, null, undefined, "0", [], {}];
const label = v => (typeof v === "string" || (typeof v === "object" && v !== null) ? JSON.stringify(v) : String(v));
for (const v of values) {
  console.log(label(v).padEnd(9), "??", label(v ?? "fallback").padEnd(12), "||", label(v || "fallback").padEnd(12), "&&", label(v && "right"));
}
const config = { timeout: 0, retries: null, name: "" };
console.log(config.timeout ?? 30, config.timeout || 30);
console.log(config.retries ?? 3, config.retries || 3);
console.log(config.name ?? "anon", config.name || "anon");
console.log(config.missing ?? "absent", config.missing || "absent");
console.log((null ?? 0) || "both", null ?? (0 || "grouped"));
console.log((false || null) ?? "nullish after or", (1 && null) ?? "nullish after and");
let calls = 0;
const side = v => { calls++; return v; };
console.log(side(1) ?? side(2), side(null) ?? side(3), calls);
calls = 0;
console.log(side(0) || side(0) || side("third"), calls);
calls = 0;
console.log(side(1) && side("") && side("never"), calls);
const opts = { a: 0, b: null, c: "set" };
opts.a ??= 10;
opts.b ??= 20;
opts.c ??= 30;
opts.d ??= 40;
console.log(opts);
const flags = { x: 0, y: 1 };
flags.x ||= "x was falsy";
flags.y ||= "never";
flags.y &&= "y was truthy";
flags.z &&= "never assigned";
console.log(flags, "z" in flags);
let setterCalls = 0;
const guarded = {
  _v: "present",
  get v() { return this._v; },
  set v(x) { setterCalls++; this._v = x; },
};
guarded.v ??= "ignored";
guarded.v ||= "ignored";
console.log(guarded.v, "setter calls:", setterCalls);
guarded.v &&= "replaced";
console.log(guarded.v, "setter calls:", setterCalls);
