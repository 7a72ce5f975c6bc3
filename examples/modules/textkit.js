// textkit.js
export function words(s) { return s.split(/\s+/).filter(Boolean); }
export const title = (w) => w[0].toUpperCase() + w.slice(1);
export function strict(s) { if (!s) throw new Error("empty text"); return s; }
