"""Compile IR modules to Python functions: the VM's executor.

Input: a verified :class:`~llmspell.ir.model.Module`.  Output: a
:class:`Compiled` holding one Python code object for the whole module; each run
instantiates it (``Compiled.instantiate``) with that run's meter cells and
helpers, which yields the main function as an ordinary Python function.

Why generate Python: a dispatch loop over instructions costs ~20x CPython
(DESIGN §4); generated code lets CPython's own specialising interpreter run the
spell.  The invariants that keep it exact and safe:

* **Registers are Python locals** (``r0``, ``r1``, ...); a local captured by a
  closure lives in a one-element list (a *box*) and closures are made by a
  factory function per IR function (``mk_f3(box, box)``), so every closure gets
  the boxes current at its creation — Lua's fresh-variable-per-iteration rule.
* **Metering is inline and exact.**  The run's counters are closure cells shared
  by every compiled function of the run: ``fuel`` (instructions left in the
  current slice) and ``depth`` (call levels left).  Each straight-line run of
  instructions is charged once, at its start, with the sum of its opcode-table
  fuel; a negative ``fuel`` calls the meter, which refuels from the budget or
  raises ``LimitExceeded``.
* **Errors are located after the fact.**  Each generated line belongs to one IR
  instruction (:class:`FuncInfo`); when anything fails, the frame's current line
  gives the instruction, its span, and — as Lua's ``varinfo`` does — the name of
  the variable involved.  The hot path pays nothing for positions.
* **Structured control flow maps onto Python's**: LOOP/FOR become ``while``/
  ``for``, a BLOCK that is broken out of becomes ``while True: ... break``;
  ``BREAK``/``CONTINUE`` across several Python loops go through a jump flag.
* Fast paths are inlined only where the semantics are exactly Python's (two
  ints with a range check, a table field hit); everything else calls the
  language runtime (``vm.lua.runtime``), so the fast path can never be wrong in
  a way the slow path is right.
"""
from __future__ import annotations

import math
import types
import warnings

from ..ir.errors import CompileError
from ..ir.model import Function, Module
from ..ir.opcodes import ARITH, BY_NAME, JUMP, OPCODES, OPENS, SPLITS, Op, registers
from .debuginfo import describe_register
from .runtime import CODEMAP
from .typeinfo import int_facts

MAXI = 0x7FFFFFFFFFFFFFFF
MINI = -0x8000000000000000
_RANGE = f"if not {MINI} <= {{r}} <= {MAXI}: {{r}} = wrap({{r}})"
_BOOLISH = {Op.EQ, Op.LT, Op.LE, Op.NOT}


class FuncInfo:
    """Maps a compiled function's Python lines back to its IR instructions."""

    __slots__ = ("module", "fn", "index", "first_line", "pcs", "tail_calls")

    def __init__(self, module: Module, index: int, first_line: int, pcs: list[int], tail_calls=frozenset()):
        self.tail_calls = tail_calls    # pcs of `return f(...)`: Lua would have replaced this frame
        self.module = module
        self.fn = module.functions[index]
        self.index = index
        self.first_line = first_line
        self.pcs = pcs

    def pc_at(self, lineno: int) -> int:
        i = lineno - self.first_line
        if 0 <= i < len(self.pcs):
            return self.pcs[i]
        return 0

    def span_at(self, lineno: int):
        fn = self.fn
        if not fn.spans:
            return fn.span
        return fn.spans[min(self.pc_at(lineno), len(fn.spans) - 1)]

    def describe(self, lineno: int, operand) -> str:
        """Lua's ``varinfo``: " (local 'x')" for the register in *operand*.

        *operand* is an index into the instruction tuple, or ``(slot, offset)``
        for the *offset*-th register of a range starting at that slot (CONCAT).
        """
        pc = self.pc_at(lineno)
        ins = self.fn.code[pc]
        if type(operand) is tuple:
            slot, offset = operand
            reg = ins[slot] + offset
        else:
            reg = ins[operand]
        return describe_register(self.fn, pc, reg)


class Compiled:
    """A module compiled to one Python code object, instantiated once per run."""

    def __init__(self, module: Module, source: str, code: types.CodeType, infos: dict):
        self.module = module
        self.python_source = source
        self.code = code
        self.infos = infos

    def instantiate(self, helpers: dict, cells: dict):
        """The module's main function, bound to one run's helpers and meter cells."""
        closure = tuple(cells[name] for name in self.code.co_freevars)
        make = types.FunctionType(self.code, dict(helpers), "__module", None, closure)
        return make()


def compile_module(module: Module, ops_module: str) -> Compiled:
    """Generate, compile and register the Python code for *module*."""
    gen = _ModuleGen(module)
    source = gen.generate()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", SyntaxWarning)    # a warning is a code generator bug
            outer = compile(source, f"<llmspell {module.name}>", "exec")
    except (SyntaxError, RecursionError, MemoryError) as e:
        raise CompileError(f"function too deeply nested to compile ({e.__class__.__name__}: {e})",
                           module.functions[0].span,
                           hint="split deeply nested loops or conditionals into functions") from None
    ns: dict = {}
    exec(outer, ns)
    module_code = ns["__outer"].__code__
    module_code = next(c for c in module_code.co_consts
                       if isinstance(c, types.CodeType) and c.co_name == "__module")
    infos = {}
    for code in _walk_code(module_code):
        index = gen.func_index.get(code.co_name)
        if index is not None:
            info = FuncInfo(module, index, gen.first_lines[index], gen.line_pcs[index],
                            gen.tail_calls.get(index, frozenset()))
            infos[index] = info
            CODEMAP[code] = info
    return Compiled(module, source, module_code, infos)


def _walk_code(code):
    stack = [code]
    while stack:
        c = stack.pop()
        yield c
        stack.extend(k for k in c.co_consts if isinstance(k, types.CodeType))


def _lit(v) -> str:
    """A Python literal for constant *v*."""
    if type(v) is float:
        if v != v:
            return "NNAN" if math.copysign(1.0, v) < 0 else "NAN"
        if v in (math.inf, -math.inf):
            return "INF" if v > 0 else "(-INF)"
        return repr(v)
    return repr(v)


def _generator_for(lang: str) -> type:
    if lang == "javascript":
        from .js.emit import JsFuncGen
        return JsFuncGen
    if lang == "tengo":
        from .tengo.emit import TengoFuncGen
        return TengoFuncGen
    return FuncGen


class _ModuleGen:
    def __init__(self, module: Module):
        self.module = module
        self.gen = _generator_for(module.lang)
        self.lines: list[str] = []
        self.func_index: dict[str, int] = {}
        self.first_lines: dict[int, int] = {}
        self.line_pcs: dict[int, list[int]] = {}
        self.tail_calls: dict[int, set[int]] = {}
        self.self_refs = self._self_references()

    def _self_references(self) -> dict[int, list[int]]:
        """Upvalues by which a ``local function`` refers to itself: unboxed, taken
        from the very register its CLOSURE writes.  Their factory binds them to
        the new function (the register is still nil when the closure is made)."""
        refs: dict[int, list[int]] = {}
        for fn in self.module.functions:
            for ins in fn.code:
                if ins[0] == Op.CLOSURE:
                    child = fn.children[ins[2]]
                    for i, u in enumerate(self.module.functions[child].upvals):
                        if u.from_reg and not u.boxed and u.index == ins[1]:
                            refs.setdefault(child, []).append(i)
        return refs

    def generate(self) -> str:
        out = self.lines
        out.append("def __outer():")
        out.append("    fuel = depth = None")
        out.append("    def __module():")
        out.append("        nonlocal fuel, depth")
        # children before parents is not needed: Python resolves names at call time
        for index in range(1, len(self.module.functions)):
            self.gen(self, index).emit(indent=2)
        self.gen(self, 0).emit(indent=2)
        out.append("        return f0")
        out.append("    return __module")
        return "\n".join(out) + "\n"


class FuncGen:
    """Generates one IR function's Python ``def`` (inside its factory).

    The methods here emit Lua's semantics; another language subclasses it and
    overrides what differs (``vm/js/emit.py``), selected by the module's
    language tag."""

    HANDLERS: tuple = ()
    INTRINSICS: frozenset = frozenset()     # names INTRINSIC may use in this language

    def __init__(self, mod: _ModuleGen, index: int):
        self.mod = mod
        self.index = index
        self.fn: Function = mod.module.functions[index]
        self.out = mod.lines
        self.pcs: list[int] = []
        self.pc = 0

    # -- output helpers ----------------------------------------------------------------------
    def line(self, text: str):
        self.out.append("    " * self.indent + text)
        self.pcs.append(self.pc)
        self.block_has_stmt[-1] = True

    def A(self, v: int) -> str:
        """An ``A`` operand as Python: register name or constant literal."""
        return f"r{v}" if v >= 0 else _lit(self.fn.consts[-1 - v])

    def nonnil(self, v: int) -> str:
        """``" and X is not None"`` for a register operand; nothing for a constant
        (constants are never nil)."""
        return "" if v < 0 else f" and r{v} is not None"

    def const_of(self, v: int):
        return self.fn.consts[-1 - v] if v < 0 else None

    # -- the function ---------------------------------------------------------------------
    def emit(self, indent: int):
        fn = self.fn
        name = f"f{self.index}"
        self.mod.func_index[name] = self.index
        self.block_has_stmt = [True]
        self.indent = indent
        # exact parameters (no *args) keep CPython's specialised call path; extra
        # arguments are handled at the call site (see op_CALL)
        params = self.parameters(fn)
        if fn.is_vararg:
            params.append("*va")
        if fn.upvals:
            ups = ", ".join(f"u{i}" for i in range(len(fn.upvals)))
            self.out.append("    " * indent + f"def mk_{name}({ups}):")
            self.out.append("    " * (indent + 1) + f"alloc({40 + 8 * len(fn.upvals)})")
            self.indent += 1
        else:
            self.out.append("    " * indent + f"def mk_{name}():")
            self.out.append("    " * (indent + 1) + "alloc(40)")
            self.indent += 1
        first = len(self.out) + 1          # 1-based line number of the def line
        self.out.append("    " * self.indent + f"def {name}({', '.join(params)}):")
        self.pcs.append(0)
        self.indent += 1
        self.line("nonlocal fuel, depth")
        self.line("depth -= 1")
        unset = self._maybe_unassigned()
        if unset:
            self.line(" = ".join(f"r{r}" for r in unset) + " = None")
        self.uses_jump_flag = self._needs_jump_flag()
        if self.uses_jump_flag:
            self.line("_j = 0")
        self.loops: list[tuple[int, int, bool]] = []   # (opcode, label, is_python_loop)
        self.pending_jumps: list[set] = []             # per python loop: labels of multi-level jumps crossing it
        self.broken_blocks = self._broken_blocks()
        self.int_facts = int_facts(fn)
        self.ints = frozenset()
        self.start_run(0, entry=True)
        code = fn.code
        n = len(code)
        pc = 0
        while pc < n:
            self.pc = pc
            pc = self.instr(pc, code[pc])
        self.indent -= 1
        self.mod.first_lines[self.index] = first
        self.mod.line_pcs[self.index] = self.pcs
        for i in self.mod.self_refs.get(self.index, ()):
            self.out.append("    " * self.indent + f"u{i} = {name}")
        self.out.append("    " * self.indent + f"return {name}")
        self.indent -= 1
        if self.index == 0:
            self.out.append("    " * self.indent + "f0 = mk_f0()")

    def parameters(self, fn: Function) -> list[str]:
        """The Python parameters of *fn* (Lua and JavaScript: a missing
        argument is nil/undefined)."""
        return [f"r{i}=None" for i in range(fn.nparams)]

    def _maybe_unassigned(self) -> list[int]:
        """Registers that might be read before Python sees them assigned: those
        first read before written in code order, or first written inside a
        region.  They start as None so Python never raises UnboundLocalError."""

        seen = set(range(self.fn.nparams))
        need = set()
        depth = 0
        for ins in self.fn.code:
            op = ins[0]
            reads, writes = registers(ins)
            for r in reads:
                if r not in seen:
                    need.add(r)
                    seen.add(r)
            for r in writes:
                if r not in seen:
                    seen.add(r)
                    if depth:
                        need.add(r)
            if OPCODES[op].flags & OPENS or op == Op.IF:
                depth += 1
            elif op == Op.END:
                depth -= 1
        return sorted(need)

    def _needs_jump_flag(self) -> bool:
        return any(ins[0] in (Op.BREAK, Op.CONTINUE) for ins in self.fn.code)

    def _broken_blocks(self) -> set[int]:
        return {ins[1] for ins in self.fn.code if ins[0] == Op.BREAK}

    # -- fuel runs ----------------------------------------------------------------------------
    def start_run(self, pc: int, extra: int = 0, entry: bool = False):
        """Charge the straight-line run starting at *pc* (plus *extra*, e.g. a FOR's
        per-iteration cost).  At function *entry* one test covers both counters."""
        cost = extra
        code = self.fn.code
        start = pc
        while pc < len(code):
            op = code[pc][0]
            spec = OPCODES[op]
            if spec.flags & (OPENS | SPLITS) or op == Op.END:
                break
            cost += spec.fuel
            if op in (Op.IF, Op.RETURN, Op.THROW) or spec.flags & JUMP:
                break
            pc += 1
        saved, self.pc = self.pc, min(start, max(len(code) - 1, 0))   # a trip reports the run's first instruction
        if cost:
            self.line(f"fuel -= {cost}")
            self.line("if fuel < 0 or depth < 0: enter()" if entry else "if fuel < 0: refuel()")
        elif entry:
            self.line("if depth < 0: too_deep()")
        self.pc = saved

    # -- instructions ----------------------------------------------------------------------
    def instr(self, pc: int, ins: tuple) -> int:
        op = ins[0]
        self.ints = self.int_facts[pc]
        handler = self.HANDLERS[op]
        nxt = handler(self, pc, *ins[1:])
        return pc + 1 if nxt is None else nxt

    # data movement
    def op_MOVE(self, pc, a, b):
        self.line(f"r{a} = r{b}")

    def op_LOAD_CONST(self, pc, a, k):
        self.line(f"r{a} = {_lit(self.fn.consts[k])}")

    def op_LOAD_NIL(self, pc, a):
        self.line(f"r{a} = None")

    def op_LOAD_BOOL(self, pc, a, b):
        self.line(f"r{a} = {bool(b)}")

    def op_LOAD_GLOBAL(self, pc, a, k):
        name = repr(self.fn.consts[k])
        self.line(f"r{a} = Gh.get({name})")
        self.line(f"if r{a} is None and G.meta is not None: r{a} = gget({name})")

    def op_LOAD_ENV(self, pc, a):
        self.line(f"r{a} = G")

    def op_STORE_GLOBAL(self, pc, k, b):
        name = repr(self.fn.consts[k])
        v = self.A(b)
        self.line(f"if G.meta is None{self.nonnil(b)}: Gh[{name}] = {v}")
        self.line(f"else: gset({name}, {v})")

    def op_BOX(self, pc, a, b):
        self.line(f"r{a} = [r{b}]")

    def op_LOAD_BOX(self, pc, a, b):
        self.line(f"r{a} = r{b}[0]")

    def op_STORE_BOX(self, pc, a, b):
        self.line(f"r{a}[0] = {self.A(b)}")

    def op_LOAD_UPVAL(self, pc, a, u):
        self.line(f"r{a} = u{u}[0]" if self.fn.upvals[u].boxed else f"r{a} = u{u}")

    def op_STORE_UPVAL(self, pc, u, b):
        self.line(f"u{u}[0] = {self.A(b)}")

    def op_CLOSURE(self, pc, a, f):
        child = self.fn.children[f]
        ups = self.mod.module.functions[child].upvals
        selfref = self.mod.self_refs.get(child, ())
        caps = ", ".join("None" if i in selfref else f"r{u.index}" if u.from_reg else f"u{u.index}"
                         for i, u in enumerate(ups))
        self.line(f"r{a} = mk_f{child}({caps})")

    def op_VARARG(self, pc, a, c):
        if c == -1:
            self.line(f"r{a} = va")
        elif c == 1:
            self.line(f"r{a} = va[0] if va else None")
        elif c > 1:
            targets = ", ".join(f"r{a + i}" for i in range(c))
            self.line(f"{targets} = adjust(va, {c})")

    # tables
    def op_NEW_TABLE(self, pc, a, b, c):
        self.line(f"r{a} = new_table({b}, {c})")

    def op_GET_INDEX(self, pc, a, b, c):
        k = self.A(c)
        kc = self.const_of(c)
        if type(kc) is int and kc > 0:
            self.line(f"if type(r{b}) is Table and {kc} < len(r{b}.arr) and r{b}.arr[{kc}] is not None: "
                      f"r{a} = r{b}.arr[{kc}]")
            self.line(f"else: r{a} = idx(r{b}, {k})")
            return
        self.line(f"if type(r{b}) is Table:")
        if c >= 0:          # a register key: an integer reads the array part inline
            self.line(f"    _a = r{b}.arr")
            self.line(f"    _v = _a[{k}] if {self._int_guard(c)} and 0 < {k} < len(_a) else r{b}.get({k})")
        else:
            self.line(f"    _v = r{b}.get({k})")
        self.line(f"    r{a} = _v if _v is not None or r{b}.meta is None else idx(r{b}, {k})")
        self.line(f"else: r{a} = idx(r{b}, {k})")

    def _get_field(self, a, obj, key):
        self.line(f"if type({obj}) is Table:")
        self.line(f"    _v = {obj}.hash.get({key})")
        self.line(f"    r{a} = _v if _v is not None or {obj}.meta is None else inherited({obj}, {key})")
        self.line(f"elif type({obj}) is str: r{a} = strfield({obj}, {key})")
        self.line(f"else: r{a} = idx({obj}, {key})")

    def op_GET_FIELD(self, pc, a, b, k):
        self._get_field(a, f"r{b}", repr(self.fn.consts[k]))

    def op_SELF(self, pc, a, b, k):
        self.line(f"_o = r{b}")
        self.line(f"r{a + 1} = _o")
        self._get_field(a, "_o", repr(self.fn.consts[k]))

    def op_SET_INDEX(self, pc, a, b, c):
        """Raw stores into the array part inline: an existing slot, or the next
        one when the hash part has nothing to move over (``t[#t + 1] = v``)."""
        k, v = self.A(b), self.A(c)
        self.line(f"if type(r{a}) is Table and r{a}.meta is None and type({k}) is int{self.nonnil(c)}:")
        self.line(f"    _a = r{a}.arr")
        self.line(f"    if 0 < {k} < len(_a): _a[{k}] = {v}")
        self.line(f"    elif {k} == len(_a) and not r{a}.hash: _a.append({v}); alloc(16, 0)")
        self.line(f"    else: setidx(r{a}, {k}, {v})")
        self.line(f"else: setidx(r{a}, {k}, {v})")

    def op_SET_FIELD(self, pc, a, k, c):
        """A raw store when no metamethod can intervene: the key is there, or the
        table has no metatable (a new key then costs a slot, as ``rawset`` charges)."""
        key, v = repr(self.fn.consts[k]), self.A(c)
        self.line(f"if type(r{a}) is Table{self.nonnil(c)}:")
        self.line(f"    _h = r{a}.hash")
        self.line(f"    if {key} in _h: _h[{key}] = {v}")
        self.line(f"    elif r{a}.meta is None: _h[{key}] = {v}; r{a}._order = None; alloc(16, 0)")
        self.line(f"    else: setidx(r{a}, {key}, {v})")
        self.line(f"else: setidx(r{a}, {key}, {v})")

    def op_SET_LIST(self, pc, a, b, c, d):
        vals = [f"r{a + 1 + i}" for i in range(c)]
        if d:
            vals[-1] = "*" + vals[-1]
        self.line(f"setlist(r{a}, {b}, ({', '.join(vals)}{',' if len(vals) == 1 else ''}))")

    # arithmetic
    def _int_guard(self, *vs: int) -> str:
        """The test that operands *vs* are ints, leaving out those the type
        analysis (:mod:`.typeinfo`) proved to be: ``"True"`` when all are."""
        for v in vs:
            if v < 0 and type(self.const_of(v)) is not int:
                return "False"
        checks = [f"type(r{v}) is int" for v in vs if v >= 0 and v not in self.ints]
        return " and ".join(checks) or "True"

    def _overflow_check(self, name, b, c, r) -> str:
        """The cheapest test that catches 64-bit overflow of ``B op C``: adding
        or subtracting a constant can only cross one end of the range."""
        k = self.const_of(c) if c < 0 else (self.const_of(b) if b < 0 and name == "ADD" else None)
        if type(k) is int and name in ("ADD", "SUB"):
            up = (k > 0) == (name == "ADD")
            if k == 0:
                return ""
            return f"if {r} > {MAXI}: {r} = wrap({r})" if up else f"if {r} < {MINI}: {r} = wrap({r})"
        return _RANGE.format(r=r)

    def _arith(self, name, a, b, c):
        x, y = self.A(b), self.A(c)
        guard = self._int_guard(b, c)
        if name in ("ADD", "SUB", "MUL"):
            sym = _SYMBOL[name]
            check = self._overflow_check(name, b, c, f"r{a}")
            if guard == "True":
                self.line(f"r{a} = {x} {sym} {y}")
                if check:
                    self.line(check)
                return
            self.line(f"if {guard}:")
            self.line(f"    r{a} = {x} {sym} {y}")
            if check:
                self.line("    " + check)
            self.line(f"else: r{a} = arith({name!r}, {x}, {y})")
        elif name in ("BAND", "BOR", "BXOR"):
            sym = _SYMBOL[name]
            if guard == "True":
                self.line(f"r{a} = {x} {sym} {y}")
            else:
                self.line(f"r{a} = {x} {sym} {y} if {guard} else arith({name!r}, {x}, {y})")
        elif name in ("IDIV", "MOD"):
            sym = "//" if name == "IDIV" else "%"
            yc = self.const_of(c)
            pos = "" if type(yc) is int and yc > 0 else f"{y} > 0"
            cond = " and ".join(t for t in (guard if guard != "True" else "", pos) if t)
            if not cond:
                self.line(f"r{a} = {x} {sym} {y}")
            else:
                self.line(f"r{a} = {x} {sym} {y} if {cond} else arith({name!r}, {x}, {y})")
        else:
            self.line(f"r{a} = arith({name!r}, {x}, {y})")

    def unary_operand(self, b: int) -> str:
        """A Python name for a unary operand (a constant gets a temporary, so
        that ``5.isascii()``-like text is never generated)."""
        if b >= 0:
            return f"r{b}"
        self.line(f"_k = {self.A(b)}")
        return "_k"

    def op_UNM(self, pc, a, b):
        x = self.unary_operand(b)
        self.line(f"if type({x}) is float: r{a} = -{x}")
        self.line(f"elif type({x}) is int and {x} != {MINI}: r{a} = -{x}")
        self.line(f"else: r{a} = arith('UNM', {x}, {x})")

    def op_BNOT(self, pc, a, b):
        x = self.unary_operand(b)
        self.line(f"r{a} = ~{x} if type({x}) is int else arith('BNOT', {x}, {x})")

    def op_NOT(self, pc, a, b):
        if b < 0:
            self.line(f"r{a} = {self.const_of(b) is False}")
        else:
            self.line(f"r{a} = r{b} is None or r{b} is False")

    def op_LEN(self, pc, a, b):
        x = self.unary_operand(b)
        self.line(f"if type({x}) is str and {x}.isascii(): r{a} = len({x})")
        self.line(f"elif type({x}) is Table and {x}.meta is None: r{a} = len({x}.arr) - 1")
        self.line(f"else: r{a} = length({x})")

    def op_CONCAT(self, pc, a, b, c):
        regs = ", ".join(f"r{b + i}" for i in range(c))
        self.line(f"r{a} = concat({regs})")

    # comparison
    def op_EQ(self, pc, a, b, c):
        if b < 0 and c < 0:
            x, y = self.const_of(b), self.const_of(c)
            same = (type(x) is bool) == (type(y) is bool) and (type(x) is str) == (type(y) is str) and x == y
            self.line(f"r{a} = {same}")
            return
        if b < 0:
            b, c = c, b             # constants are never tables: == is symmetric here
        x, y = self.A(b), self.A(c)
        yc = self.const_of(c)
        if type(yc) is str:
            self.line(f"r{a} = {x} == {y}")
        elif type(yc) is bool:
            self.line(f"r{a} = {x} is {y}")
        elif type(yc) is int or (type(yc) is float and yc == yc):
            self.line(f"r{a} = type({x}) is not bool and {x} == {y}")
        else:
            self.line(f"r{a} = {x} == {y} if type({x}) is str or type({x}) is int and type({y}) is int "
                      f"else eq({x}, {y})")

    def _compare(self, name, sym, a, b, c):
        x, y = self.A(b), self.A(c)
        guard = self._int_guard(b, c)
        fn = "lt" if name == "LT" else "le"
        if guard == "True":
            self.line(f"r{a} = {x} {sym} {y}")
        else:
            self.line(f"r{a} = {x} {sym} {y} if {guard} else {fn}({x}, {y})")

    def op_LT(self, pc, a, b, c):
        self._compare("LT", "<", a, b, c)

    def op_LE(self, pc, a, b, c):
        self._compare("LE", "<=", a, b, c)

    # calls
    def _call(self, a, b, d, target: str):
        """``target = R[a](args)`` behind a zero-cost ``try``: a TypeError raised by
        the call itself (not a function; too many arguments) goes to ``callx``,
        which applies Lua's rules or raises the Lua error."""
        args = [f"r{a + 1 + i}" for i in range(b)]
        if d:
            args[-1] = "*" + args[-1]
        args = ", ".join(args)
        assign = f"{target} = " if target else ""
        self.line("try:")
        self.line(f"    {assign}r{a}({args})")
        self.line("except TypeError as _e:")
        self.line(f"    {assign}callx(_e, r{a}{', ' + args if args else ''})")

    def op_CALL(self, pc, a, b, c, d):
        code = self.fn.code
        nxt = code[pc + 1] if pc + 1 < len(code) else None
        if c == -1 and nxt is not None and nxt[0] == Op.RETURN and nxt[1] == a and nxt[2] == 1 and nxt[3] == 1:
            # return f(...): hand the callee's result convention straight through
            self._call(a, b, d, "_v")
            self.mod.tail_calls.setdefault(self.index, set()).add(pc)
            self.pc = pc + 1
            self.line("depth += 1")
            self.line("return _v")
            return pc + 2
        if c == 0:
            self._call(a, b, d, "")
        elif c == 1:
            self._call(a, b, d, f"r{a}")
            self.line(f"if type(r{a}) is tuple: r{a} = r{a}[0] if r{a} else None")
        elif c == -1:
            self._call(a, b, d, f"r{a}")
            self.line(f"if type(r{a}) is not tuple: r{a} = (r{a},)")
        else:
            self._call(a, b, d, "_v")
            targets = ", ".join(f"r{a + i}" for i in range(c))
            self.line(f"{targets} = adjust(_v, {c})")

    def op_RETURN(self, pc, a, b, c):
        self.line("depth += 1")
        if b == 0:
            self.line("return ()")
        elif b == 1:
            self.line(f"return r{a}")
        else:
            vals = [f"r{a + i}" for i in range(b)]
            if c:
                vals[-1] = "*" + vals[-1]
            self.line(f"return ({', '.join(vals)})")

    # structured control flow
    def open_block(self):
        self.indent += 1
        self.block_has_stmt.append(False)

    def close_block(self):
        if not self.block_has_stmt.pop():
            self.out.append("    " * self.indent + "pass")
            self.pcs.append(self.pc)
        self.indent -= 1

    def op_IF(self, pc, a, neg):
        prev = self.fn.code[pc - 1] if pc else None
        boolish = prev is not None and prev[0] in _BOOLISH and prev[1] == a
        if boolish:
            self.line(f"if not r{a}:" if neg else f"if r{a}:")
        else:
            self.line(f"if {self.truth_test(a, neg)}:")
        self.loops.append((Op.IF, -1, False))
        self.open_block()
        self.start_run(pc + 1)

    def truth_test(self, a: int, neg: bool) -> str:
        """The Python test of register *a*'s truth (Lua: only nil and false are false)."""
        return f"r{a} is None or r{a} is False" if neg else f"r{a} is not None and r{a} is not False"

    def op_ELSE(self, pc):
        self.close_block()
        self.line("else:")
        self.open_block()
        self.start_run(pc + 1)

    def op_BLOCK(self, pc, label):
        is_loop = label in self.broken_blocks
        self.loops.append((Op.BLOCK, label, is_loop))
        if is_loop:
            self.line("while True:")
            self.open_block()
            self.pending_jumps.append(set())
        self.start_run(pc + 1)

    def op_LOOP(self, pc, label):
        self.loops.append((Op.LOOP, label, True))
        self.line("while True:")
        self.open_block()
        self.pending_jumps.append(set())
        self.start_run(pc + 1, OPCODES[Op.LOOP].fuel)

    def op_FOR_NUM(self, pc, label, b):
        self.loops.append((Op.FOR_NUM, label, True))
        self.line(f"for r{b + 3} in forprep(r{b}, r{b + 1}, r{b + 2}):")
        self.open_block()
        self.pending_jumps.append(set())
        self.start_run(pc + 1, OPCODES[Op.FOR_NUM].fuel)

    def op_FOR_IN(self, pc, label, b, c):
        self.loops.append((Op.FOR_IN, label, True))
        targets = ", ".join(f"r{b + 3 + i}" for i in range(c))
        self.line(f"for {targets} in {self.for_in_source(b, c)}:")
        self.open_block()
        self.pending_jumps.append(set())
        self.start_run(pc + 1, OPCODES[Op.FOR_IN].fuel)

    def op_END(self, pc):
        op, label, is_loop = self.loops.pop()
        if op == Op.BLOCK and is_loop:
            self.line("break")
        if op != Op.BLOCK or is_loop:       # a BLOCK nothing breaks out of is no Python block
            self.close_block()
        if op == Op.TBC:
            self._close_tbc(label)
        if is_loop:
            crossing = self.pending_jumps.pop()
            if crossing:
                self._after_loop_dispatch(crossing)
        self.start_run(pc + 1)

    def _after_loop_dispatch(self, crossing: set):
        """After a Python loop that multi-level jumps left: finish or pass them on."""
        self.line("if _j:")
        self.open_block()
        inner_py = [entry for entry in self.loops if entry[2]]
        here = inner_py[-1] if inner_py else None
        for code in sorted(crossing):
            label, is_continue = code >> 1, code & 1
            if here is not None and here[1] == label:
                self.line(f"if _j == {code}:")
                self.line("    _j = 0")
                self.line("    continue" if is_continue else "    break")
            else:
                self.pending_jumps[-1].add(code)
        if any(here is None or here[1] != (code >> 1) for code in crossing):
            self.line("break")
        self.close_block()

    def _jump(self, pc, label, is_continue):
        py_loops = [entry for entry in self.loops if entry[2]]
        if py_loops and py_loops[-1][1] == label:
            self.line("continue" if is_continue else "break")
            return
        code = label * 2 + (1 if is_continue else 0)
        self.line(f"_j = {code}")
        self.line("break")
        # every Python loop between here and the target must pass the jump on
        self.pending_jumps[-1].add(code)

    def op_TBC(self, pc, label, b):
        name = next((lv.name for lv in self.fn.locvars if lv.reg == b and lv.start <= pc + 1 < lv.end), "?")
        self.line(f"tbc_check(r{b}, {name!r})")
        self.line(f"_t{label} = 0")
        self.line("try:")
        self.loops.append((Op.TBC, label, False))
        self.open_block()
        self.start_run(pc + 1, OPCODES[Op.TBC].fuel)

    def _close_tbc(self, label):
        """However a TBC region is left, ``__close`` runs — with the error value
        when a script error leaves it, never when a limit does (the spell is over)."""
        reg = next(ins[2] for ins in self.fn.code if ins[0] == Op.TBC and ins[1] == label)
        self.line("except ScriptThrow as _e:")
        self.line(f"    _t{label} = 1")
        self.line(f"    tbc_close(r{reg}, _e)")
        self.line("except BaseException:")
        self.line(f"    _t{label} = 1")
        self.line("    raise")
        self.line("finally:")
        self.line(f"    if not _t{label}: tbc_close(r{reg}, None)")

    def op_TRY(self, pc, a):
        self.loops.append((Op.TRY, a, False))
        self.line("try:")
        self.open_block()
        self.start_run(pc + 1)

    def op_CATCH(self, pc):
        reg = self.loops[-1][1]
        self.close_block()
        self.line("except ScriptThrow as _e:")
        self.open_block()
        self.line(f"r{reg} = caught(_e)")
        self.start_run(pc + 1)

    def op_FINALLY(self, pc):
        self.close_block()
        self.line("finally:")
        self.open_block()
        self.line("stuck()")            # a crossed limit goes on, whatever the finally part does
        self.start_run(pc + 1)

    def op_THROW(self, pc, a):
        self.line(f"raise throw({self.A(a)})")

    def op_INTRINSIC(self, pc, a, k, c, d):
        name = self.fn.consts[k]
        if name not in self.INTRINSICS:
            raise CompileError(f"unknown intrinsic {name!r} for {self.mod.module.lang}", self.fn.spans[pc])
        args = ", ".join(f"r{c + i}" for i in range(d))
        self.line(f"r{a} = ix_{name}({args})")

    def for_in_source(self, b: int, c: int) -> str:
        """What FOR_IN iterates (Lua's generic for: the iterator triple)."""
        return f"forin(r{b}, r{b + 1}, r{b + 2}, {c})"

    def op_BREAK(self, pc, label):
        self._jump(pc, label, False)

    def op_CONTINUE(self, pc, label):
        self._jump(pc, label, True)


#: Python operators of the binary ops whose int fast path is Python's own operator
_SYMBOL = {"ADD": "+", "SUB": "-", "MUL": "*", "BAND": "&", "BOR": "|", "BXOR": "^"}


def _make_arith_handler(name):
    def handler(self, pc, a, b, c):
        self._arith(name, a, b, c)
    return handler


def handler_table(gen: type) -> tuple:
    """*gen*'s ``op_NAME`` method for every opcode, in opcode order (a
    language's generator subclasses :class:`FuncGen` and overrides some)."""
    table = []
    for spec in OPCODES:
        h = getattr(gen, f"op_{spec.name}", None)
        if h is None and BY_NAME[spec.name] in ARITH:
            h = _make_arith_handler(spec.name)
        if h is None:
            raise AssertionError(f"no code generator for opcode {spec.name}")
        table.append(h)
    return tuple(table)


FuncGen.HANDLERS = handler_table(FuncGen)


class OneResultFuncGen(FuncGen):
    """What JavaScript and Tengo share: every function returns exactly one value,
    truth is the runtime's ``truthy``, and some of Lua's instructions never occur
    (a code generator bug if they do)."""

    LANGUAGE = ""

    def fail(self, what: str):
        raise CompileError(f"{what} is not used by {self.LANGUAGE} code (a code generator bug)",
                           self.fn.spans[self.pc] if self.fn.spans else self.fn.span)

    def truth_test(self, a: int, neg: bool) -> str:
        return f"not truthy(r{a})" if neg else f"truthy(r{a})"

    def _type_guard(self, operands: tuple, t: type) -> str:
        """The test that *operands* are all of type *t* (not int: see
        ``_int_guard``), "False" when a constant or a proven int is not."""
        checks = []
        for v in operands:
            if v < 0:
                if type(self.const_of(v)) is not t:
                    return "False"
            elif v in self.ints:
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

    def op_RETURN(self, pc, a, b, c):
        if b > 1 or c:
            self.fail("RETURN of several values")
        self.line("depth += 1")
        self.line(f"return r{a}" if b == 1 else "return None")

    def op_FOR_NUM(self, pc, label, b):
        self.fail("FOR_NUM")

    def op_TBC(self, pc, label, b):
        self.fail("TBC")
