// Error objects: name, message, toString, instanceof, custom subclasses.
const builtins = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];
for (const Ctor of builtins) {
  const e = new Ctor("msg");
  console.log(e.name, "|", e.message, "|", String(e), "|", e instanceof Error, e instanceof Ctor);
}
console.log(String(new Error()), "|", String(new Error("")), "|", String(new Error(undefined)));
console.log(new Error(42).message, typeof new Error(42).message, new Error(null).message);
console.log(Error("no new").message, TypeError("no new either") instanceof TypeError);
const e = new Error("base");
e.name = "Renamed";
console.log(String(e));
e.name = "";
console.log(String(e));
e.message = "";
e.name = "OnlyName";
console.log(String(e));
class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
  get name() { return "HttpError"; }
}
class NotFound extends HttpError {
  constructor(path) { super(404, `${path} not found`); this.path = path; }
  get name() { return "NotFound"; }
}
const nf = new NotFound("/x");
console.log(nf.name, nf.message, nf.status, nf.path, String(nf));
console.log(nf instanceof NotFound, nf instanceof HttpError, nf instanceof Error, nf instanceof TypeError);
console.log(Object.keys(nf), nf.constructor.name);
class Quiet extends Error {}
const q = new Quiet("hush");
console.log(q.name, String(q), q.constructor.name);
class Named extends Error {
  constructor(m) { super(m); this.name = this.constructor.name; }
}
class Specific extends Named {}
console.log(String(new Specific("specific message")));
const withCause = new Error("outer", { cause: new TypeError("root cause") });
console.log(withCause.cause.name, withCause.cause.message, "cause" in new Error("x"));
console.log(Object.prototype.toString.call(nf));
console.log(Error.prototype.name, TypeError.prototype.name, Object.getPrototypeOf(TypeError.prototype) === Error.prototype);
console.log(Error.prototype.toString.call({ name: "Fake", message: "object" }));
