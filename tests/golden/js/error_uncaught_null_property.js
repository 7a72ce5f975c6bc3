// Reading a property of null ends the program with a TypeError.
const records = [
  { id: 1, owner: { name: "ann" } },
  { id: 2, owner: { name: "bob" } },
  { id: 3, owner: null },
  { id: 4, owner: { name: "never reached" } },
];
function ownerName(record) {
  return record.owner.name;
}
function report(list) {
  const names = [];
  for (const r of list) {
    console.log("processing record", r.id);
    names.push(ownerName(r));
    console.log("  owner:", names[names.length - 1]);
  }
  return names;
}
console.log("start");
const names = report(records);
console.log("done", names);
