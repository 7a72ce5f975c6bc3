// Calendar arithmetic on UTC dates: month lengths, leap years, week numbers, formatting.
const DAY = 24 * 60 * 60 * 1000;
const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const fmt = date => date.toISOString().slice(0, 10);
const daysInMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
console.log([2023, 2024].map(y => Array.from({ length: 12 }, (_, i) => daysInMonth(y, i + 1)).join(",")));
const isLeap = y => daysInMonth(y, 2) === 29;
console.log([1900, 2000, 2023, 2024, 2100].map(y => `${y}:${isLeap(y)}`).join(" "));
const addDays = (date, n) => new Date(date.getTime() + n * DAY);
console.log(fmt(addDays(utc(2024, 2, 27), 3)), fmt(addDays(utc(2023, 12, 31), 1)), fmt(addDays(utc(2024, 3, 1), -1)));
const addMonths = (date, n) => {
  const r = new Date(date.getTime());
  r.setUTCMonth(r.getUTCMonth() + n);
  return r;
};
console.log(fmt(addMonths(utc(2024, 1, 31), 1)), fmt(addMonths(utc(2024, 1, 15), 13)), fmt(addMonths(utc(2024, 3, 31), -1)));
const diffDays = (a, b) => Math.round((b - a) / DAY);
console.log(diffDays(utc(2024, 1, 1), utc(2024, 12, 25)), diffDays(utc(2024, 3, 1), utc(2024, 2, 1)));
const dayOfYear = date => diffDays(utc(date.getUTCFullYear(), 1, 1), date) + 1;
console.log(dayOfYear(utc(2024, 12, 31)), dayOfYear(utc(2023, 12, 31)), dayOfYear(utc(2024, 3, 1)));
const pad = n => String(n).padStart(2, "0");
const human = date => `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
console.log(human(new Date(Date.UTC(2024, 6, 4, 9, 5))), human(new Date(0)));
const mondays = [];
for (let t = utc(2024, 9, 1).getTime(); t < utc(2024, 10, 1).getTime(); t += DAY) {
  if (new Date(t).getUTCDay() === 1) mondays.push(new Date(t).getUTCDate());
}
console.log("Mondays in Sept 2024:", mondays);
const dates = [utc(2024, 5, 1), utc(2023, 1, 15), utc(2024, 1, 1), utc(2023, 12, 31)];
console.log(dates.sort((a, b) => a - b).map(fmt));
console.log(new Date(Math.max(...dates)).toISOString(), new Date(Math.min(...dates)).toISOString());
const d = utc(2024, 1, 1);
d.setUTCFullYear(2025, 5, 15);
console.log(fmt(d), d.setUTCMinutes(90), d.toISOString());
console.log(new Date(Date.UTC(99, 0, 1)).getUTCFullYear(), new Date(Date.UTC(-1, 0, 1)).toISOString());
console.log(utc(2024, 1, 1).getTimezoneOffset(), new Date(2024, 0, 1).getTime() === utc(2024, 1, 1).getTime());
