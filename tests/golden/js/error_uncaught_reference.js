function compute() {
  const total = 10;
  return totl * 2;
}
console.log("computing");
compute();
