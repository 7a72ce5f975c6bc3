"""Python code generation for Tengo modules: where Tengo's semantics differ from Lua's.

* ints are 64-bit and wrap (as Lua's), floats are floats, and the two never
  mix silently: the inline fast paths cover int-int and float-float, the rest
  (``int + float``, strings, arrays, chars, times) goes to the runtime's
  ``arith``, which applies tengo's per-type operator tables;
* truthiness is tengo's (``0``, ``""``, ``[]``, errors and ``undefined`` are
  false — the runtime's ``truthy``);
* ``a.b`` and ``a[k]`` are one operation (``index``): a selector is an index
  with a string key, and a missing key or an index out of range reads
  ``undefined`` rather than failing;
* every function returns exactly one value; a call with the wrong number of
  arguments is a runtime error, so compiled functions take exact parameters
  and the failed call goes to ``callx``;
* ``for k, v in x`` takes its pairs from the runtime's ``iterate``.

:data:`INTRINSICS` is the table of the names ``INTRINSIC`` may use in a Tengo
module, each with the runtime operation it is bound to.
"""
from __future__ import annotations

from ..codegen import OneResultFuncGen, handler_table


def _rt(name):
    return lambda rt: getattr(rt, name)


#: intrinsic name -> how to get its Python callable from a TengoRuntime
#: (array and map literals are not here: :meth:`TengoFuncGen.op_INTRINSIC`
#: builds them inline, charging what ``make_array``/``make_map`` charge)
INTRINSICS: dict = {
    "slice": _rt("slice"),
    "immutable": _rt("immutable"),
    "error": _rt("make_error"),
    "import": _rt("import_module"),
    "char": _rt("make_char"),
    "andnot": lambda rt: lambda a, b: rt.arith("ANDNOT", a, b),
    "plus": _rt("plus"),
    "spread_call": _rt("spread_call"),
    "append_to": _rt("append_to"),
}


def intrinsic_helpers(rt) -> dict:
    return {f"ix_{name}": bind(rt) for name, bind in INTRINSICS.items()}


class TengoFuncGen(OneResultFuncGen):
    INTRINSICS = frozenset(INTRINSICS) | {"array", "map"}

    LANGUAGE = "Tengo"

    def parameters(self, fn) -> list[str]:
        """Exact parameters: a call with too few arguments is tengo's error."""
        return [f"r{i}" for i in range(fn.nparams)]

    # data: builtins are the only globals
    def op_LOAD_GLOBAL(self, pc, a, k):
        name = repr(self.fn.consts[k])
        self.line(f"r{a} = Gh[{name}] if {name} in Gh else unresolved({name})")

    def op_STORE_GLOBAL(self, pc, k, b):
        self.fail("STORE_GLOBAL")

    def op_VARARG(self, pc, a, c):
        if c != -1:
            self.fail("VARARG with a fixed count")
        self.line("alloc(64 + 8 * len(va))")
        self.line(f"r{a} = Array(list(va))")

    def op_NEW_TABLE(self, pc, a, b, c):
        self.fail("NEW_TABLE")

    def op_SET_LIST(self, pc, a, b, c, d):
        self.fail("SET_LIST")

    # indexing: a mutable array with an int in range, or a map with a string
    # key, inline; everything else (and every error) is the runtime's
    def _index_paths(self, obj: str, c: int, store: bool) -> list[tuple[str, bool]]:
        """(test, is_array) for the inline paths of ``obj[key]``: the key operand
        decides which ones are possible; reads see immutable maps too (modules)."""
        k = self.A(c)
        kc = self.const_of(c)
        paths = []
        if c >= 0 or type(kc) is int:
            bound = f"0 <= {k} < len({obj}.items)" if c >= 0 or kc < 0 else f"{k} < len({obj}.items)"
            ktest = "" if c < 0 or c in self.ints else f" and type({k}) is int"
            paths.append((f"type({obj}) is Array{ktest} and {bound}", True))
        if c >= 0 and c not in self.ints or type(kc) is str:
            maps = f"type({obj}) is Map" if store else f"type({obj}) is Map or type({obj}) is ImmutableMap"
            paths.append((maps if c < 0 else f"({maps}) and type({k}) is str", False))
        return paths

    def _get(self, a: int, obj: str, c: int):
        k = self.A(c)
        paths = self._index_paths(obj, c, False)
        for i, (test, is_array) in enumerate(paths):
            read = f"{obj}.items[{k}]" if is_array else f"{obj}.items.get({k})"
            self.line(f"{'if' if i == 0 else 'elif'} {test}: r{a} = {read}")
        self.line(f"{'else: ' if paths else ''}r{a} = idx({obj}, {k})")

    def op_GET_INDEX(self, pc, a, b, c):
        self._get(a, f"r{b}", c)

    def op_GET_FIELD(self, pc, a, b, k):
        self._get(a, f"r{b}", -1 - k)

    def _set(self, a: int, c: int, v: str):
        """``o[k] = v``: a new map key is charged its slot, as ``set_index`` does."""
        obj, k = f"r{a}", self.A(c)
        paths = self._index_paths(obj, c, True)
        for i, (test, is_array) in enumerate(paths):
            self.line(f"{'if' if i == 0 else 'elif'} {test}:")
            if is_array:
                self.line(f"    {obj}.items[{k}] = {v}")
            else:
                self.line(f"    _h = {obj}.items")
                self.line(f"    if {k} not in _h: alloc(32, 0)")
                self.line(f"    _h[{k}] = {v}")
        self.line(f"{'else: ' if paths else ''}setidx({obj}, {k}, {v})")

    def op_SET_INDEX(self, pc, a, b, c):
        self._set(a, b, self.A(c))

    def op_SET_FIELD(self, pc, a, k, c):
        self._set(a, -1 - k, self.A(c))

    def op_SELF(self, pc, a, b, k):
        self.fail("SELF")

    # arithmetic: int-int (wrapping), float-float and string + anything inline
    def _arith(self, name, a, b, c):
        x, y = self.A(b), self.A(c)
        ints = self._int_guard(b, c)
        if name in ("ADD", "SUB", "MUL"):
            sym = {"ADD": "+", "SUB": "-", "MUL": "*"}[name]
            check = self._overflow_check(name, b, c, f"r{a}")
            paths = [(ints, [f"r{a} = {x} {sym} {y}"] + ([check] if check else [])),
                     (self._type_guard((b, c), float), [f"r{a} = {x} {sym} {y}"])]
            if name == "ADD":       # string + string inline, as ``concat`` does it
                paths.append((self._type_guard((b, c), str),
                              [f"string(len({x}) + len({y}))", f"r{a} = {x} + {y}",
                               f"if not r{a}.isascii(): r{a} = join(({x}, {y}))"]))
                paths.append((self._type_guard((b,), str), [f"r{a} = concat({x}, {y})"]))
            self._branches(paths, f"r{a} = arith({name!r}, {x}, {y})")
        elif name in ("DIV", "MOD"):     # Go's / and % are Python's for non-negative ints
            sym = "//" if name == "DIV" else "%"
            k = self.const_of(c)
            cond = " and ".join(t for t in (ints if ints != "True" else "", f"{x} >= 0",
                                            "" if type(k) is int and k > 0 else f"{y} > 0") if t)
            self.line(f"r{a} = {x} {sym} {y} if {cond} else arith({name!r}, {x}, {y})")
        else:
            self.line(f"r{a} = arith({name!r}, {x}, {y})")

    def _branches(self, paths: list, fallback: str):
        """``if guard: body / elif ... / else: fallback``, leaving out the paths
        whose guard is "False" and stopping at one that is "True"."""
        first = True
        for guard, body in paths:
            if guard == "False":
                continue
            if guard == "True":
                if first:
                    for text in body:
                        self.line(text)
                    return
                fallback = None
                self.line("else:")
            else:
                self.line(f"{'if' if first else 'elif'} {guard}:")
            for text in body:
                self.line("    " + text)
            first = False
            if fallback is None:
                return
        if first:
            self.line(fallback)
        else:
            self.line(f"else: {fallback}")

    def op_CONCAT(self, pc, a, b, c):
        self.fail("CONCAT")

    def op_EQ(self, pc, a, b, c):
        """Tengo's ``Equals`` never converts: against a constant int, float,
        string or bool, only a value of the very same type can be equal."""
        if b < 0 and c >= 0:
            b, c = c, b             # Equals is symmetric for these simple types
        x, y = self.A(b), self.A(c)
        k = self.const_of(c)
        if b >= 0 and type(k) is bool:
            self.line(f"r{a} = {x} is {y}")
        elif b >= 0 and type(k) in (int, float, str):
            self.line(f"r{a} = type({x}) is {type(k).__name__} and {x} == {y}")
        else:
            self.line(f"r{a} = {x} == {y} if type({x}) is type({y}) and type({x}) in SIMPLE else eq({x}, {y})")

    def _compare(self, name, sym, a, b, c):
        """Ints and strings compare as Python's; mixes, chars and times go to ``compare``."""
        x, y = self.A(b), self.A(c)
        guards = [g for g in (self._int_guard(b, c), self._type_guard((b, c), str)) if g != "False"]
        if "True" in guards:
            self.line(f"r{a} = {x} {sym} {y}")
        elif guards:
            self.line(f"r{a} = {x} {sym} {y} if {' or '.join(guards)} else compare({name!r}, {x}, {y})")
        else:
            self.line(f"r{a} = compare({name!r}, {x}, {y})")

    def truth_test(self, a: int, neg: bool) -> str:
        """A bool is tested without a call to ``truthy``."""
        r = f"r{a}"
        if neg:
            return f"{r} is False or {r} is not True and not truthy({r})"
        return f"{r} is True or {r} is not False and truthy({r})"

    def op_INTRINSIC(self, pc, a, k, c, d):
        """Array and map literals inline; the other intrinsics call the runtime."""
        name = self.fn.consts[k]
        regs = [f"r{c + i}" for i in range(d)]
        if name == "array":
            self.line(f"alloc({64 + 8 * d})")
            self.line(f"r{a} = Array([{', '.join(regs)}])")
        elif name == "map":         # keys are strings: make_map's pairs as a dict display
            self.line(f"alloc({64 + 16 * d})")
            pairs = ", ".join(f"{regs[i]}: {regs[i + 1]}" for i in range(0, d, 2))
            self.line(f"r{a} = Map({{{pairs}}})")
        else:
            super().op_INTRINSIC(pc, a, k, c, d)

    # calls: one result, exact arity
    def _call(self, a, b, d, target: str):
        args = ", ".join(f"r{a + 1 + i}" for i in range(b))
        assign = f"{target} = " if target else ""
        self.line("try:")
        self.line(f"    {assign}r{a}({args})")
        self.line("except TypeError as _e:")
        self.line(f"    {assign}callx(_e, r{a}{', ' + args if args else ''})")

    def op_CALL(self, pc, a, b, c, d):
        if c not in (0, 1) or d:
            self.fail("CALL with several results or a spread")
        self._call(a, b, d, f"r{a}" if c == 1 else "")



    def for_in_source(self, b, c):
        if c != 2:
            self.fail("FOR_IN without a key and a value")
        return f"iterate(r{b})"



TengoFuncGen.HANDLERS = handler_table(TengoFuncGen)
