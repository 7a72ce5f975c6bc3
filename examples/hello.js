// The smallest spell: no model, no permissions.
const greet = (name) => `Hello, ${name}!`;
console.log(greet(args.name ?? "world"));
