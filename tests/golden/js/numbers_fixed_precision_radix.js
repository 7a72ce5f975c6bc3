console.log((1.005).toFixed(2), (1.45).toFixed(1), (2.5).toFixed(0), (-2.5).toFixed(0), (0).toFixed(3));
console.log((1234.5678).toFixed(2), (1e21).toFixed(2), (0.000001).toFixed(7), (-1.5e-7).toFixed(2));
console.log((123.456).toPrecision(4), (0.00012345).toPrecision(2), (123456).toPrecision(2), (1.5).toPrecision(1));
console.log((255).toString(2), (255).toString(16), (255).toString(36), (-255).toString(16), (0.5).toString(2));
console.log((35).toString(36), (123456789).toString(36), (3.75).toString(2), (0.1).toString(3));
console.log((1e21).toString(16).slice(0, 8), (12.34).toExponential(), (12.34).toExponential(1), (0).toExponential(2));
console.log(Number("0b11"), Number("0o7"), Number("0xff"), Number(""), Number(" "), Number("1_0"), Number("12px"), Number("-Infinity"));
console.log(parseInt("ff", 16), parseInt("z", 36), parseInt("12px"), parseInt("0x1A"), parseInt("  -42abc"), parseInt("abc"), parseInt("101", 2), parseInt("3.99"));
console.log(parseFloat("3.14abc"), parseFloat(".5"), parseFloat("-1e3x"), parseFloat("Infinityx"), parseFloat("x1"));
try { (1).toFixed(101); } catch (e) { console.log(e.name, e.message); }
try { (1).toString(1); } catch (e) { console.log(e.name, e.message); }
