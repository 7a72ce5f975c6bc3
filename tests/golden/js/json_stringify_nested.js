// Pretty-printing a realistic nested document, and a round trip through parse.
const config = {
  server: { host: "localhost", port: 8080, tls: false },
  routes: [{ path: "/", handler: "index" }, { path: "/api", handler: "api", methods: ["GET", "POST"] }],
  limits: { rps: 100, burst: [] },
};
console.log(JSON.stringify(config, null, 2));
console.log(JSON.stringify(config.routes[1], null, "> "));
const roundTrip = JSON.parse(JSON.stringify(config, null, 7));
console.log(JSON.stringify(roundTrip) === JSON.stringify(config));
const clone = JSON.parse(JSON.stringify(config));
clone.server.port = 9090;
console.log(config.server.port, clone.server.port, clone.routes !== config.routes);
const sizes = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, JSON.stringify(v).length]));
console.log(sizes);
const lines = JSON.stringify(config, null, 1).split("\n");
console.log(lines.length, lines.filter(l => l.trim().startsWith('"')).length);
const table = [{ id: 1, ok: true }, { id: 2, ok: false }];
console.log(JSON.stringify(table, null, 2));
console.log(table.map(r => JSON.stringify(r)).join("\n"));
console.log(JSON.stringify({ when: "now", list: [{ a: [{ b: [] }] }] }, null, 1));
