// Private methods, accessors and static private methods.
class Parser {
  #pos = 0;
  #text;
  constructor(text) { this.#text = text; }
  #peek() { return this.#text[this.#pos]; }
  #advance() { return this.#text[this.#pos++]; }
  get #done() { return this.#pos >= this.#text.length; }
  static #isDigit(ch) { return ch >= "0" && ch <= "9"; }
  numbers() {
    const out = [];
    while (!this.#done) {
      if (Parser.#isDigit(this.#peek())) {
        let n = "";
        while (!this.#done && Parser.#isDigit(this.#peek())) n += this.#advance();
        out.push(Number(n));
      } else {
        this.#advance();
      }
    }
    return out;
  }
  static hasPeek(o) { return #peek in o; }
}
const p = new Parser("a12b3cc456");
console.log(p.numbers(), Parser.hasPeek(p), Parser.hasPeek({}));
console.log(Object.getOwnPropertyNames(Parser.prototype));
class Temperature {
  #c = 0;
  get #k() { return this.#c + 273.15; }
  set #k(v) { this.#c = v - 273.15; }
  setKelvin(v) { this.#k = v; return this; }
  kelvin() { return this.#k; }
  celsius() { return this.#c; }
}
const t = new Temperature().setKelvin(300);
console.log(t.kelvin(), t.celsius().toFixed(2));
class Guard {
  #secret() { return "secret"; }
  static tryCall(obj) {
    try {
      return obj.#secret();
    } catch (e) {
      return e.name;
    }
  }
}
console.log(Guard.tryCall(new Guard()), Guard.tryCall({}));
class Base {
  #hidden() { return "base hidden"; }
  reveal() { return this.#hidden(); }
}
class Child extends Base {
  #hidden() { return "child hidden"; }
  revealChild() { return this.#hidden(); }
}
const ch = new Child();
console.log(ch.reveal(), ch.revealChild());
