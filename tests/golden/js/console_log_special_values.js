// How console.log prints numbers, booleans, null/undefined, boxed values, dates and regexps,
// alone and inside containers.
console.log(-0, 0, +0, [-0], { z: -0 }, new Set([-0]), new Map([[-0, -0]]));
console.log(NaN, Infinity, -Infinity, [NaN, -Infinity], 1e21, 1e-7, 123.456, -1.5e-10);
console.log(true, false, null, undefined, [true, null, undefined]);
console.log({ u: undefined, n: null, b: false, z: 0, e: "" });
console.log(new Date(0), [new Date(Date.UTC(2020, 5, 15, 8, 30))], { d: new Date(86400000) });
console.log(/abc/gi, [/x\/y/], { re: new RegExp("a+b", "m") });
console.log(new Error("e").message, [new Error("in array").message]);
console.log([1, "1", [1], { 1: 1 }]);
console.log({ 1: "a", 2: "b", x: 1 }, { "1.5": 1, "-1": 2, "1e3": 3 });
console.log([[1.0, 2.50], [0.1 + 0.2]]);
console.log(Object.assign([1, 2], { extra: "prop" }));
console.log(Object.assign(() => {}, {}) instanceof Function);
console.log([undefined, null].map(String), String([undefined, null]));
console.log({ a: [], b: {}, c: [[]], d: [{}], e: new Map(), f: new Set() });
console.log([Infinity - Infinity, 0 / 0, -(0 / 0)]);
console.log(2 ** 53, 2 ** 53 + 1, -(2 ** 31), 0xff, 1e100, 5e-324);
console.log({ big: 12345678901234567890, small: 0.000001, tiny: 0.0000001 });
console.log([[-0, [-0, [-0]]]], { n: { m: -0 } }, [0 * -1, -0 + 0]);
console.log([0.1, 0.25, 1 / 3, 2 / 3], { third: 1 / 3 }, [1e300 * 10, -1e-324]);
