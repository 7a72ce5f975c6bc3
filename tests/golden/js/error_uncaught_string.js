console.log("about to throw a string");
try { throw "caught one"; } catch (e) { console.log("caught:", e); }
throw "uncaught: " + [1, 2].join("+");
