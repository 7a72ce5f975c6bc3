// Array holes (sparse elements): where an element is absent, not undefined.

// making holes: Array(n), elisions, delete, length extension, writing past the end
const lit = [1, , 3, , ];
console.log(lit, lit.length, 1 in lit, 2 in lit, 3 in lit);
console.log(Array(3), new Array(1), [, , ,], [,]);
const mixed = [undefined, , null];
console.log(mixed, 0 in mixed, 1 in mixed, mixed[1] === mixed[0]);
const del = [1, 2, 3, 4];
delete del[1];
delete del[3];
console.log(del, del.length, 1 in del, del[1], del.hasOwnProperty(3));
const ext = [1, 2];
ext.length = 5;
console.log(ext, 3 in ext, ext[4]);
const far = ["a"];
far[4] = "e";
far[7] = "h";
console.log(far, far.length);
const spreadGap = [0, ...[1, 2], , 4, , ];
console.log(spreadGap, spreadGap.length, 3 in spreadGap, 5 in spreadGap);
const refill = [, 2];
refill[0] = 1;
console.log(refill, 0 in refill);

// keys and descriptors
console.log(Object.keys(lit), Object.values(lit), Object.entries(far));
console.log(Object.getOwnPropertyNames(del), Object.getOwnPropertyDescriptor(del, 1));
const seen = [];
for (const k in far) seen.push(k);
console.log(seen, JSON.stringify(far), JSON.stringify({ a: [, 1] }));
console.log(Object.getOwnPropertyNames([, "x"]), Object.assign({}, [, "y"]), { ...[, "z"] });

// iteration reads holes as undefined
const it = [];
for (const v of [1, , 3]) it.push(v);
const [p, q = "default", r] = [1, , 3];
console.log(it, p, q, r, [...[, 1]], Array.from([, 1]), Array.from({ length: 2 }));
console.log([...[, "a"].keys()], [...[, "a"].values()], [...[, "a"].entries()]);
console.log(Math.max(...[1, , 3]), ((...args) => args)(...[, 2]), Math.max.apply(null, [1, , 3]));

// callbacks skip holes; map keeps them
const visits = [];
[1, , 3, , 5].forEach((v, i) => visits.push(i));
console.log(visits);
console.log([1, , 3].map((x) => x * 2), [, 1].map(String), [1, , 3].filter(() => true));
console.log([1, , 3].reduce((a, b) => a + b), [, , 4, ,].reduce((a, b) => a + b), [, 1, , 2].reduceRight((a, b) => a + b));
console.log([1, , 3].some((v) => v === undefined), [1, , 3].every((v) => v !== undefined));
console.log([1, , 3].flatMap((x) => [x, , x]), [[1, , 2], , [3]].flat(), [1, , [2, , 3]].flat(Infinity));

// searching: indexOf skips holes, includes and find see undefined
const s = [1, , 3, undefined];
console.log(s.indexOf(undefined), s.lastIndexOf(undefined), [, ,].indexOf(undefined), s.includes(undefined), [, 1].includes(undefined));
console.log([1, , 3].find((v) => v === undefined), [1, , 3].findIndex((v) => v === undefined), [1, , 3].findLast((v, i) => i === 1), [1, , 3].at(1));

// join and toString read holes as empty
console.log([1, , 3].join("-"), String([, , 1]), [, null, undefined, 0].join(), `${[, "a"]}`);

// sort puts holes after undefined; toSorted reads them as undefined
console.log([3, , undefined, 1, , 2].sort(), [3, , 1].sort((a, b) => b - a));
console.log([3, , 1].toSorted(), [, "b", "a"].toReversed(), [1, , 3].with(0, 0), [, 2, 3].toSpliced(1, 1));

// mutators keep holes where they move elements
const rv = [1, , 3, , ];
console.log(rv.reverse(), rv.length);
const sh = [, 2, , 4];
console.log(sh.shift(), sh, sh.shift(), sh);
const us = [, 1];
console.log(us.unshift(0), us);
const sp = [1, , 3, , 5];
console.log(sp.splice(1, 2, "x"), sp);
console.log([1, , 3].slice(1), [, 1, ,].slice(-2), [1, , 3].concat([4, , 6], 7));
console.log([1, 2, , 4, 5].copyWithin(0, 2), Array(3).fill(7), [1, , 3].fill(0, 1, 2));
const pp = [1, , ];
console.log(pp.pop(), pp, pp.pop(), pp, pp.push(9), pp);

// array-likes: missing indices behave as holes
const like = { length: 4, 0: "a", 2: "c" };
console.log(Array.prototype.slice.call(like), Array.prototype.map.call(like, (x) => x + x));
console.log(Array.prototype.indexOf.call(like, undefined), Array.prototype.join.call(like, "+"));
Array.prototype.reverse.call(like);
console.log(like);

// printing: runs of holes, columns, long sparse arrays
console.log([, 1, , , 2, , , , ]);
console.log([1, 2, 3, , 5, 6, 7, , 9, 10, 11, 12, , , 15, 16]);
const big = [];
big[150] = "last";
big[3] = "three";
console.log(big);
const many = Array.from({ length: 120 }, (_, i) => i);
delete many[1];
console.log(many.length, Object.keys(many).length);
console.log([[, 1], { a: [, , 2] }], [, 1].toString(), Array(1).concat(Array(2)));
const edge = Array(100);
edge[99] = 1;
const over = Array(101);
over[100] = 1;
console.log(edge, over);

// more array-likes and mutation during a walk
const likeSort = { length: 5, 0: 3, 2: undefined, 3: 1 };
Array.prototype.sort.call(likeSort);
console.log(likeSort, [5, , 1, undefined, 3].sort((x, y) => x - y));
const grow = [1, , 3];
const got = [];
grow.forEach((v, i) => { if (i === 0) grow[1] = 2; got.push(v); });
console.log(got, grow, Array.apply(null, Array(2)), Array(3).map(() => 1), [, "a"].splice(0, 1));
