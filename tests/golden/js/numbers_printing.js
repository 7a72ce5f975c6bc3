console.log(0.1 + 0.2, 0.1 + 0.2 === 0.3, 1 / 3, 2 / 3, 100 / 3);
console.log(1e21, 1e20, 123456789012345680000, 1e-7, 1e-6, 0.000001234, 1.5e-10);
console.log(-0, [-0], String(-0), `${-0}`, JSON.stringify(-0), (-0).toString(), Object.is(-0 * 1, -0));
console.log(NaN, Infinity, -Infinity, [NaN, Infinity]);
console.log(5e-324, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, 2 ** 53 + 1, 2 ** 64);
console.log(123.456, 100, 100.0, 1.0e2, 0.5, .5, 5., 0x1f, 0o17, 0b101, 1_000_000);
console.log(String(1e21), String(123e-20), (1e21).toString(), (0.000001).toString());
console.log(String(4.35), String(0.1 * 3), String(9007199254740993), 1.7976931348623157e308 * 10);
console.log(-1e-7, -123.5e30, 25 ** 0.5, Math.pow(10, 21), 10 ** 20);
