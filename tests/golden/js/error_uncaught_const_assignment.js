// Assigning to a const binding throws a TypeError at run time.
const settings = { retries: 3 };
const maxRetries = settings.retries;
let attempt = 0;
function tick() {
  attempt++;
  console.log("attempt", attempt, "of", maxRetries);
  return attempt < maxRetries;
}
while (tick()) {
  settings.retries--;
}
console.log("settings object is still mutable:", settings);
const frozenName = "fixed";
console.log("name before:", frozenName);
function rename(newName) {
  console.log("renaming to", newName);
  frozenName = newName;
  return frozenName;
}
rename("changed");
console.log("not reached");
