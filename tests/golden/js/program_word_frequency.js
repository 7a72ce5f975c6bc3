const text = `It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness...`;
const words = text.toLowerCase().match(/[a-z']+/g);
const freq = {};
for (const w of words) freq[w] = (freq[w] ?? 0) + 1;
const top = Object.entries(freq).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 5);
for (const [w, n] of top) console.log(w.padEnd(8, "."), String(n).padStart(3));
console.log(words.length, Object.keys(freq).length);
const longest = words.reduce((best, w) => (w.length > best.length ? w : best), "");
console.log(longest, text.split("\n").map(l => l.length));
