// Throwing null: String(null) is "null".
function findUser(id) {
  const users = { 1: "ann", 2: "bob" };
  if (!(id in users)) {
    throw null;
  }
  return users[id];
}
const ids = [1, 2, 3];
let found = [];
for (const id of ids) {
  console.log("looking up", id);
  try {
    found.push(findUser(id));
  } finally {
    console.log("lookup of", id, "finished");
  }
}
console.log("found", found);
console.log("never printed");
