function rpn(expr) {
  const stack = [];
  const ops = { "+": (a, b) => a + b, "-": (a, b) => a - b, "*": (a, b) => a * b, "/": (a, b) => a / b, "^": (a, b) => a ** b };
  for (const tok of expr.trim().split(/\s+/)) {
    if (tok in ops) {
      if (stack.length < 2) throw new Error(`stack underflow at '${tok}'`);
      const b = stack.pop(), a = stack.pop();
      stack.push(ops[tok](a, b));
    } else if (!Number.isNaN(Number(tok))) {
      stack.push(Number(tok));
    } else {
      throw new SyntaxError(`bad token '${tok}'`);
    }
  }
  if (stack.length !== 1) throw new Error(`leftover stack ${JSON.stringify(stack)}`);
  return stack[0];
}
for (const e of ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 ^ 2 /", "1 0 /", "0 0 /", "1 +", "1 2", "1 x +", "0.1 0.2 +"]) {
  try { console.log(e, "=>", rpn(e)); } catch (err) { console.log(e, "=>", err.name, err.message); }
}
