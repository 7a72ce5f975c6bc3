class ValidationError extends Error {
  constructor(field, message) {
    super(message);
    this.name = "ValidationError";
    this.field = field;
  }
}
class RequiredError extends ValidationError {
  constructor(field) { super(field, `${field} is required`); this.name = "RequiredError"; }
}
function validate(user) {
  if (!user.name) throw new RequiredError("name");
  if (user.age < 0) throw new ValidationError("age", "age must be >= 0");
  return "ok";
}
for (const u of [{ name: "a", age: 1 }, { age: 3 }, { name: "b", age: -1 }]) {
  try { console.log(validate(u)); }
  catch (e) {
    console.log(String(e), e.field, e instanceof ValidationError, e instanceof RequiredError, e instanceof Error);
  }
}
const errs = [new Error("e"), new TypeError("t"), new RangeError("r"), new SyntaxError("s"), new ReferenceError("f")];
console.log(errs.map(e => `${e.name}:${e.message}:${e instanceof Error}`));
const plain = new Error();
console.log(JSON.stringify(plain.message), String(plain), plain.toString === Error.prototype.toString);
const withCause = new Error("outer", { cause: "why" });
console.log(withCause.cause);
console.log(Object.prototype.toString.call(new TypeError("x")));
try { null.f(); } catch (e) { console.log(e.name, "|", e.message); }
try { undefinedVariable; } catch (e) { console.log(e.name, "|", e.message); }
try { const o = {}; o.method(); } catch (e) { console.log(e.name, "|", e.message); }
try { new Array(-1); } catch (e) { console.log(e.name, "|", e.message); }
