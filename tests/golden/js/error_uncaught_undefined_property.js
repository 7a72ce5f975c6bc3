const config = { server: { port: 8080 } };
console.log("port", config.server.port);
console.log("before the crash");
console.log(config.database.host);
console.log("never printed");
