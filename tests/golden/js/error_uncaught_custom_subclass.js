class QuotaExceeded extends Error {
  constructor(used, limit) {
    super(`used ${used} of ${limit}`);
    this.name = "QuotaExceeded";
  }
}
function consume(n) {
  let used = 0;
  for (let i = 0; i < n; i++) {
    used += 3;
    if (used > 10) throw new QuotaExceeded(used, 10);
    console.log("step", i, used);
  }
}
consume(10);
