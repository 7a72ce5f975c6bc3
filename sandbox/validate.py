"""``llmspell check``: what a spell would do wrong, found without running it.

The analysis reads the IR, not a syntax tree, so one analysis serves Lua,
JavaScript and Tengo alike (DESIGN §8).  It follows each function's registers
forward (an abstract interpretation with a deliberately small domain): constants,
globals and their members (``string.format``, ``llm.complete``), literal tables
(``NEW_TABLE``/``SET_FIELD``/``SET_LIST`` and the array/map intrinsics), closures,
and the bridge objects a call creates (an agent, a state, a workflow with the
steps added to it).  Control flow is handled the simple, sound way: a register
written inside an ``IF``/loop/``TRY`` region is unknown after it, a loop forgets
at its start what its body writes, and a table or workflow changed inside a
region deeper than the one that made it — or handed to code the analysis does
not follow — is *open*: only what is certainly there is judged.

What it reports (each a :class:`Finding` with a stable ``code``):

``unknown-global``      a name no library, bridge or statement of the spell defines
``unknown-member``      ``string.formt``, ``Math.floo``, ``text.re_mach`` (a module or library)
``unknown-function``    ``llm.completion``: a bridge namespace has no such function
``unknown-method``      ``wf:ad_step``: a bridge object has no such method
``bad-argument``        a literal argument that breaks the bridge's schema
``unknown-field``       a literal option that is no field of it (``temprature``)
``unknown-tool``        a tool neither built in nor registered by the spell
``template``            a workflow ``{{ref}}`` naming no step or input, or one not run yet
``permission``          a capability the policy does not grant (a model, a path, a host ...)
``disabled``            a builtin or module the policy takes away
``unknown-module``      ``require("lib")`` / ``import … from "./lib.js"`` finds no file
``unknown-export``      a name the imported module does not export (``lib.gret``, ``import { gret }``)

Imports are followed through an ``imports`` callable the caller passes (it
knows the file system; this module does not): it answers a module name with
the names the module exports — found by analysing that module the same way —
or says why there is none.

The knowledge of the bridges and the languages' libraries comes from a
:class:`Catalog` the caller passes in (``bridges/static.py`` builds it from the
one registry and from each runtime's own globals), so this module depends on
the IR and the policy only.
"""
from __future__ import annotations

import difflib

import attrs

from ..ir.errors import LlmspellError
from ..ir.opcodes import OPCODES, OPENS, SPLITS, Op, registers
from ..ir.source import Span
from .unknown import UNKNOWN, OpenList, OpenTable, Static


class Finding(LlmspellError):
    """One problem ``llmspell check`` found; ``code`` names its kind (see the module doc)."""

    kind = "check"

    def __init__(self, code: str, message: str, span: Span, hint: str | None = None):
        super().__init__(message, span, hint)
        self.code = code

    def headline(self) -> str:
        return f"{self.span}: {self.code}: {self.message}"

    def to_json(self) -> dict:
        s = self.span
        return {"code": self.code, "message": self.message, "hint": self.hint, "file": s.file,
                "line": s.line, "col": s.col, "end_line": s.end_line or s.line, "end_col": s.end_col or s.col}


class Catalog:
    """What the analysis knows about the world outside the spell; the bridges
    implement it (``bridges/static.py``).  Arguments passed to the callables
    are plain data with :class:`Static`, :class:`OpenTable` and
    :class:`OpenList` standing for what is not known."""

    globals: dict           # name -> set of member names, or None (not a namespace)
    bridges: dict           # bridge namespace -> its function names
    methods: dict           # bridge object kind -> its method names
    makes: dict             # intrinsic -> the kind of bridge object its call returns
    modules: dict           # importable module (Tengo) -> its member names
    tools: dict             # built-in tool -> destructive?

    def check_call(self, name: str, args: list) -> str | None:
        """Why these arguments break intrinsic *name*'s schema, or None."""
        raise NotImplementedError

    def stray_fields(self, name: str, args: list) -> list[tuple[str, str]]:
        """(key, known field it is probably a misspelling of) in the argument tables."""
        raise NotImplementedError

    def capability(self, name: str, args: list) -> str | None:
        """The capability a call to intrinsic *name* needs, if the arguments decide it."""
        raise NotImplementedError

    def tool_call(self, name: str, args) -> tuple[str | None, list[str]]:
        """Calling built-in tool *name* with *args* (a table, None if unknown):
        why the arguments break its schema (or None), and the capabilities it needs."""
        raise NotImplementedError

    def tool_args(self, name: str, values: list):
        """The arguments table of a direct call ``tools.NAME(...)``."""
        raise NotImplementedError

    def workflow_problems(self, spec: dict, steps: list, inputs) -> list[tuple[int, str]]:
        """(step index, problem) for every template of a workflow's *steps* that
        names nothing it can see; *inputs* is the set of input names, None if unknown."""
        raise NotImplementedError


# -- the abstract values -----------------------------------------------------------------------

@attrs.define(eq=False)
class Const:
    value: object


@attrs.define(eq=False)
class Name:
    """A global (``path`` of one name) or a member of one (``("llm", "complete")``)."""

    path: tuple
    via_self: bool = False       # Lua's obj:method(...) passes obj first


@attrs.define(eq=False)
class Lit:
    """A table literal: fields with their values and spans, array items."""

    depth: int
    span: Span
    fields: dict = attrs.Factory(dict)
    items: list = attrs.Factory(list)
    open: bool = False


@attrs.define(eq=False)
class Fn:
    index: int


@attrs.define(eq=False)
class Obj:
    """A bridge object a call returned; a workflow remembers its spec, steps and runs."""

    kind: str
    depth: int
    spec: object = None
    steps: list = attrs.Factory(list)          # (Lit, span) in order
    runs: list = attrs.Factory(list)           # the input names of each run (None: not known)
    escaped: bool = False


@attrs.define(eq=False)
class Method:
    obj: Obj
    name: str
    via_self: bool = False


@attrs.define(eq=False)
class Module:
    name: str


@attrs.define(eq=False)
class SpellModule:
    """An imported spell module; ``names``: what it exports (None: not known)."""

    spec: str
    names: frozenset | None


#: the INTRINSIC names whose meaning the analysis follows: literals and imports
ARRAY, MAP, IMPORT = "array", "map", "import"
#: JavaScript's module intrinsics (frontends/javascript/lower.py)
JS_IMPORT, JS_BINDING, JS_NAMESPACE, JS_STAR, JS_FROM, JS_DYNAMIC = (
    "import_module", "import_binding", "module_namespace", "export_star", "export_from", "dynamic_import")
#: Lua's standard libraries, which ``require`` returns without a file
LUA_LIBRARIES = frozenset({"_G", "string", "table", "math", "os", "utf8", "coroutine", "io"})
#: languages whose calls pass ``this`` as the first argument (JavaScript: always)
PASSES_THIS = frozenset({"javascript"})
#: the globals that are the global table itself: ``_G.x = 1`` defines ``x``
GLOBAL_TABLES = frozenset({"_G", "_ENV", "globalThis"})
#: functions that may define any global when called (a chunk ``load`` compiles)
DEFINES_GLOBALS = frozenset({"load"})


def _close(word: str, choices) -> str | None:
    found = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.7)
    return f"did you mean '{found[0]}'?" if found else None


class Analysis:
    """Check one module against a catalog and a policy; :meth:`run` returns the findings."""

    def __init__(self, module, catalog: Catalog, policy, host_globals=(), imports=None):
        self.module = module
        self.catalog = catalog
        self.policy = policy
        self.host_globals = set(host_globals)
        self.imports = imports                    # (spec, span) -> exported names, None or why not found
        self.returns: list = []                   # what the main function returns (its RETURNs)
        self.findings: dict = {}                  # (code, span, message) -> Finding
        self.needs: dict = {}                     # capability -> first span
        # facts gathered over the whole module, judged at the end
        self.global_reads: list = []              # (name, span)
        self.member_reads: list = []              # (global, member, span)
        self.defined_globals: set = set()
        self.defined_members: set = set()
        self.dynamic_globals = False              # _ENV or _G[expr] in use: any name may exist
        self.tool_uses: list = []                 # (name, args or None, span)
        self.registered: dict = {}                # tool the spell registers -> destructive?
        self.dynamic_tools = False                # a tool registered under a computed name
        self.workflows: list = []
        self.upvalues: dict = {}                  # function index -> its upvalues' values

    # -- driver -------------------------------------------------------------------------------
    def run(self) -> list[Finding]:
        pending, seen = [0], set()
        while pending:
            index = pending.pop(0)
            if index in seen:
                continue
            seen.add(index)
            pending += self._function(index)
        for index in range(len(self.module.functions)):      # unreachable ones: nothing known
            if index not in seen:
                self._function(index)
        self._judge()
        self._judge_capabilities()
        return sorted(self.findings.values(), key=lambda f: (f.span.line, f.span.col, f.code, f.message))

    def report(self, code: str, message: str, span: Span, hint: str | None = None):
        self.findings.setdefault((code, span, message), Finding(code, message, span, hint))

    def need(self, capability: str, span: Span):
        self.needs.setdefault(capability, span)

    # -- one function ---------------------------------------------------------------------------
    def _function(self, index: int) -> list[int]:
        """Interpret function *index*; returns the functions it makes closures of."""
        fn = self.module.functions[index]
        self.fn, self.regs, self.made = fn, {}, []
        self.ups = self.upvalues.get(index, {})
        loop_writes = _region_writes(fn.code)
        stack: list = []                          # open regions: the registers written in each
        for pc, ins in enumerate(fn.code):
            op = ins[0]
            spec = OPCODES[op]
            if op == Op.END:
                written = stack.pop() if stack else set()
                for r in written:
                    self.regs.pop(r, None)
                if stack:
                    stack[-1] |= written
                continue
            if spec.flags & SPLITS:             # ELSE, CATCH, FINALLY: the other part knows nothing
                for r in stack[-1] if stack else ():
                    self.regs.pop(r, None)
                continue
            self.span, self.depth, self.pc = fn.spans[pc], len(stack), pc
            if spec.flags & OPENS or op == Op.IF or op == Op.TRY:
                for r in loop_writes.get(pc, ()):
                    self._forget(r)
            self._step(op, ins[1:])
            if stack:
                stack[-1].update(registers(ins)[1])
            if spec.flags & OPENS or op in (Op.IF, Op.TRY):
                stack.append(set())
        return self.made

    def _forget(self, r: int):
        self.regs.pop(r, None)

    def _step(self, op, a):
        regs = self.regs
        fn = self.fn
        if op == Op.MOVE:
            regs[a[0]] = regs.get(a[1])
        elif op == Op.LOAD_CONST:
            regs[a[0]] = Const(fn.consts[a[1]])
        elif op == Op.LOAD_NIL:
            regs[a[0]] = Const(None)
        elif op == Op.LOAD_BOOL:
            regs[a[0]] = Const(bool(a[1]))
        elif op == Op.LOAD_GLOBAL:
            name = fn.consts[a[1]]
            self.global_reads.append((name, self.span))
            regs[a[0]] = Name((name,))
        elif op == Op.LOAD_ENV:
            self.dynamic_globals = True
            regs[a[0]] = None
        elif op == Op.STORE_GLOBAL:
            self.defined_globals.add(fn.consts[a[0]])
            self._escape(self._arg(a[1]))
        elif op == Op.LOAD_UPVAL:
            regs[a[0]] = self.ups.get(a[1])
        elif op == Op.STORE_UPVAL:
            self._escape(self._arg(a[1]))
        elif op == Op.CLOSURE:
            self._closure(a[0], a[1])
        elif op in (Op.GET_FIELD, Op.SELF):
            self._get(a[0], regs.get(a[1]), fn.consts[a[2]], via_self=op == Op.SELF)
            if op == Op.SELF:
                regs[a[0] + 1] = regs.get(a[1])
        elif op == Op.GET_INDEX:
            key = self._arg(a[2])
            if isinstance(key, Const) and type(key.value) is str:
                self._get(a[0], regs.get(a[1]), key.value)
            else:
                regs[a[0]] = None
        elif op == Op.NEW_TABLE:
            regs[a[0]] = Lit(self.depth, self.span)
        elif op == Op.SET_FIELD:
            self._set(regs.get(a[0]), fn.consts[a[1]], self._arg(a[2]))
        elif op == Op.SET_INDEX:
            key = self._arg(a[1])
            if isinstance(key, Const) and type(key.value) is str:
                self._set(regs.get(a[0]), key.value, self._arg(a[2]))
            else:
                self._set(regs.get(a[0]), None, self._arg(a[2]))
        elif op == Op.SET_LIST:
            t, items = regs.get(a[0]), [regs.get(a[0] + 1 + i) for i in range(a[2])]
            if isinstance(t, Lit) and not a[3] and t.depth == self.depth:
                t.items += items
            else:
                self._open(t)
                for v in items:
                    self._escape(v)
        elif op == Op.INTRINSIC:
            self._intrinsic(a[0], fn.consts[a[1]], [regs.get(a[2] + i) for i in range(a[3])])
        elif op == Op.CALL:
            self._call(*a)
        elif op == Op.RETURN and fn is self.module.functions[0]:
            if not (self.pc and fn.code[self.pc - 1][0] == Op.RETURN):   # unreachable: after another
                self.returns.append(regs.get(a[0]) if a[1] >= 1 else Const(None))
        else:
            for r in registers((op, *a))[1]:
                regs[r] = None

    def _arg(self, v):
        """An ``A`` operand: a register's value or a constant."""
        return self.regs.get(v) if v >= 0 else Const(self.fn.consts[-1 - v])

    # -- tables, members and what escapes --------------------------------------------------------
    def _get(self, dest: int, base, key: str, via_self: bool = False):
        out = None
        if isinstance(base, Name):
            if base.path[0] in GLOBAL_TABLES and len(base.path) == 1:
                self.global_reads.append((key, self.span))      # _G.x is the global x
                out = Name((key,), via_self)
            else:
                if len(base.path) == 1:
                    self.member_reads.append((base.path[0], key, self.span))
                out = Name(base.path + (key,), via_self)
        elif isinstance(base, Obj):
            if key not in self.catalog.methods.get(base.kind, ()):
                self.report("unknown-method", f"{base.kind} objects have no method '{key}'", self.span,
                            _close(key, self.catalog.methods.get(base.kind, ())))
            out = Method(base, key, via_self)
        elif isinstance(base, Module):
            members = self.catalog.modules.get(base.name, set())
            if key not in members:
                self.report("unknown-member", f"module '{base.name}' has no member '{key}'", self.span,
                            _close(key, members))
            elif f"{base.name}.{key}" in self.policy.disabled:
                self.report("disabled", self.policy.disabled_message(f"{base.name}.{key}"), self.span)
        elif isinstance(base, SpellModule):
            self._judge_export(base, key)
        elif isinstance(base, Lit) and not base.open and key in base.fields:
            out = base.fields[key][0]
        self.regs[dest] = out

    def _judge_export(self, module: SpellModule, key: str):
        if module.names is not None and key not in module.names:
            self.report("unknown-export", f"module '{module.spec}' exports no '{key}'", self.span,
                        _close(key, module.names))

    def _set(self, base, key, value):
        if isinstance(base, Name):
            if len(base.path) == 1 and base.path[0] in GLOBAL_TABLES:
                if key is None:
                    self.dynamic_globals = True
                else:
                    self.defined_globals.add(key)
            elif len(base.path) == 1 and key is not None:
                self.defined_members.add((base.path[0], key))
        elif isinstance(base, Lit) and key is not None and not base.open and base.depth == self.depth:
            base.fields[key] = (value, self.span)
            return                              # the value lives on in a table we follow
        else:
            self._open(base)
        self._escape(value)

    def _open(self, v):
        if isinstance(v, Lit):
            v.open = True
        elif isinstance(v, Obj):
            v.escaped = True

    def _escape(self, v):
        """*v* reaches code the analysis does not follow: it may change there."""
        if isinstance(v, Lit):
            if not v.open:
                v.open = True
                for x, _ in v.fields.values():
                    self._escape(x)
                for x in v.items:
                    self._escape(x)
        elif isinstance(v, Obj):
            v.escaped = True
        elif isinstance(v, Name) and v.path in ((g,) for g in GLOBAL_TABLES | DEFINES_GLOBALS):
            self.dynamic_globals = True         # rawset(_G, k, v), or a chunk load() runs

    def _closure(self, dest: int, index: int):
        child = self.module.functions[self.fn.children[index]]
        values = {}
        for i, up in enumerate(child.upvals):
            v = self.regs.get(up.index) if up.from_reg else self.ups.get(up.index)
            self._escape(v)                     # the closure may change it whenever it runs
            if not up.boxed:
                values[i] = v
        self.upvalues[self.fn.children[index]] = values
        self.made.append(self.fn.children[index])
        self.regs[dest] = Fn(self.fn.children[index])

    def _intrinsic(self, dest: int, name: str, args: list):
        out = None
        if name == ARRAY:
            out = Lit(self.depth, self.span, items=list(args))
        elif name == MAP and len(args) % 2 == 0:
            out = Lit(self.depth, self.span)
            for k, v in zip(args[::2], args[1::2]):
                if isinstance(k, Const) and type(k.value) is str:
                    out.fields[k.value] = (v, self.span)
                else:
                    out.open = True
                    self._escape(v)
        elif name == IMPORT and args and isinstance(args[0], Const) and args[0].value in self.catalog.modules:
            module = args[0].value
            problem = self.policy.module_problem(module)
            if problem:
                self.report("disabled", problem, self.span)
            out = Module(module)
        elif name in (IMPORT, JS_IMPORT) and args and isinstance(args[0], Const) and type(args[0].value) is str:
            out = self._import(args[0].value)
        elif name == JS_DYNAMIC and args and isinstance(args[0], Const) and type(args[0].value) is str:
            self._import(args[0].value)         # judged; its value is a promise
        elif name == JS_BINDING and len(args) == 2 and isinstance(args[0], SpellModule) \
                and isinstance(args[1], Const):
            self._judge_export(args[0], args[1].value)
        elif name == JS_NAMESPACE:
            out = Lit(self.depth, self.span)
            for k, v in zip(args[::2], args[1::2]):
                out.fields[k.value if isinstance(k, Const) else None] = (v, self.span)
        elif name == JS_STAR and args:
            self._open(args[0])
        elif name == JS_FROM and len(args) == 4 and isinstance(args[0], Lit) and isinstance(args[1], Const):
            args[0].fields[args[1].value] = (None, self.span)      # a re-export: named, value elsewhere
        elif name == "immutable" and args and isinstance(args[0], Lit):
            out = args[0]                       # Tengo's export: the same keys
        else:
            for v in args:
                self._escape(v)
        self.regs[dest] = out

    # -- calls ------------------------------------------------------------------------------------
    def _call(self, a: int, nargs: int, nresults: int, spread: int):
        callee = self.regs.get(a)
        args = [self.regs.get(a + 1 + i) for i in range(nargs)]
        self._escape(callee)                    # calling load() or a table with __call
        if self.module.lang in PASSES_THIS or getattr(callee, "via_self", False):
            args = args[1:]
        out = None
        name = self._intrinsic_of(callee)
        if isinstance(callee, Name) and callee.path == ("require",) and self.module.lang == "lua" \
                and args and isinstance(args[0], Const) and type(args[0].value) is str \
                and args[0].value not in LUA_LIBRARIES:
            out = self._import(args[0].value)
        elif name is not None:
            out = self._bridge_call(name, callee, args, spread)
        elif isinstance(callee, Name) and len(callee.path) == 2 and callee.path[0] == "tools":
            values = [_static(v) for v in args]
            open_ = spread or any(isinstance(v, Static) for v in values)
            self.tool_uses.append((callee.path[1], None if open_ else
                                   self.catalog.tool_args(callee.path[1], values), self.span))
        else:
            for v in args:
                self._escape(v)
        for r in range(a, a + max(nresults, 1)):
            self.regs[r] = None
        self.regs[a] = out

    def _import(self, spec: str):
        """A spell module's abstract value, or an ``unknown-module`` finding."""
        if self.imports is None:
            return None
        names = self.imports(spec, self.span)
        if type(names) is str:
            self.report("unknown-module", names, self.span,
                        "modules load from the spell's folder and the [modules] paths of llmspell.toml")
            return None
        return SpellModule(spec, names)

    def exports(self) -> frozenset | None:
        """The names this module exports, when its main function certainly
        returns one table (Lua), map (Tengo) or namespace (JavaScript) whose
        keys are all known; else None."""
        if len(self.returns) != 1 or not isinstance(self.returns[0], Lit) or self.returns[0].open:
            return None
        keys = self.returns[0].fields
        return None if None in keys else frozenset(keys)

    def _intrinsic_of(self, callee) -> str | None:
        if isinstance(callee, Name) and len(callee.path) == 2:
            ns, fn = callee.path
            if fn in self.catalog.bridges.get(ns, ()) and not (ns == "tools" and fn in self.catalog.tools):
                return f"{ns}.{fn}"
        if isinstance(callee, Method) and callee.name in self.catalog.methods.get(callee.obj.kind, ()):
            return f"{callee.obj.kind}.{callee.name}"
        return None

    def _bridge_call(self, name: str, callee, args: list, spread: int):
        values = [_static(v) for v in args]
        if spread:
            values = values[:-1] + [UNKNOWN]
        problem = self.catalog.check_call(name, values)
        if problem:
            self.report("bad-argument", f"{name}: {problem}", self.span)
        for key, known in self.catalog.stray_fields(name, values):
            self.report("unknown-field", f"{name}: '{key}' is not one of its fields", self.span,
                        f"did you mean '{known}'?")
        cap = self.catalog.capability(name, values)
        if cap is not None:
            self.need(cap, self.span)
        first = args[0] if args else None
        if name == "tools.register":
            self._register(first)
        elif name == "tools.call":
            tool = values[0] if values else UNKNOWN
            if isinstance(tool, str):
                table = values[1] if len(values) > 1 else None
                self.tool_uses.append((tool, None if _unsure(table) else table or {}, self.span))
        elif name == "llm.agent" and isinstance(first, Lit):
            tools = first.fields.get("tools", (None,))[0]
            for item in tools.items if isinstance(tools, Lit) else ():
                if isinstance(item, Const) and type(item.value) is str:
                    self.tool_uses.append((item.value, None, self.span))
        elif isinstance(callee, Method) and callee.obj.kind == "workflow":
            self._workflow_method(callee.obj, callee.name, first, values)
        kind = self.catalog.makes.get(name)
        if kind is None:
            return None
        if name == "workflow.create":
            wf = Obj(kind, self.depth, spec=first)
            steps = first.fields.get("steps", (None,))[0] if isinstance(first, Lit) else None
            if isinstance(steps, Lit):
                wf.steps += [(s, s.span if isinstance(s, Lit) else self.span) for s in steps.items]
                for s in steps.items:
                    self._tool_step(s)
                wf.escaped |= steps.open
            elif steps is not None or not isinstance(first, Lit) or first.open:
                wf.escaped = True
            self.workflows.append(wf)
            return wf
        if name == "workflow.addStep":
            return callee.obj                      # wf:addStep(...) returns wf: chains go on
        return Obj(kind, self.depth)

    def _register(self, spec):
        if not isinstance(spec, Lit):
            self.dynamic_tools = True
            return
        name = spec.fields.get("name", (None,))[0]
        if isinstance(name, Const) and type(name.value) is str:
            destructive = spec.fields.get("destructive", (None,))[0]
            self.registered[name.value] = bool(isinstance(destructive, Const) and destructive.value)
        else:
            self.dynamic_tools = True

    def _tool_step(self, step):
        """A workflow step ``{tool = NAME, params = {...}}`` uses that tool; its
        arguments are known when no template fills them."""
        if not isinstance(step, Lit) or "tool" not in step.fields:
            return
        tool = step.fields["tool"][0]
        if isinstance(tool, Const) and type(tool.value) is str:
            params = _static(step.fields.get("params", (Const(None),))[0])
            known = isinstance(params, dict) and not any("{{" in t for t in _texts(params))
            self.tool_uses.append((tool.value, params if known else None, step.fields["tool"][1]))

    def _workflow_method(self, wf: Obj, method: str, first, values):
        if method == "addStep":
            if self.depth > wf.depth:
                wf.escaped = True
            wf.steps.append((first, self.span))
            self._tool_step(first)
        elif method == "run":
            inputs = values[0] if values else None
            if inputs is None:
                wf.runs.append(set())
            elif isinstance(inputs, dict) and not isinstance(inputs, OpenTable):
                wf.runs.append(set(inputs))
            else:
                wf.runs.append(None)

    # -- judging what was gathered -----------------------------------------------------------------
    def _judge(self):
        cat = self.catalog
        known = set(cat.globals) | set(cat.bridges) | self.host_globals | self.defined_globals
        for name, span in self.global_reads:
            if name in self.policy.disabled:
                self.report("disabled", self.policy.disabled_message(name), span)
            elif name not in known and not self.dynamic_globals:
                self.report("unknown-global", f"unknown global '{name}'", span,
                            _close(name, known) or "define it before use, or check its spelling")
        for ns, key, span in self.member_reads:
            self._judge_member(ns, key, span)
        self._judge_tools()
        for wf in self.workflows:
            self._judge_workflow(wf)

    def _judge_member(self, ns: str, key: str, span: Span):
        cat = self.catalog
        path = f"{ns}.{key}"
        if path in self.policy.disabled:
            self.report("disabled", self.policy.disabled_message(path), span)
            return
        if (ns, key) in self.defined_members or ns in self.defined_globals:
            return
        if ns in cat.bridges:
            if ns != "tools" and key not in cat.bridges[ns]:    # tools.NAME is judged as a tool use
                self.report("unknown-function", f"{ns} has no function '{key}'", span, _close(key, cat.bridges[ns]))
        elif cat.globals.get(ns) is not None and key not in cat.globals[ns]:
            self.report("unknown-member", f"{ns} has no member '{key}'", span, _close(key, cat.globals[ns]))

    def _judge_tools(self):
        cat = self.catalog
        names = set(cat.tools) | set(self.registered)
        for tool, args, span in self.tool_uses:
            if tool in cat.tools:
                problem, needs = cat.tool_call(tool, args)
                if problem:
                    self.report("bad-argument", problem, span)
                for cap in needs:
                    self.need(cap, span)
            elif tool in self.registered:
                self.need(f"tool:{tool}", span)
                if self.registered[tool]:
                    self.need(f"destructive:{tool}", span)
            elif not self.dynamic_tools:
                self.report("unknown-tool", f"unknown tool '{tool}'", span,
                            _close(tool, names) or "register it with tools.register before use")

    def _judge_workflow(self, wf: Obj):
        if wf.escaped or not isinstance(wf.spec, Lit) or wf.spec.open:
            return
        steps = [(_static(s), span) for s, span in wf.steps]
        if any(not isinstance(s, dict) or isinstance(s, OpenTable) for s, _ in steps):
            return
        spec = _static(wf.spec)
        for inputs in wf.runs or [None]:
            for n, problem in self.catalog.workflow_problems(spec, [s for s, _ in steps], inputs):
                self.report("template", problem, steps[n][1])

    # -- the policy ----------------------------------------------------------------------------------
    def capabilities(self) -> list[dict]:
        """Every capability the spell was seen to need: where first, whether
        granted, and the flag and policy-file line that grant it."""
        out = []
        for cap, span in sorted(self.needs.items(), key=lambda kv: (kv[1].line, kv[1].col, kv[0])):
            out.append({"capability": cap, "granted": self.policy.allows(cap), "flag": self.policy.flag_for(cap),
                        "toml": self.policy.toml_for(cap), "line": span.line, "col": span.col})
        return out

    def _judge_capabilities(self):
        for need in self.capabilities():
            if not need["granted"]:
                span = self.needs[need["capability"]]
                self.report("permission", f"needs {need['capability']}", span,
                            f"grant it with {need['flag']}, or {need['toml']}")


def _region_writes(code: list) -> dict:
    """For each loop-opening pc, the registers its body writes (forgotten on entry:
    the body runs again with what the last iteration left)."""
    out, stack = {}, []
    for pc, ins in enumerate(code):
        op = ins[0]
        if op == Op.END:
            if stack:
                start, written = stack.pop()
                if code[start][0] in (Op.LOOP, Op.FOR_NUM, Op.FOR_IN):
                    out[start] = written
                if stack:
                    stack[-1][1].update(written)
            continue
        if stack:
            stack[-1][1].update(registers(ins)[1])
        if OPCODES[op].flags & OPENS or op in (Op.IF, Op.TRY):
            stack.append((pc, set()))
    return out


def _static(v, depth: int = 0):
    """An abstract value as the bridges' checks take it (see :class:`Catalog`)."""
    if isinstance(v, Const):
        return v.value if type(v.value) in (str, int, float, bool) or v.value is None else UNKNOWN
    if isinstance(v, Lit) and depth < 32:         # a table may hold itself
        if v.fields or not v.items:
            t = OpenTable() if v.open or v.items else {}
            for k, (x, _) in v.fields.items():
                t[k] = _static(x, depth + 1)
            return t
        items = [_static(x, depth + 1) for x in v.items]
        return OpenList(items) if v.open else items
    if isinstance(v, Fn):
        return Static("function")
    if isinstance(v, Obj):
        return Static("object", v.kind)
    return UNKNOWN


def _texts(v) -> list:
    if isinstance(v, str):
        return [v]
    if isinstance(v, dict):
        return [t for x in v.values() for t in _texts(x)]
    if isinstance(v, list):
        return [t for x in v for t in _texts(x)]
    return []


def _unsure(v) -> bool:
    return isinstance(v, (Static, OpenTable, OpenList))


def check_module(module, catalog: Catalog, policy, host_globals=(), imports=None):
    """The findings for *module*, the capabilities it needs (for ``--explain``)
    and the names it exports (None: not known)."""
    analysis = Analysis(module, catalog, policy, host_globals, imports)
    return analysis.run(), analysis.capabilities(), analysis.exports()
