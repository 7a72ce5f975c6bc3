"""The public API: ``compile``, ``run``, ``check`` and :class:`Program`.

The command line is a thin layer over these.  ``compile`` turns source into a
verified IR module (through an on-disk cache keyed by the source hash and the
llmspell version — an optimisation that never changes behaviour); a
:class:`Program` compiles its module to Python once and can run it many times,
each run with its own policy, meter and output.
"""
from __future__ import annotations

import hashlib
import io
import os
import pathlib
import tempfile

import attrs

from . import __version__
from .errors import CompileError, InternalError, LlmspellError, UsageError
from .ir.source import Span

LANG_BY_SUFFIX = {".lua": "lua", ".js": "javascript", ".mjs": "javascript", ".tengo": "tengo"}
LANGS = ("lua", "javascript", "tengo")


def lang_for(path: str, lang: str | None = None) -> str:
    if lang:
        lang = {"js": "javascript"}.get(lang, lang)
    else:
        lang = LANG_BY_SUFFIX.get(pathlib.Path(path).suffix.lower())
        if lang is None:
            raise UsageError(f"cannot tell the language of {path!r} from its extension",
                             hint="use --lang lua, or name the file .lua")
    if lang not in LANGS:
        raise UsageError(f"language {lang!r} is not supported yet (supported: {', '.join(LANGS)})")
    return lang


@attrs.define
class RunResult:
    output: str                 # what the spell printed (empty when streamed to a stdout you gave)
    values: list                # the main chunk's return values, as plain Python data
    instructions: int
    alloc_bytes: int
    alloc_objects: int
    journal: list = attrs.Factory(list)     # every bridge call: name, args, result, fuel
    tokens: int = 0                         # LLM tokens used
    cost: float = 0.0                       # LLM cost
    files: list = attrs.Factory(list)       # the module files the run loaded (absolute paths)


def bridges_setup(cassette=None):
    """A runtime setup that puts the bridge namespaces (llm, tools, ...) into a
    run's globals, answering models from *cassette* when given (a runtime
    that already has a host — one made to convert module values — keeps it)."""
    def install(rt) -> None:
        from .bridges import load_all
        from .bridges.host import BridgeHost
        load_all()
        host = getattr(rt, "bridges", None) or BridgeHost(rt)
        host.cassette = cassette
        host.install()
    return install


class Program:
    """A compiled spell: its verified IR module, compiled to Python on first run."""

    def __init__(self, module):
        self.module = module
        self._compiled = None
        #: path -> compiled module: the modules :meth:`link` fixed for every run
        self.pinned: dict = {}

    @property
    def files(self) -> list:
        """The module files :meth:`link` pinned (absolute paths)."""
        return list(self.pinned)

    def link(self, policy=None) -> "Program":
        """Find and compile, now, every module this spell imports by a constant
        name (and theirs), and pin them: later runs use these versions whatever
        becomes of the files — ``llmspell serve`` swaps a spell and its modules
        in together.  Raises what a run's linking would (a missing JavaScript or
        Tengo import, a module that does not compile)."""
        from .modules import Linker
        from .sandbox.policy import Policy
        linker = Linker(self.module, policy or Policy(), None)
        try:
            linker.link(self.module)
        except LlmspellError as e:
            e.source = linker.source_set()
            raise
        self.pinned = dict(linker.linked)
        return self

    @property
    def compiled(self):
        if self._compiled is None:
            from .vm.codegen import compile_module
            try:
                self._compiled = compile_module(self.module, self.module.lang)
            except LlmspellError:
                raise
            except Exception as e:      # a code-generator bug
                raise InternalError.of(e, self.module.functions[0].span) from e
        return self._compiled

    def disasm(self) -> str:
        from .ir.disasm import format_module
        return format_module(self.module)

    def run(self, policy=None, args: tuple = (), stdout=None, record: str | None = None,
            replay: str | None = None) -> RunResult:
        """Run once.  *record*/*replay* name a cassette file of model answers."""
        from .sandbox.policy import Policy
        from .vm.execute import execute
        from .vm.values import to_python
        policy = policy or Policy()
        capture = io.StringIO() if stdout is None else None
        out = capture if capture is not None else stdout
        cassette = None
        if record or replay:
            from .bridges.cassette import Cassette
            from .bridges.host import BridgeFailure
            try:
                cassette = Cassette(record or replay, "record" if record else "replay")
            except BridgeFailure as e:
                raise UsageError(str(e)) from None
        from .modules import Linker
        bridge_setup = bridges_setup(cassette) if cassette is not None else bridges_setup()
        linker = Linker(self.module, policy, out, bridge_setup, pinned=self.pinned)

        def setup(rt):
            if _reaches_bridges(self.module):
                bridge_setup(rt)
            linker.attach(rt)
        try:
            linker.link(self.module)
            outcome = execute(self.compiled, policy, out, args, loader=chunk_loader, setup=setup)
        except LlmspellError as e:
            e.source = linker.source_set()
            e.files = linker.all_files()
            e.journal = linker.journal()
            if capture is not None:
                e.output = capture.getvalue()
            raise
        finally:
            if cassette is not None:
                cassette.save()
        return RunResult(capture.getvalue() if capture is not None else "",
                         [to_python(v) for v in outcome.values],
                         outcome.instructions, outcome.alloc_bytes, outcome.alloc_objects,
                         outcome.journal, outcome.tokens, outcome.cost, linker.all_files())


def chunk_loader(rt):
    """``load`` in a spell: compile a chunk into this run (its globals table given)."""
    def load(source: str, name: str, env):
        module = _frontend(rt.lang)(source, name)
        from .vm.codegen import compile_module
        compiled = compile_module(module, module.lang)
        return compiled.instantiate(rt.helpers(env), {"fuel": rt.meter.fuel, "depth": rt.meter.depth})
    return load


def _frontend(lang: str):
    """The front end of *lang*: ``(source, name, is_module=False) -> IR module``
    (*is_module*: the file is imported — Tengo's ``export`` then gives its value)."""
    if lang == "lua":
        from .frontends.lua.compile import compile_lua
        return lambda source, name, is_module=False: compile_lua(source, name)
    if lang == "javascript":
        from .frontends.javascript.compile import compile_js
        return lambda source, name, is_module=False: compile_js(source, name)
    if lang == "tengo":
        from .frontends.tengo.compile import compile_tengo
        return lambda source, name, is_module=False: compile_tengo(source, name, _host_globals(), is_module)
    raise UsageError(f"language {lang!r} is not supported yet")


def _host_globals() -> tuple:
    """The globals the host gives every spell: the bridge namespaces and ``args``
    (Tengo's compiler refuses any other free name, as tengo's does)."""
    from .bridges import NAMESPACES
    return (*NAMESPACES, "args")


#: globals through which a spell reaches any global by a computed name
_DYNAMIC_GLOBALS = frozenset({"_G", "_ENV", "globalThis", "load"})


def _reaches_bridges(module) -> bool:
    """Whether the spell can reach a bridge namespace: it names one, or it can
    name globals at run time (``_G[k]``, ``_ENV``, ``load``, ``globalThis``,
    JavaScript's ``typeof name``).  A spell that cannot is run without them —
    nothing it can observe changes, and it starts without importing them."""
    from .bridges import NAMESPACES
    from .ir.opcodes import Op
    names = _DYNAMIC_GLOBALS.union(NAMESPACES)
    for fn in module.functions:
        for ins in fn.code:
            op = ins[0]
            if op == Op.LOAD_GLOBAL and fn.consts[ins[2]] in names:
                return True
            if op == Op.LOAD_ENV or (op == Op.INTRINSIC and fn.consts[ins[2]] == "typeof_global"):
                return True
    return False


def _cache_dir() -> pathlib.Path | None:
    if os.environ.get("LLMSPELL_NO_CACHE"):
        return None
    base = os.environ.get("LLMSPELL_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "llmspell")
    return pathlib.Path(base) / "ir"


def compile(source: str, lang: str = "lua", name: str = "<string>", cache: bool = True,
            module: bool = False) -> Program:
    """Parse, lower and verify *source*; raises ParseError/CompileError.
    *module*: compile it as a module another file imports."""
    if lang not in LANGS:
        lang_for(name, lang)
    from .ir import serialize
    key = hashlib.sha256(f"{__version__}\0{serialize.FORMAT_VERSION}\0{_compiler_stamp()}\0{lang}\0{name}\0"
                         f"{int(module)}\0".encode() + source.encode("utf-8", "surrogateescape")).hexdigest()
    cdir = _cache_dir() if cache else None
    if cdir is not None:
        path = cdir / f"{key}.ir"
        try:
            data = path.read_bytes()
        except OSError:
            data = None
        if data is not None:
            try:
                return Program(serialize.loads(data))
            except LlmspellError:
                pass        # a stale or damaged entry: recompile and overwrite it
    try:
        ir_module = _frontend(lang)(source, name, module)
    except LlmspellError as e:
        e.source = _source_file(name, source)
        raise
    except RecursionError:
        raise CompileError("the spell nests too deeply to compile", Span(name, 1, 1),
                            "split deeply nested expressions or blocks into functions") from None
    except Exception as e:          # a front-end bug: still a positioned message, never a traceback
        raise InternalError.of(e, Span(name, 1, 1)) from e
    if cdir is not None:
        _write_atomic(cdir / f"{key}.ir", serialize.dumps(ir_module))
    return Program(ir_module)


_STAMP = None


def _compiler_stamp() -> str:
    """Sizes and mtimes of the compiler's own files: an edited front end (a
    development checkout) must never be served IR its older self produced."""
    global _STAMP
    if _STAMP is None:
        from . import frontends, ir
        parts = []
        for package in (frontends, ir):
            folder = pathlib.Path(package.__file__).parent
            for p in sorted(folder.rglob("*.py")) + sorted(folder.rglob("*.lark")):
                st = p.stat()
                parts.append(f"{p.name}:{st.st_size}:{st.st_mtime_ns}")
        _STAMP = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
    return _STAMP


def _write_atomic(path: pathlib.Path, data: bytes):
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        pass                # the cache is only an optimisation


def run(source: str, lang: str = "lua", *, name: str = "<string>", policy=None,
        args: tuple = (), stdout=None) -> RunResult:
    """Compile and run *source*; returns its output, values and counts."""
    return compile(source, lang, name).run(policy, args, stdout)


def check(source: str, lang: str = "lua", name: str = "<string>", policy=None) -> "CheckReport":
    """Everything ``llmspell check`` finds without running: errors that stop
    the spell compiling, then what :mod:`llmspell.sandbox.validate` finds in
    its IR — judged against *policy* (what the spell would run under)."""
    from .sandbox.policy import Policy
    policy = policy or Policy()
    source_file = _source_file(name, source)
    try:
        program = compile(source, lang, name, cache=False)
        program.compiled            # the VM's compile validates more (JavaScript's regexp literals)
    except LlmspellError as e:
        e.source = source_file
        return CheckReport(name, lang, [e], [])
    from .modules import ImportChecker
    checker = ImportChecker(program.module, policy, _host_globals())
    checker.check(program.module)
    sources = checker.source_set()
    for f in checker.findings:
        f.source = sources
    return CheckReport(name, lang, checker.findings, checker.needs)


@attrs.frozen
class CheckReport:
    """``llmspell check``'s result for one spell: the problems found (each an
    :class:`LlmspellError` with its position) and the capabilities it needs."""

    file: str
    lang: str
    findings: list
    capabilities: list          # {capability, granted, flag, toml, line, col}

    def to_json(self) -> dict:
        return {"file": self.file, "lang": self.lang,
                "findings": [_finding_json(e) for e in self.findings], "capabilities": self.capabilities}


def _finding_json(e) -> dict:
    """A finding, or an error that stopped the compile, in the JSON schema's shape."""
    if hasattr(e, "to_json"):
        return e.to_json()
    s = e.span
    code = {"syntax error": "syntax", "compile error": "compile"}.get(e.kind, "invalid")
    return {"code": code, "message": e.message, "hint": e.hint, "file": s.file, "line": s.line, "col": s.col,
            "end_line": s.end_line or s.line, "end_col": s.end_col or s.col}


def _source_file(name, source):
    from .ir.source import SourceFile
    return SourceFile(name, source)
