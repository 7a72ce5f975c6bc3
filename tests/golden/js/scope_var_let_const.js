var a = 1;
let b = 2;
const c = 3;
{
  var a = 10;
  let b = 20;
  const c = 30;
  console.log(a, b, c);
}
console.log(a, b, c);
function f() {
  console.log(typeof hoisted, hoisted);
  var hoisted = 5;
  console.log(hoisted);
  if (true) { var inner = "var escapes the block"; let hidden = 1; }
  console.log(inner, typeof hidden);
}
f();
try { const k = 1; k = 2; } catch (e) { console.log(e instanceof TypeError, e.message); }
try { console.log(tdz); let tdz = 1; } catch (e) { console.log(e.name, e.message); }
let shadow = "outer";
{ let shadow = "inner"; console.log(shadow); }
console.log(shadow);
