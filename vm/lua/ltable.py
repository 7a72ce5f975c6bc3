"""Lua 5.4's ``table`` library: concat, insert, move, pack, remove, sort, unpack.

Input: script values (tables, or any value whose metatable has the metamethods
an operation needs, as Lua's ``checktab`` allows).  Output: Lua's results and
Lua 5.4.8's error messages.

Like ``ltablib.c`` the functions read and write elements through
``lua_geti``/``lua_seti`` and take lengths through ``luaL_len``, so ``__index``,
``__newindex`` and ``__len`` are honoured.  A table without a metatable takes a
raw fast path (direct ``Table`` access, list operations for shifting) that has
the same observable effect.

Every element touched is charged one unit of fuel; strings are accounted before
they are built.

Deliberate differences from real Lua: ``sort`` never reads the clock (Lua
randomises the pivot of ranges above RANLIMIT after an unbalanced partition;
we use a fixed value, so arrays of up to 128 elements — where Lua never
randomises — sort exactly as in Lua, and larger ones deterministically);
``unpack`` refuses a fixed 1e6 results, where Lua's bound is the free space
of its C stack (a little under 1e6).
"""
from __future__ import annotations

from ..values import MAXI, Table, as_latin1, byte_len, from_bytes, is_callable, to_bytes, wrap
from .lauxlib import arg_error, check_int, opt_int, opt_str, type_error, type_name
from .numbers import fmt_number, tointeger

# what an object must support to act as a table (ltablib.c's TAB_R/W/L)
TAB_R, TAB_W, TAB_L = 1, 2, 4
_EVENTS = ((TAB_R, "__index"), (TAB_W, "__newindex"), (TAB_L, "__len"))

M64 = 0xFFFFFFFFFFFFFFFF
INT_MAX = 0x7FFFFFFF
#: most results ``unpack`` returns; Lua's bound is its C stack (LUAI_MAXSTACK = 1e6 slots)
MAX_UNPACK = 1_000_000
#: arrays larger than this may get a "randomised" pivot in Lua's quicksort
RANLIMIT = 100
#: the pivot "randomness" used after an unbalanced partition.  Lua reads the
#: clock here (``l_randomizePivot``); a fixed value keeps sorting deterministic,
#: and ~0 is the value ltablib.c itself recommends when randomness is unwanted.
PIVOT_RND = 0xFFFFFFFF
#: how many pieces ``concat`` collects before joining them into one chunk
CONCAT_CHUNK = 4096


def open(rt) -> Table:
    meter = rt.meter

    # -- access helpers ---------------------------------------------------------
    def checktab(v, arg: int, fname: str, what: int):
        if type(v) is Table:
            return
        mt = rt.getmetatable(v)
        if mt is not None and all(mt.hash.get(ev) is not None for bit, ev in _EVENTS if what & bit):
            return
        type_error(rt, arg, fname, "table", v)

    def raw(t) -> bool:
        return type(t) is Table and t.meta is None

    def length(t) -> int:
        """``luaL_len``: ``#t`` with ``__len``, which must give an integer."""
        if raw(t):
            return t.length()
        n = rt.len(t)
        if type(n) is not int:
            n = tointeger(n)
            if n is None:
                rt.error("object length is not an integer")
        return n

    def getter(t):
        if raw(t):
            return t.get
        return lambda i: rt.index(t, i, None)

    def setter(t):
        if raw(t):
            return lambda i, v: rt.rawset(t, i, v)
        return lambda i, v: rt.setindex(t, i, v, None)

    def absorb_hash(t: Table):
        """After the array part grew by a list operation, move the keys that now
        continue it out of the hash part (the invariant ``Table.set`` keeps)."""
        h = t.hash
        if h:
            arr = t.arr
            k = len(arr)
            while k in h:
                arr.append(h.pop(k))
                k += 1

    # -- concat -----------------------------------------------------------------
    def concat(t=None, sep=None, i=None, j=None, *_):
        checktab(t, 1, "concat", TAB_R | TAB_L)
        last = length(t)
        sep = opt_str(rt, sep, 2, "concat", "")
        i = opt_int(rt, i, 3, "concat", 1)
        last = opt_int(rt, j, 4, "concat", last)
        if i > last:
            return ""
        get = getter(t)
        seplen = byte_len(sep)
        limit = meter.limits.max_string
        chunks = []
        pieces = []
        total = 0
        while True:
            v = get(i)
            tv = type(v)
            if tv is not str:
                if tv is int or tv is float:
                    v = fmt_number(v)
                else:
                    rt.error(f"invalid value ({type_name(v)}) at index {i} in table for 'concat'")
            meter.charge(1)
            pieces.append(v)
            total += byte_len(v)
            if i == last:
                break
            total += seplen
            if total > limit:
                meter.string(total)          # raises: the result would be too long
            if len(pieces) == CONCAT_CHUNK:
                chunks.append(sep.join(pieces))
                pieces = []
            i += 1
        meter.string(total)
        if chunks:
            chunks.append(sep.join(pieces))
            pieces = chunks
        r = sep.join(pieces)
        if not r.isascii():
            # pieces ending and starting with escaped bytes may now form a valid
            # UTF-8 sequence: respell the result in the one canonical form
            r = from_bytes(to_bytes(r))
        return r

    # -- insert / remove ------------------------------------------------------------
    def insert(*args):
        t = args[0] if args else None
        checktab(t, 1, "insert", TAB_R | TAB_W | TAB_L)
        e = wrap(length(t) + 1)             # first empty slot
        nargs = len(args)
        if nargs == 2:
            pos = e
        elif nargs == 3:
            pos = check_int(rt, args[1], 2, "insert")
            if not ((pos - 1) & M64) < (e & M64):
                arg_error(rt, 2, "insert", "position out of bounds")
            if pos < e:
                meter.charge(e - pos)
                if raw(t):
                    t.arr.insert(pos, args[2])
                    meter.alloc(16, 0)
                    absorb_hash(t)
                    return ()
                get, set_ = getter(t), setter(t)
                for k in range(e, pos, -1):
                    set_(k, get(k - 1))
        else:
            rt.error("wrong number of arguments to 'insert'")
        setter(t)(pos, args[-1])
        return ()

    def remove(t=None, pos=None, *_):
        checktab(t, 1, "remove", TAB_R | TAB_W | TAB_L)
        size = length(t)
        if pos is None:
            pos = size
        else:
            pos = check_int(rt, pos, 2, "remove")
            if pos != size and not ((pos - 1) & M64) <= (size & M64):
                arg_error(rt, 2, "remove", "position out of bounds")
        if raw(t) and 1 <= pos < size:
            arr = t.arr
            v = arr[pos]
            meter.charge(size - pos)
            del arr[pos]                     # the last element is not nil: no trailing hole
            return v
        get, set_ = getter(t), setter(t)
        v = get(pos)
        while pos < size:
            meter.charge(1)
            set_(pos, get(pos + 1))
            pos += 1
        set_(pos, None)
        return v

    # -- move -------------------------------------------------------------------------
    def move(a1=None, f=None, e=None, t=None, a2=None, *_):
        f = check_int(rt, f, 2, "move")
        e = check_int(rt, e, 3, "move")
        t = check_int(rt, t, 4, "move")
        other = a2 is not None
        tt = a2 if other else a1
        checktab(a1, 1, "move", TAB_R)
        checktab(tt, 5 if other else 1, "move", TAB_W)
        if e >= f:
            if not (f > 0 or e < MAXI + f):
                arg_error(rt, 3, "move", "too many elements to move")
            n = e - f + 1
            if not t <= MAXI - n + 1:
                arg_error(rt, 4, "move", "destination wrap around")
            get, set_ = getter(a1), setter(tt)
            charge = meter.charge
            if t > e or t <= f or (other and a1 is not tt and not rt.eq(a1, tt)):
                for k in range(n):
                    charge(1)
                    set_(t + k, get(f + k))
            else:
                for k in range(n - 1, -1, -1):
                    charge(1)
                    set_(t + k, get(f + k))
        return tt

    # -- pack / unpack ------------------------------------------------------------
    def pack(*args):
        n = len(args)
        meter.charge(n)
        t = rt.new_table(n, 1)
        arr = [None, *args]
        while len(arr) > 1 and arr[-1] is None:
            arr.pop()
        t.arr = arr
        t.hash["n"] = n
        return t

    def unpack(t=None, i=None, j=None, *_):
        i = opt_int(rt, i, 2, "unpack", 1)
        e = length(t) if j is None else check_int(rt, j, 3, "unpack")
        if i > e:
            return ()
        count = e - i + 1
        if count >= MAX_UNPACK:
            rt.error("too many results to unpack")
        meter.charge(count)
        meter.alloc(8 * count, 0)
        if raw(t) and i >= 1 and e < len(t.arr):
            vals = t.arr[i:e + 1]
        else:
            get = getter(t)
            vals = [get(k) for k in range(i, e + 1)]
        return vals[0] if count == 1 else tuple(vals)

    # -- sort -------------------------------------------------------------------------
    def sort(t=None, comp=None, *_):
        checktab(t, 1, "sort", TAB_R | TAB_W | TAB_L)
        n = length(t)
        if n > 1:
            if n >= INT_MAX:
                arg_error(rt, 1, "sort", "array too big")
            if comp is not None and not is_callable(comp):
                type_error(rt, 2, "sort", "function", comp)
            if comp is None and raw(t) and sort_uniform(t.arr, n):
                return ()
            Sorter(rt, t, comp, getter(t), setter(t)).auxsort(1, n, 0)
        return ()

    def sort_uniform(arr: list, n: int) -> bool:
        """Sort an array of only integers or only strings with Python's sort.

        With Lua's own ``<`` on such values the order is total and equal
        elements are indistinguishable, so every correct sort — Lua's quicksort
        included — produces the same array.  Returns False when the shortcut
        does not apply."""
        kinds = set(map(type, arr[1:]))
        if kinds == {int}:
            key = None
        elif kinds == {str}:
            key = as_latin1                    # byte order, as Lua's strcmp
        else:
            return False
        meter.charge(n * n.bit_length())
        arr[1:] = sorted(arr[1:], key=key)
        return True

    lib = rt.new_table()
    for name, fn in (("concat", concat), ("insert", insert), ("move", move), ("pack", pack),
                     ("remove", remove), ("sort", sort), ("unpack", unpack)):
        lib.hash[name] = fn
    return lib


class Sorter:
    """Lua 5.4's ``auxsort``/``partition`` (ltablib.c), step for step.

    The same elements are read and written in the same order and compared in
    the same order, so results with equal keys, inconsistent comparators and
    metamethods match real Lua, and "invalid order function for sorting" is
    raised where Lua raises it.  The only departure: Lua picks pivots of large
    unbalanced ranges from the clock; we use :data:`PIVOT_RND`.  Recursion only
    goes into the smaller half, so its depth stays below log2(n).
    """

    __slots__ = ("rt", "comp", "get", "set", "charge")

    def __init__(self, rt, t, comp, get, set_):
        self.rt = rt
        self.comp = comp
        self.get = get
        self.set = set_
        self.charge = rt.meter.charge

    def lt(self, a, b) -> bool:
        self.charge(1)
        comp = self.comp
        if comp is None:
            ta, tb = type(a), type(b)
            if (ta is int or ta is float) and (tb is int or tb is float):
                return a < b
            return self.rt.lt(a, b)
        try:                                 # rt.call1, inlined: sorting is comparator calls
            r = comp(a, b)
        except TypeError as e:
            r = self.rt.call_slow(e, None, comp, (a, b))
        if type(r) is tuple:
            r = r[0] if r else None
        return r is not None and r is not False

    def set2(self, i: int, vi, j: int, vj):
        """``t[i], t[j] = vi, vj`` in Lua's order (``set2`` writes ``i`` first)."""
        self.charge(2)
        self.set(i, vi)
        self.set(j, vj)

    def partition(self, lo: int, up: int, pivot) -> int:
        get, lt = self.get, self.lt
        i, j = lo, up - 1
        while True:
            while True:                      # repeat ++i while a[i] < P
                i += 1
                ai = get(i)
                if not lt(ai, pivot):
                    break
                if i == up - 1:
                    self.rt.error("invalid order function for sorting")
            while True:                      # repeat --j while P < a[j]
                j -= 1
                aj = get(j)
                if not lt(pivot, aj):
                    break
                if j < i:
                    self.rt.error("invalid order function for sorting")
            if j < i:
                self.set2(up - 1, ai, i, pivot)
                return i
            self.set2(i, aj, j, ai)

    def auxsort(self, lo: int, up: int, rnd: int):
        get, lt, set2 = self.get, self.lt, self.set2
        while lo < up:
            a, b = get(lo), get(up)
            if lt(b, a):
                set2(lo, b, up, a)
            if up - lo == 1:
                return
            if up - lo < RANLIMIT or rnd == 0:
                p = (lo + up) // 2
            else:
                r4 = (up - lo) // 4
                p = rnd % (r4 * 2) + lo + r4
            a, b = get(p), get(lo)
            if lt(a, b):
                set2(p, b, lo, a)
            else:
                c = get(up)
                if lt(c, a):
                    set2(p, c, up, a)
            if up - lo == 2:
                return
            pivot = get(p)
            set2(p, get(up - 1), up - 1, pivot)
            p = self.partition(lo, up, pivot)
            if p - lo < up - p:
                self.auxsort(lo, p - 1, rnd)
                n = p - lo
                lo = p + 1
            else:
                self.auxsort(p + 1, up, rnd)
                n = up - p
                up = p - 1
            if ((up - lo) & 0xFFFFFFFF) // 128 > n:   # unsigned, as IdxT
                rnd = PIVOT_RND
