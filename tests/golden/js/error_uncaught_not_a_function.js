const api = { fetch: undefined, name: "api" };
console.log(api.name.toUpperCase());
const n = 5;
n();
