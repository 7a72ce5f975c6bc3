var N = 300000;
var total = 0;
var parts = [];
for (var i = 0; i < N; i++) {
  var s = "key" + i + ":" + i * 7 % 1000;
  var u = s.toUpperCase();
  var pos = u.indexOf(":");
  var head = u.slice(0, pos);
  var tail = u.slice(pos + 1);
  total += head.length * 3 + tail.length + pos;
  if (s.indexOf("77") >= 0) total += 1;
  parts.push(head.toLowerCase() + "=" + tail);
  if (parts.length === 100) {
    var line = parts.join(",").split("key").join("k");
    total += line.length;
    parts = [];
  }
}
console.log(total);
