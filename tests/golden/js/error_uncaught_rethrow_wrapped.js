// A catch block that wraps and rethrows: the new error is the uncaught one.
class ConfigError extends Error {
  constructor(message, cause) {
    super(message, { cause });
    this.name = "ConfigError";
  }
}
function readConfig(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`invalid config (${e.name})`, e);
  }
}
const good = readConfig('{"port": 80}');
console.log("good config:", good);
try {
  readConfig("{port: 80}");
} catch (e) {
  console.log(e.name, "|", e.message, "|", e.cause instanceof SyntaxError);
}
console.log("now without a handler");
const bad = readConfig("[1, 2,");
console.log("not reached", bad);
