// The error line uses String(e): an Error subclass's own toString is honoured.
class ParseError extends Error {
  constructor(line, col, what) {
    super(what);
    this.name = "ParseError";
    this.line = line;
    this.col = col;
  }
  toString() {
    return `${this.name} at ${this.line}:${this.col}: ${this.message}`;
  }
}
function parse(lines) {
  lines.forEach((text, i) => {
    const col = text.indexOf("?");
    if (col >= 0) throw new ParseError(i + 1, col + 1, "unexpected '?'");
    console.log("line", i + 1, "ok:", text);
  });
}
try {
  parse(["a = 1", "b ? 2"]);
} catch (e) {
  console.log("caught:", String(e), e instanceof ParseError);
}
parse(["x = 1", "y = 2", "z = ?"]);
console.log("not reached");
