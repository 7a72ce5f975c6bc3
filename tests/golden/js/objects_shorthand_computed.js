const name = "n", value = 42;
const key = "dyn";
const o = {
  name,
  value,
  [key + "amic"]: true,
  [`${key}_${1 + 1}`]: "computed",
  method() { return this.value; },
  "quoted key": 1,
  123: "numeric",
  [Symbol.toStringTag]: "Custom",
};
console.log(o.name, o.dynamic, o.dyn_2, o.method(), o[123], o["quoted key"]);
console.log(Object.keys(o), String(o));
const later = {};
later[key] = 1;
later[1 + 1] = "two";
later[{}] = "object key";
later[[1, 2]] = "array key";
console.log(later, Object.keys(later));
const dup = { a: 1, a: 2, b: 3 };
console.log(dup);
const nested = { a: { b: { c: 1 } } };
nested.a.b.d = [nested.a.b.c];
console.log(JSON.stringify(nested));
