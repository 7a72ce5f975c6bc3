function tokenize(src) {
  const spec = [["ws", /^\s+/], ["num", /^\d+(\.\d+)?/], ["id", /^[A-Za-z_]\w*/], ["str", /^"([^"\\]|\\.)*"/], ["op", /^(==|!=|<=|>=|[-+*\/=<>(){};,])/]];
  const tokens = [];
  let pos = 0;
  outer: while (pos < src.length) {
    const rest = src.slice(pos);
    for (const [type, re] of spec) {
      const m = re.exec(rest);
      if (m) {
        if (type !== "ws") tokens.push({ type, text: m[0], pos });
        pos += m[0].length;
        continue outer;
      }
    }
    throw new SyntaxError(`unexpected ${JSON.stringify(src[pos])} at ${pos}`);
  }
  return tokens;
}
const toks = tokenize('let x = 3.5 * (y + 42); print("hi \\"there\\"", x >= 1)');
console.log(toks.length);
console.log(toks.map(t => `${t.type}:${t.text}`).join(" "));
console.log(toks.slice(0, 3));
try { tokenize("a = #"); } catch (e) { console.log(String(e)); }
