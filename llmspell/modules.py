"""Spell modules: where ``require`` (Lua), ``import … from`` (JavaScript) and
``import("./x")`` (Tengo) find a file, and how a run loads it — in any of the
three languages.

**Where.**  A relative name (``./lib``, ``../shared/text``) is looked up from
the importing file's folder; any other name in the spell's folder, then in the
policy's ``[modules] paths``.  A file loads only if its real path lies inside
one of those folders, so neither ``..`` nor a symbolic link reaches anywhere
else.  A name with a spell extension names that file; a name without one
tries the importer's own language first, then the others (``.lua``, ``.js``,
``.mjs``, ``.tengo``).  Lua's dotted names are folders, as in Lua
(``require("lib.text")`` → ``lib/text.lua``).  Tengo's standard modules
(``fmt``, ``text`` …) are not files and never looked up here.

**When.**  JavaScript's and Tengo's imports are static: :meth:`Linker.link`
finds and compiles every one before the spell starts (a missing module is a
compile error at the import, as in node and tengo); Lua's ``require`` is a
function and loads when called (a missing module is an error ``pcall`` can
catch).  Each file is compiled once — the IR cache and an in-process cache of
compiled programs are both keyed by the source's hash — and *run once per
run*, at its first import; later imports get the same value (Lua's
``package.loaded``, an ES module's single instance).  tengo itself runs a
module at every ``import`` expression; llmspell runs it once, so that a module
which calls a model is not charged twice and all three languages agree.  A
cycle is an error naming the chain — except between JavaScript modules, which
may import each other as ES modules may (a module's namespace exists before
its imports run, and its bindings are live).

**Across languages.**  A module in another language than its importer runs in
a runtime of its own language, sharing the run's meter (one budget for every
limit), policy, output and journal.  Its value crosses with the conversion the
bridges use (:mod:`llmspell.bridges.host`): tables, objects and maps become
the importer's tables, objects and maps (copied — changes on one side are not
seen on the other), arrays arrays, and functions stay functions: a call
converts its arguments and its result the same way, an error thrown inside
becomes an error of the caller's language (Tengo, which has no exceptions,
gets an error value), and a JavaScript promise a function returns is awaited.
"""
from __future__ import annotations

import hashlib
import os
import weakref

from .errors import CompileError, LlmspellError
from .ir.source import SourceFile, SourceSet

SUFFIXES = {".lua": "lua", ".js": "javascript", ".mjs": "javascript", ".tengo": "tengo"}
_OWN_FIRST = {"lua": (".lua", ".js", ".mjs", ".tengo"), "javascript": (".js", ".mjs", ".lua", ".tengo"),
              "tengo": (".tengo", ".lua", ".js", ".mjs")}
#: the intrinsic each language's static imports lower to (``import_module``:
#: JavaScript's ``import … from``; ``import``: Tengo's ``import("…")``)
_IMPORT_INTRINSICS = {"javascript": "import_module", "tengo": "import"}

#: compiled modules by (path, source hash): a file edited between runs (watch,
#: serve) is compiled again, an unchanged one never
_PROGRAMS: dict = {}
_PROGRAMS_MAX = 256


class NotFound(Exception):
    """No file for a module name (the message says where it looked)."""


class Linker:
    """One run's modules: resolves names, loads each file once, keeps the
    runtimes of the other languages, and converts values between them."""

    def __init__(self, main_module, policy, out, setup=None, folder: str | None = None, pinned=None):
        """*main_module*: the spell (None for a REPL session, whose *folder*
        — the working folder — stands for the spell's).  *pinned*: path →
        compiled module to use instead of reading the file (``Program.link``)."""
        from .vm.execute import make_runtime
        self._make_runtime = make_runtime
        self.policy = policy
        self.out = out
        self.setup = setup                       # installs the bridges into a runtime
        self.paths: dict = {}                    # span file name -> absolute path
        self.sources: dict = {}                  # span file name -> its text
        main_path = None
        if main_module is not None:
            main_path = _file_path(main_module.name)
            folder = os.path.dirname(main_path) if main_path else None
            self.paths[main_module.name] = main_path
            self.sources[main_module.name] = main_module.source_file
        self.folder = os.path.realpath(folder) if folder else None
        self.roots = ([self.folder] if self.folder else []) + [os.path.realpath(d) for d in policy.module_paths]
        self.main = None                         # the spell's runtime (attach)
        self.runtimes: dict = {}                 # lang -> runtime
        self.bridged: set = set()                # languages whose runtime has the bridges installed
        self.instances: dict = {}                # path -> the module's value in its own runtime
        self.adopted: dict = {}                  # (path, importer lang) -> the value importers see
        self.main_path = os.path.realpath(main_path) if main_path else None
        self.loading: list = []                  # paths whose bodies are running (cycle check)
        self.partial: dict = {}                  # path -> a JavaScript module's namespace, made
                                                 # before its imports run (what a cycle gets)
        self.files: list = []                    # every module file this run loaded, in load order
        self.linked: dict = {}                   # path -> Program, compiled by link() (or pinned)
        for path, program in (pinned or {}).items():
            self._register(path, program.module)
            self.linked[path] = program

    # -- before the run --------------------------------------------------------------------------
    def link(self, module):
        """Find and compile every module *module* imports by a constant name
        (and theirs).  For JavaScript and Tengo, whose imports are static, a
        missing file or a syntax error in one is reported at its import before
        anything runs; Lua's ``require("name")`` is only compiled ahead — a
        problem with it stays the ``require``'s, when (and if) it runs."""
        for spec, span, optional in static_imports(module):
            importer = self.paths.get(span.file)
            try:
                path, lang = self.resolve(spec, importer, module.lang)
                if path in self.linked:
                    continue
                program = self.program(path, lang)
            except NotFound as e:
                if optional:
                    continue
                raise CompileError(str(e), span, hint=self.hint()) from None
            except LlmspellError:
                if optional:
                    continue
                raise
            self.linked[path] = program
            self.link(program.module)

    def hint(self) -> str:
        return ("modules load from the spell's folder and the [modules] paths of llmspell.toml; "
                "a relative name (./lib) from the importing file's folder")

    def attach(self, rt):
        """The spell's own runtime, before the spell starts (with the bridges
        if the spell reaches them)."""
        self.main = rt
        self.runtimes[rt.lang] = rt
        rt.imports = self
        if getattr(rt, "bridges", None) is not None:
            self.bridged.add(rt.lang)

    def source_set(self) -> SourceSet:
        """The spell's and every loaded module's text, for error excerpts."""
        return SourceSet(dict(self.sources))

    def journal(self) -> list:
        """The bridge calls the run has made so far (for a run that failed)."""
        host = getattr(self.main, "bridges", None)
        return list(host.journal) if host is not None else []

    def all_files(self) -> list:
        """Every module file this run linked or loaded (what ``watch`` watches)."""
        return list(dict.fromkeys([*self.linked, *self.files]))

    # -- resolution ------------------------------------------------------------------------------
    def resolve(self, spec: str, importer: str | None, lang: str) -> tuple[str, str]:
        """The real path and language of the file *spec* names, imported from
        the file at *importer* (an absolute path, or None for a spell without one)."""
        if not self.roots:
            raise NotFound(f"module '{spec}' not found: the spell has no folder and the policy "
                           "names no [modules] paths")
        ext = os.path.splitext(spec)[1].lower()
        name = spec
        if lang == "lua" and ext not in SUFFIXES and not spec.startswith("."):
            name = spec.replace(".", "/")         # Lua's dotted module names are folders
        relative = spec.startswith("./") or spec.startswith("../")
        if relative:       # from the importing file's folder (a spell with no file: the spell's folder)
            bases = [os.path.dirname(importer)] if importer else [self.folder] if self.folder else []
        else:
            bases = self.roots
        suffixes = ("",) if ext in SUFFIXES else _OWN_FIRST[lang]
        tried = []
        for base in bases:
            for suffix in suffixes:
                candidate = os.path.normpath(os.path.join(base, name + suffix))
                tried.append(candidate)
                if os.path.isfile(candidate):
                    real = os.path.realpath(candidate)
                    if not any(real == r or real.startswith(r + os.sep) for r in self.roots):
                        raise NotFound(f"module '{spec}' is outside the module folders ({real})")
                    return real, SUFFIXES[os.path.splitext(real)[1].lower()]
        shown = ", ".join(_shown(p) for p in tried[:8]) + (" …" if len(tried) > 8 else "")
        raise NotFound(f"module '{spec}' not found (looked for {shown})")

    def program(self, path: str, lang: str):
        """The compiled module at *path* (from the cache when its source is unchanged)."""
        from .api import compile as compile_source
        try:
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                source = f.read()
        except OSError as e:
            raise NotFound(f"cannot read module {path}: {e.strerror}") from None
        name = _shown(path)
        self.paths[name] = path
        self.sources[name] = SourceFile(name, source)        # before compiling: its errors show it
        key = (path, name, hashlib.sha256(source.encode("utf-8", "surrogateescape")).hexdigest())
        program = _PROGRAMS.get(key)
        if program is None:
            program = compile_source(source, lang, name, module=True)
            if len(_PROGRAMS) >= _PROGRAMS_MAX:
                _PROGRAMS.pop(next(iter(_PROGRAMS)))
            _PROGRAMS[key] = program
        return program

    def _register(self, path: str, module):
        """Where a module's spans point: its path (for relative imports) and its text."""
        self.paths[module.name] = path
        self.sources[module.name] = module.source_file

    # -- during the run --------------------------------------------------------------------------
    def load(self, rt, spec: str, with_path: bool = False):
        """``require``/``import``: the value of module *spec* for importer *rt*
        (*with_path*: and, on its first load, the file — Lua's loader data)."""
        here = rt.locate()
        importer = self.paths.get(here.file) if here is not None else None
        try:
            path, lang = self.resolve(spec, importer, rt.lang)
        except NotFound as e:
            rt.error(str(e))
        key = (path, rt.lang)
        value = self.adopted.get(key)
        if value is not None:
            return value
        own = self.instance(rt, spec, path, lang)
        if lang != rt.lang:
            own = self.convert(own, self.runtimes[lang], rt)
        value = self.adopted[key] = rt.adopt_module(own, lang == rt.lang)
        return (value, _shown(path)) if with_path else value

    def instance(self, importer, spec: str, path: str, lang: str):
        """Run module *path* (once per run) and return its value in its own language."""
        if path in self.instances:
            return self.instances[path]
        if path in self.loading or path == self.main_path:
            if path in self.partial and lang == importer.lang == "javascript":
                return self.partial[path]       # ES modules allow cycles: the namespace, still filling
            running = self.loading[self.loading.index(path):] if path in self.loading else [path, *self.loading]
            chain = " → ".join(_shown(p) for p in running + [path])
            importer.error(f"import cycle: {chain}")
        program = self.linked.get(path)
        if program is None:
            program = self.program(path, lang)
            self.link(program.module)
        mrt = self.runtime(lang, program.module)
        meter = mrt.meter
        main = program.compiled.instantiate(mrt.helpers(), {"fuel": meter.fuel, "depth": meter.depth})
        self.loading.append(path)
        from .vm.runtime import ScriptThrow
        try:
            result = main(spec, _shown(path)) if lang == "lua" else main()
            if mrt is not self.main:
                mrt.finish()
        except ScriptThrow as e:
            if mrt is importer:
                raise
            importer.error(f"error loading module '{spec}': {mrt.to_script_error(e).message}")
        finally:
            self.loading.pop()
        if type(result) is tuple:
            result = result[0] if result else None
        self.instances[path] = result
        self.files.append(path)
        return result

    def publish(self, rt, namespace):
        """A JavaScript module made its namespace (before its imports run)."""
        path = self.loading[-1] if self.loading else self.main_path
        if path is not None:
            self.partial[path] = namespace

    def runtime(self, lang: str, module):
        """The run's runtime for *lang* (made on first need, on the run's meter),
        with the bridges installed if *module* can reach them."""
        from .api import _reaches_bridges, chunk_loader
        rt = self.runtimes.get(lang)
        if rt is None:
            rt = self._make_runtime(lang, self.policy, self.out, self.main.meter)
            rt.imports = self
            rt.load_chunk = chunk_loader(rt)
            rt.disable_builtins()           # the policy's [builtins] disable holds in every language
            self.runtimes[lang] = rt
        if self.setup is not None and lang not in self.bridged and _reaches_bridges(module):
            self.setup(rt)                  # a module reaches the bridges its importer did not
            rt.disable_builtins()
            self.bridged.add(lang)
            if rt is not self.main:
                self.share_journal(rt)
        return rt

    def share_journal(self, rt):
        """Every runtime's bridge calls go to one journal: the spell's."""
        main_host = self.host(self.main)
        rt.bridges.journal = main_host.journal

    def host(self, rt):
        """*rt*'s bridge host, made (for value conversion only) if it has none."""
        if getattr(rt, "bridges", None) is None:
            from .bridges.host import BridgeHost
            BridgeHost(rt)
        return rt.bridges

    def convert(self, value, src, dst):
        """A value of runtime *src* as runtime *dst* sees it."""
        from .vm.runtime import BridgeFailure
        try:
            return self.host(dst).to_script(self.host(src).to_host(value))
        except BridgeFailure as e:          # nested too deeply, or a value no language shares
            dst.error(str(e))


class ImportChecker:
    """``llmspell check`` following imports: every module file a spell names
    with a constant (``require("lib")``, ``import … from "./x.js"``,
    ``import("./y")``) is found as a run would find it, analysed once in its
    own language, and its exported names judge what the importer reads.  A
    file that is missing, or that does not compile, is a finding; so is
    anything the analysis finds inside a module."""

    def __init__(self, main_module, policy, host_globals):
        self.linker = Linker(main_module, policy, None)
        self.policy = policy
        self.host_globals = host_globals
        self.exports: dict = {}          # path -> names (None: not known, or being analysed)
        self.findings: list = []
        self.needs: list = []

    def check(self, module):
        """Findings and capabilities of *module* and of everything it imports."""
        from .bridges.static import catalog
        from .sandbox.validate import check_module
        findings, needs, names = check_module(module, catalog(module.lang), self.policy, self.host_globals,
                                              self.importer(module.lang))
        self.findings += findings
        self.needs += [n for n in needs if n not in self.needs]
        return names

    def importer(self, lang: str):
        def imports(spec: str, span):
            try:
                path, mlang = self.linker.resolve(spec, self.linker.paths.get(span.file), lang)
            except NotFound as e:
                return str(e)
            if path not in self.exports:
                self.exports[path] = None           # a cycle sees "not known"
                try:
                    program = self.linker.program(path, mlang)
                except NotFound as e:
                    return str(e)
                except LlmspellError as e:
                    self.findings.append(e)
                    return None
                self.exports[path] = self.check(program.module)
            names = self.exports[path]
            if names is not None and lang == "javascript" and mlang != "javascript":
                names = names | {"default"}          # adopt_module: the value is the default export
            return names
        return imports

    def source_set(self) -> SourceSet:
        return self.linker.source_set()


def static_imports(module) -> list:
    """(name, span, optional) of each import *module* makes with a constant
    name: JavaScript's and Tengo's (Tengo's standard modules left out), and
    Lua's ``require("name")`` — *optional*: it may be missing until it runs.
    Found once per module (every run links: the scan is not repeated)."""
    found = _IMPORTS.get(module)
    if found is None:
        found = _IMPORTS[module] = _scan_imports(module)
    return found


_IMPORTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _scan_imports(module) -> list:
    from .ir.opcodes import Op
    from .ir.tengo import is_stdlib
    intrinsic = _IMPORT_INTRINSICS.get(module.lang)
    out = []
    for fn in module.functions:
        code = fn.code
        for pc, ins in enumerate(code):
            if ins[0] == Op.INTRINSIC and fn.consts[ins[2]] == intrinsic and pc > 0:
                prev = code[pc - 1]
                if prev[0] == Op.LOAD_CONST and prev[1] == ins[3]:
                    spec = fn.consts[prev[2]]
                    if type(spec) is str and not (module.lang == "tengo" and is_stdlib(spec)):
                        out.append((spec, fn.spans[pc], False))
            elif ins[0] == Op.CALL and module.lang == "lua" and pc > 1 and ins[2] >= 1:
                callee, arg = code[pc - 2], code[pc - 1]     # require("name"), as the Lua front end emits it
                if callee[0] == Op.LOAD_GLOBAL and callee[1] == ins[1] and fn.consts[callee[2]] == "require" \
                        and arg[0] == Op.LOAD_CONST and arg[1] == ins[1] + 1 and type(fn.consts[arg[2]]) is str:
                    out.append((fn.consts[arg[2]], fn.spans[pc], True))
    return out


def _file_path(name: str) -> str | None:
    """The absolute path of the spell file *name*, if it is one."""
    return os.path.abspath(name) if name and os.path.isfile(name) else None


def _shown(path: str) -> str:
    """A module's name in messages: relative to the working folder when inside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel

