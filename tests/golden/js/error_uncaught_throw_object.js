// Throwing a plain object: String(obj) gives "[object Object]" for the error line.
const queue = ["job-a", "job-b", "bad-job", "job-c"];
const done = [];
function run(job) {
  if (job.startsWith("bad")) {
    throw { job, code: 17, message: "cannot run " + job };
  }
  return job.toUpperCase();
}
for (const job of queue) {
  try {
    if (job === "job-b") throw { soft: true };
    done.push(run(job));
  } catch (e) {
    if (!e.soft) throw e;
    console.log("soft failure on", job, "continuing");
  }
  console.log("after", job, "done =", done);
}
console.log("finished", done);
