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

from ...ir.ints import MAXI, MINI
from ..codegen import OneResultFuncGen, handler_table

_RANGE = f"if not {MINI} <= {{r}} <= {MAXI}: {{r}} = wrap({{r}})"


def _rt(name):
    return lambda rt: getattr(rt, name)


#: intrinsic name -> how to get its Python callable from a TengoRuntime
INTRINSICS: dict = {
    "array": lambda rt: lambda *items: rt.make_array(list(items)),
    "map": lambda rt: lambda *kv: rt.make_map(kv),
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
    INTRINSICS = frozenset(INTRINSICS)

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
        self.line(f"r{a} = ix_array(*va)")

    def op_NEW_TABLE(self, pc, a, b, c):
        self.fail("NEW_TABLE")

    def op_SET_LIST(self, pc, a, b, c, d):
        self.fail("SET_LIST")

    def op_GET_INDEX(self, pc, a, b, c):
        self.line(f"r{a} = idx(r{b}, {self.A(c)})")

    def op_GET_FIELD(self, pc, a, b, k):
        self.line(f"r{a} = idx(r{b}, {self.fn.consts[k]!r})")

    def op_SET_INDEX(self, pc, a, b, c):
        self.line(f"setidx(r{a}, {self.A(b)}, {self.A(c)})")

    def op_SET_FIELD(self, pc, a, k, c):
        self.line(f"setidx(r{a}, {self.fn.consts[k]!r}, {self.A(c)})")

    def op_SELF(self, pc, a, b, k):
        self.fail("SELF")

    # arithmetic: int-int (wrapping) and float-float inline
    def _arith(self, name, a, b, c):
        x, y = self.A(b), self.A(c)
        if name in ("ADD", "SUB", "MUL"):
            sym = {"ADD": "+", "SUB": "-", "MUL": "*"}[name]
            ints = self._type_guard(b, c, int)
            floats = self._type_guard(b, c, float)
            self.line(f"if {ints}:")
            self.line(f"    r{a} = {x} {sym} {y}")
            self.line("    " + _RANGE.format(r=f"r{a}"))
            if floats != "False":
                self.line(f"elif {floats}: r{a} = {x} {sym} {y}")
            self.line(f"else: r{a} = arith({name!r}, {x}, {y})")
        elif name in ("DIV", "MOD"):     # Go's / and % are Python's for non-negative ints
            sym = "//" if name == "DIV" else "%"
            ints = self._type_guard(b, c, int)
            k = self.const_of(c)
            cond = " and ".join(t for t in (ints if ints != "True" else "", f"{x} >= 0",
                                            "" if type(k) is int and k > 0 else f"{y} > 0") if t)
            self.line(f"r{a} = {x} {sym} {y} if {cond} else arith({name!r}, {x}, {y})")
        else:
            self.line(f"r{a} = arith({name!r}, {x}, {y})")

    def _type_guard(self, b: int, c: int, t: type) -> str:
        checks = []
        for v in (b, c):
            if v < 0:
                if type(self.const_of(v)) is not t:
                    return "False"
            else:
                checks.append(f"type(r{v}) is {t.__name__}")
        return " and ".join(checks) or "True"

    def op_UNM(self, pc, a, b):
        x = self.unary_operand(b)
        self.line(f"r{a} = -{x} if type({x}) is float else neg({x})")

    def op_BNOT(self, pc, a, b):
        self.line(f"r{a} = bnot({self.A(b)})")

    def op_NOT(self, pc, a, b):
        x = self.unary_operand(b)
        self.line(f"r{a} = not {x} if type({x}) is bool else not truthy({x})")

    def op_LEN(self, pc, a, b):
        self.fail("LEN")

    def op_CONCAT(self, pc, a, b, c):
        self.fail("CONCAT")

    def op_EQ(self, pc, a, b, c):
        x, y = self.A(b), self.A(c)
        self.line(f"r{a} = {x} == {y} if type({x}) is type({y}) and type({x}) in SIMPLE else eq({x}, {y})")

    def _compare(self, name, sym, a, b, c):
        x, y = self.A(b), self.A(c)
        ints = self._type_guard(b, c, int)
        self.line(f"r{a} = {x} {sym} {y} if {ints} else compare({name!r}, {x}, {y})")

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
