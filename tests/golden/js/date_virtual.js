// Dates built from explicit components or timestamps (never the current time), in UTC.
const d = new Date(Date.UTC(2024, 0, 31, 13, 45, 30, 123));
console.log(d.toISOString(), d.getTime(), d.valueOf() === d.getTime());
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
console.log(d);
console.log([d], { when: d });
console.log(JSON.stringify(d), JSON.stringify({ d }));
console.log(new Date(0).toISOString(), new Date(-1).toISOString(), new Date(86400000 * 365).toISOString());
console.log(Date.UTC(2000, 0, 1), Date.UTC(1970, 0, 1), Date.UTC(2024, 1, 29), Date.UTC(2023, 1, 29));
console.log(new Date("2024-03-10T12:00:00Z").getTime(), new Date("2024-03-10").toISOString());
console.log(Date.parse("2000-01-01T00:00:00.000Z"), Date.parse("1999-12-31T23:59:59Z"));
const invalid = new Date("not a date");
console.log(invalid.getTime(), isNaN(invalid), String(invalid.getUTCFullYear()));
try {
  invalid.toISOString();
} catch (e) {
  console.log(e.name, e.message);
}
const overflow = new Date(Date.UTC(2024, 0, 32));
console.log(overflow.toISOString(), new Date(Date.UTC(2024, 12, 1)).toISOString(), new Date(Date.UTC(2024, -1, 1)).toISOString());
const e = new Date(Date.UTC(2024, 1, 28));
e.setUTCDate(e.getUTCDate() + 1);
console.log(e.toISOString());
e.setUTCMonth(e.getUTCMonth() + 12);
console.log(e.toISOString());
e.setUTCHours(25, 61, 61);
console.log(e.toISOString());
const start = new Date(Date.UTC(2024, 0, 1));
const end = new Date(Date.UTC(2024, 11, 31));
console.log("days:", (end - start) / 86400000, end > start, start < end, +start === start.getTime());
console.log(new Date(2020, 5, 15, 10, 20).toISOString(), new Date(2020, 0).getTime());
console.log(new Date(d.getTime()).toISOString() === d.toISOString(), new Date(d) - d);
const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
console.log([0, 1, 2, 3, 4, 5, 6].map(i => days[new Date(Date.UTC(2024, 0, 7 + i)).getUTCDay()]).join(" "));
console.log(typeof new Date(0), new Date(8.64e15).toISOString(), new Date(8.64e15 + 1).getTime());
