class Emitter {
  #handlers = new Map();
  on(evt, fn) {
    if (!this.#handlers.has(evt)) this.#handlers.set(evt, []);
    this.#handlers.get(evt).push(fn);
    return () => this.off(evt, fn);
  }
  once(evt, fn) {
    const off = this.on(evt, (...args) => { off(); fn(...args); });
    return off;
  }
  off(evt, fn) {
    const list = this.#handlers.get(evt) || [];
    const i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  }
  emit(evt, ...args) {
    const list = [...(this.#handlers.get(evt) || [])];
    for (const fn of list) fn(...args);
    return list.length;
  }
}
const bus = new Emitter();
const log = [];
const unsub = bus.on("data", x => log.push(`A${x}`));
bus.on("data", x => log.push(`B${x}`));
bus.once("data", x => log.push(`once${x}`));
console.log(bus.emit("data", 1), bus.emit("data", 2));
unsub();
console.log(bus.emit("data", 3), bus.emit("nothing"));
console.log(log);
