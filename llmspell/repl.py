"""``llmspell repl``: an interactive session in Lua, JavaScript or Tengo.

One runtime lives for the whole session, with the bridges (``llm``, ``tools``,
``state`` ...) installed once.  Each entry is compiled by its language's own
front end as a chunk of its own, named ``repl[N]``, and run in that runtime —
as ``load`` runs a chunk inside a spell — so globals live on from entry to
entry.  What each language adds follows its own REPL:

* Lua (``lua`` 5.4's ``lua.c``): a one-line entry is first tried as
  ``return <entry>;`` and its values are printed by the global ``print``;
  ``local`` variables last one entry, as there.
* JavaScript (node): the value of a final expression statement is shown as
  ``util.inspect`` shows it (``undefined`` when there is none), and top-level
  declarations become globals.  The front end makes a spell's top-level
  declarations locals of its chunk, so the entry's *text* is rewritten before
  compiling (``let x = 1`` → ``(globalThis.x = 1)``); every position is mapped
  back, so errors point into the text as typed.
* Tengo (the ``tengo`` CLI): top-level ``:=`` variables persist, and each
  top-level expression and assignment prints its value the way tengo's REPL
  does (``<undefined>``, strings bare).  Tengo has no assignable globals, so a
  lowering of tengo's own with one change keeps the session's variables in a
  hidden map (:func:`_session_lowerer`).

Modules load from the working folder (it stands for a spell's folder) and
the policy's ``[modules] paths``, as :mod:`llmspell.modules` loads them for a
spell; each entry's static imports are linked before it runs.

An entry goes on over several lines while its syntax error lies at the end of
the text — an unfinished block, bracket or string — (Lua's REPL asks the same
question: does the message end in ``<eof>``?).

Limits: instructions, memory, call depth and the timeout are budgets of each
entry (a session is long-lived and allocations are counted, never freed: a
session-wide budget would run out however careful the user is); LLM tokens and
cost are money and are budgets of the whole session.
"""
from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import types

import attrs

from . import __version__, api
from .cli import _StdoutWriter
from .errors import (
    CompileError,
    InternalError,
    LimitExceeded,
    LlmspellError,
    ParseError,
    ScriptError,
)
from .ir.source import SourceFile, SourceSet, Span

PROMPT, MORE = "> ", ">> "
COMMANDS = (":help", ":disasm", ":limits", ":quit")

#: the global that receives a JavaScript entry's value (not an identifier:
#: no spell can clash with it)
_JS_VALUE = "llmspell repl value"
#: the Tengo session's variables, and the function printing an entry's values
_TENGO_VARS, _TENGO_PRINT = " repl vars", " repl println"


def repl(ns, policy_for) -> int:
    """Run a session on stdin/stdout; 0 at end of input or ``:quit``."""
    lang = api.lang_for("<repl>", ns.lang)
    policy = policy_for(ns, os.path.join(os.getcwd(), "<repl>"))
    session = Session(lang, policy, _Unbuffered())
    console = _Console(lang, session)
    try:
        if console.tty:
            session.say(f"llmspell {__version__} — {_LANG_NAMES[lang]} (:help for help, Ctrl-D to leave)")
        while True:
            got = _read_entry(console, session)
            if got is None:
                return 0
            text, entry = got
            try:
                if text.lstrip().startswith(":"):
                    if session.command(text.strip()):
                        return 0
                elif isinstance(entry, LlmspellError):
                    session.report(entry)
                elif entry is not None:
                    session.run(entry)
            except LlmspellError as e:
                session.report(e)
            except Exception as e:          # a bug: one line, and the session goes on
                if os.environ.get("LLMSPELL_DEBUG"):
                    raise
                session.report(InternalError.of(e))
    finally:
        console.close()


_LANG_NAMES = {"lua": "Lua", "javascript": "JavaScript", "tengo": "Tengo"}


def _read_entry(console, session):
    """The next entry as ``(text, compiled entry or the error compiling it)``;
    a blank line or a command comes back as it is (entry None); None at the end
    of input.  Lines are added while the text is incomplete; a blank line or
    Ctrl-C abandons it.  At the end of input an incomplete text is compiled as
    it stands, so its error is shown."""
    lines: list[str] = []
    while True:
        try:
            line = console.read(MORE if lines else PROMPT)
            if not lines and (not line.strip() or line.lstrip().startswith(":")):
                return line, None
            if lines and not line.strip():
                lines = []
                continue
            lines.append(line)
            text = "\n".join(lines)
            entry = session.compile(text)
            if entry is not None:
                return text, entry
        except EOFError:
            if console.tty:             # Ctrl-D: leave, whatever was being typed
                session.say("")
                return None
            if not lines:
                return None
            text = "\n".join(lines)
            return text, session.compile(text, final=True)
        except KeyboardInterrupt:
            session.say("")
            lines = []


class _Unbuffered(_StdoutWriter):
    """The spell's output, shown as it is printed (a REPL is watched live)."""

    def write(self, s: str):
        super().write(s)
        self.flush()


# ---------------------------------------------------------------------------- positions
class Edits:
    """What the REPL inserts into an entry before compiling it, and the way
    back: a position in the compiled text → the position in the text as typed
    (inside inserted text: where the insertion was made)."""

    def __init__(self, text: str):
        self.text = text
        self.edits: list[tuple[int, int, str]] = []     # (start, end, new text), offsets into *text*

    def replace(self, start: int, end: int, new: str) -> Edits:
        self.edits.append((start, end, new))
        return self

    def insert(self, at: int, new: str) -> Edits:
        return self.replace(at, at, new)

    def _ordered(self):
        # an insertion goes before a replacement starting at the same place; insertions
        # at one place keep the order they were made in (the sort is stable)
        return sorted(self.edits, key=lambda e: (e[0], e[1]))

    def apply(self) -> str:
        out, pos = [], 0
        for start, end, new in self._ordered():
            out += [self.text[pos:start], new]
            pos = end
        out.append(self.text[pos:])
        return "".join(out)

    def original(self, offset: int) -> int:
        delta = 0
        for start, end, new in self._ordered():
            if offset < start + delta:
                break
            if offset < start + delta + len(new):
                return start
            delta += len(new) - (end - start)
        return offset - delta


def _offset(text: str, line: int, col: int) -> int:
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    line = min(max(line, 1), len(starts))
    return min(starts[line - 1] + max(col, 1) - 1, len(text))


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _remap(span: Span, edits: Edits) -> Span:
    """*span* (in the compiled text of *edits*) in the text as typed."""
    compiled = edits.apply()

    def back(line, col):
        return _line_col(edits.text, edits.original(_offset(compiled, line, col)))
    line, col = back(span.line, span.col)
    end_line, end_col = back(span.end_line, span.end_col) if span.end_line else (0, 0)
    return Span(span.file, line, col, end_line, end_col)


def _incomplete(err: LlmspellError, text: str, name: str) -> bool:
    """Whether *err* says that *text* stopped too early: a syntax error after
    its last non-blank character (the front ends report "'end' expected",
    "Unexpected end of input", "unexpected end of file" there)."""
    if not isinstance(err, ParseError) or err.span.file != name:
        return False
    return (err.span.line, err.span.col) > _line_col(text, len(text.rstrip()) - 1)


# ---------------------------------------------------------------------------- the session
@attrs.define
class Entry:
    name: str
    edits: Edits
    module: object                  # the IR module
    declares: tuple = ()            # Tengo: the session variables it declares


@attrs.define
class _Usage:
    instructions: int = 0
    bytes: int = 0
    objects: int = 0


class Interrupted(LimitExceeded):
    """Ctrl-C while an entry runs: raised by the meter as a limit is (so no
    ``pcall``/``catch`` can swallow it), and it ends that entry only."""

    kind = "interrupted"

    def __init__(self, span: Span | None):
        super().__init__("interrupted", "Ctrl-C", span)

    def headline(self) -> str:
        return "interrupted" + (f" at {self.span}" if self.span.line else "")


class Session:
    """One runtime and the entries run in it."""

    def __init__(self, lang: str, policy, out):
        from .vm.execute import make_runtime
        self.lang = lang
        self.policy = policy
        self.out = out
        self.rt = make_runtime(lang, policy, out)
        setup = api.bridges_setup()
        setup(self.rt)
        from .modules import Linker
        self.linker = Linker(None, policy, out, setup, folder=os.getcwd())   # modules from the working folder
        self.linker.attach(self.rt)
        self.dialect = _DIALECTS[lang](self)
        self.sources: dict[str, Edits] = {}        # entry name -> its text and edits (for positions)
        self.count = 0
        self.last = _Usage()
        self.total = _Usage()

    # -- compiling ---------------------------------------------------------------------------
    def compile(self, text: str, final: bool = False):
        """The entry for *text*, the error compiling it, or None while *text*
        is incomplete (never when *final*: the end of input ends it)."""
        name = f"repl[{self.count + 1}]"
        try:
            entry = self.dialect.prepare(text, name)
        except LlmspellError as e:
            if not final and _incomplete(e, text, name):
                return None
            self.count += 1
            return e
        self.count += 1
        return entry

    def compile_edits(self, edits: Edits, name: str) -> Entry:
        """Compile the text of *edits* under *name*, with :func:`api.compile`'s
        guarantees: a positioned error, never a Python exception."""
        self.sources[name] = edits
        try:
            module = self.dialect.front_end(edits.apply(), name)
        except LlmspellError:
            raise
        except RecursionError:
            raise CompileError("the entry nests too deeply to compile", Span(name, 1, 1)) from None
        except Exception as e:          # a front-end bug
            raise InternalError.of(e, Span(name, 1, 1)) from e
        return Entry(name, edits, module)

    # -- running ----------------------------------------------------------------------------
    def run(self, entry: Entry):
        """Run *entry* with a fresh per-entry budget; show its value or its error."""
        self.rt.meter.restart()
        self.dialect.begin(entry)
        error = None
        try:
            with _stoppable(self.rt):
                values = self.execute(api.Program(entry.module))
                self.dialect.show(values)
        except LlmspellError as e:
            error = e
            self.report(e)
        finally:
            self.dialect.cleanup(error)
            self._account()

    def execute(self, program: api.Program, args: tuple = ()) -> tuple:
        """Run *program* in the session's runtime as a spell's main chunk is run
        (vm.execute: the error handling, and a big stack for deep recursion)."""
        from .vm.execute import execute
        self.linker.link(program.module)            # the entry's static imports, found before it runs
        return execute(program.compiled, self.policy, self.out, args, loader=api.chunk_loader,
                       runtime=self.rt).values

    def _account(self):
        m = self.rt.meter
        self.last = _Usage(m.instructions, m.bytes, m.objects)
        self.total = _Usage(*(a + b for a, b in zip(attrs.astuple(self.total), attrs.astuple(self.last))))

    def report(self, e: LlmspellError):
        """*e* rendered with excerpts of the entries it points into, as typed."""
        self.out.flush()
        if e.span.file in self.sources:
            e.span = _remap(e.span, self.sources[e.span.file])
        if isinstance(e, ScriptError):
            e.traceback = [_remap(s, self.sources[s.file]) if s.file in self.sources else s
                           for s in e.traceback]
        texts = SourceSet({**self.linker.sources,
                           **{name: SourceFile(name, edits.text) for name, edits in self.sources.items()}})
        print(e.render(texts), file=sys.stderr, flush=True)

    # -- commands ---------------------------------------------------------------------------
    def command(self, line: str) -> bool:
        """Carry out a ``:command``; True for ``:quit``."""
        word, _, rest = line.partition(" ")
        if word in (":quit", ":q", ":exit"):
            return True
        if word == ":help":
            self.say(self.help())
        elif word == ":limits":
            self.say(self.limits())
        elif word == ":disasm":
            if not rest.strip():
                self.say("usage: :disasm CODE — the IR CODE compiles to, as an entry (it is not run)")
                return False
            from .ir.disasm import format_module
            try:
                self.say(format_module(self.dialect.prepare(rest.strip(), "disasm").module).rstrip("\n"))
            except LlmspellError as e:
                self.report(e)
        else:
            self.say(f"unknown command {word!r}: the commands are {', '.join(COMMANDS)} (:help explains them)")
        return False

    def say(self, text: str):
        """A line of the REPL's own, in order with what spells print."""
        self.out.write(text + "\n")

    def help(self) -> str:
        from .bridges import NAMESPACES
        return "\n".join([
            f"llmspell repl ({_LANG_NAMES[self.lang]}): type an entry and press Enter.",
            "",
            "  :help          this text",
            "  :disasm CODE   the IR that CODE compiles to as an entry (it is not run)",
            "  :limits        the limits in force and what the session has used",
            "  :quit          leave (also Ctrl-D)",
            "",
            self.dialect.HELP,
            "An entry that is not finished (an open block, bracket or string) continues on",
            f"the '{MORE.strip()}' prompt; a blank line or Ctrl-C abandons it.  Ctrl-C while an entry",
            "runs stops that entry.  Errors show where they are in the entry as typed.",
            "",
            f"Globals: {', '.join(NAMESPACES)} (the bridges: `llmspell api` documents them).",
            "Modules (require / import, in any of the three languages) load from the working folder",
            "and the [modules] paths of its llmspell.toml.",
            "Instructions, memory, call depth and the timeout are budgets of each entry;",
            "LLM tokens and cost are budgets of the whole session.",
        ])

    def limits(self) -> str:
        lim, m = self.policy.limits, self.rt.meter

        def fmt(v, size=False):
            return "unlimited" if v is None else _bytes(v) if size else f"{v:,}"
        rows = [("limit", "in force", "last entry", "session"),
                ("instructions (per entry)", fmt(lim.max_instructions), f"{self.last.instructions:,}",
                 f"{self.total.instructions:,}"),
                ("memory (per entry)", fmt(lim.max_memory, True), _bytes(self.last.bytes), _bytes(self.total.bytes)),
                ("call depth (per entry)", fmt(lim.max_depth), "", ""),
                ("string length", fmt(lim.max_string, True), "", ""),
                ("timeout (per entry)", "none" if lim.timeout is None else f"{lim.timeout:g} s", "", ""),
                ("LLM tokens (per session)", fmt(lim.max_tokens), "", f"{m.tokens:,}"),
                ("LLM cost (per session)", "unlimited" if lim.max_cost is None else f"${lim.max_cost:g}", "",
                 f"${m.cost:.4f}")]
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def _bytes(n: int) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".0 ", " ")
    return f"{n} B"


@contextlib.contextmanager
def _stoppable(rt):
    """Ctrl-C while an entry runs stops the entry, not the session: the meter
    raises :class:`Interrupted` at its next check (each slice of instructions,
    each library charge), where it stands.  A second Ctrl-C — an entry stuck
    outside the VM, in a model call — ends the session."""
    def stop(signum, frame):
        if rt.meter.over is not None:
            raise KeyboardInterrupt
        rt.meter.over = Interrupted(_running_span(rt, frame))
    old = signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


def _running_span(rt, frame) -> Span | None:
    """Where the spell stands: on this thread's stack, or on the thread
    vm.execute runs it on (deep recursion needs a bigger stack)."""
    for f in (frame, *sys._current_frames().values()):
        spans = rt.traceback(f)
        if spans:
            return spans[0]
    return None


# ---------------------------------------------------------------------------- the languages
class _Dialect:
    """What differs between the languages: how an entry becomes a chunk, and
    how its values are shown."""

    HELP = ""

    def __init__(self, session: Session):
        self.session = session
        self.rt = session.rt

    def front_end(self, source: str, name: str):
        """*source* → verified IR module (raises the front end's errors)."""
        return api._frontend(self.session.lang)(source, name)

    def prepare(self, text: str, name: str) -> Entry:
        return self.session.compile_edits(Edits(text), name)

    def begin(self, entry: Entry):
        """Before *entry* runs."""

    def show(self, values: tuple):
        """Show what the entry produced (*values*: its main chunk's results)."""

    def cleanup(self, error: LlmspellError | None):
        """After an entry, whether it succeeded or not (*error*: what ended it)."""

    def global_names(self) -> list[str]:
        """The names Tab completes."""
        return [k for k in self.rt.members(self.rt.G) if type(k) is str and k.isidentifier()]


class _Lua(_Dialect):
    HELP = ("An expression prints its values as print shows them (1+1 prints 2); `local` variables\n"
            "last one entry, as in lua.")

    def __init__(self, session):
        super().__init__(session)
        self.printer = api.Program(self.front_end("print(...)", "=print"))

    def prepare(self, text, name):
        """lua.c's ``addreturn``: a line that compiles as ``return <line>;`` is
        an expression; otherwise the text is a statement."""
        if "\n" not in text:
            try:
                return self.session.compile_edits(Edits(text).insert(0, "return ").insert(len(text), ";"), name)
            except LlmspellError:
                pass
        return super().prepare(text, name)

    def show(self, values):
        if values:
            self.session.execute(self.printer, values)


class _Js(_Dialect):
    HELP = ("An entry ending in an expression prints its value as node's REPL does (util.inspect),\n"
            "otherwise `undefined`.  Top-level let/const/var/function/class declarations (and\n"
            "imports) become globals, seen by later entries; promises settle before the value is shown.")

    def prepare(self, text, name):
        from .frontends.javascript.parse import parse
        if text.lstrip().startswith("{") and not text.rstrip().endswith(";"):
            # node's REPL reads `{a: 1}` as an object, not a block
            try:
                wrapped = parse(f"({text})", name)
            except ParseError:
                wrapped = None
            if wrapped is not None and len(wrapped.body) == 1 and wrapped.body[0].type == "ExpressionStatement":
                edits = Edits(text).insert(0, f'globalThis["{_JS_VALUE}"] = (').insert(len(text), ")")
                return self.session.compile_edits(edits, name)
        self.session.sources[name] = Edits(text)      # a syntax error found by parse() points here
        return self.session.compile_edits(_js_globals(text, parse(text, name)), name)

    def show(self, values):
        from .vm.js.inspect import inspect
        from .vm.runtime import ScriptThrow
        value = self.rt.Gh.pop(_JS_VALUE, None)
        try:
            self.session.say(inspect(self.rt, value))
        except ScriptThrow as e:
            raise self.rt.to_script_error(e) from None

    def cleanup(self, error):
        self.rt.Gh.pop(_JS_VALUE, None)
        rejected = self.rt.loop.rejected
        if rejected and isinstance(error, ScriptError) and error.value is rejected[0].internal.value:
            del rejected[0]         # reported once, as node's REPL does (the loop would report it again)


def _js_globals(text: str, program) -> Edits:
    """The rewrite of a JavaScript entry: its top-level declarations assign
    globals instead (``let {a} = o`` → ``;({a: globalThis.a} = o);``;
    ``class C {}`` → ``;globalThis.C = class C {};``), hoisted ones (functions,
    imports) are copied to globals first thing, and a final expression
    statement's value goes to the global the REPL shows."""
    edits = Edits(text)
    for st in program.body:
        start, end = st.range
        if st.type == "VariableDeclaration":
            edits.replace(start, start + len(st.kind), ";")
            for d in st.declarations:
                edits.insert(d.range[0], "(")
                _assign_targets(d.id, edits)
                if d.init is None:
                    edits.insert(d.id.range[1], " = undefined")
                edits.insert(d.range[1], ")")
            if not text[:end].endswith(";"):
                edits.insert(end, ";")
        elif st.type == "ClassDeclaration" and st.id is not None:
            edits.insert(start, f";globalThis.{st.id.name} = ")
            edits.insert(end, ";")
        elif st.type == "FunctionDeclaration" and st.id is not None:
            edits.insert(0, f"globalThis.{st.id.name} = {st.id.name};")
        elif st.type == "ImportDeclaration":
            for spec in st.specifiers:
                edits.insert(0, f"globalThis.{spec.local.name} = {spec.local.name};")
    last = program.body[-1] if program.body else None
    if last is not None and last.type == "ExpressionStatement":
        start, end = last.expression.range
        edits.insert(start, f';globalThis["{_JS_VALUE}"] = (')
        edits.insert(end, ")")
    return edits


def _assign_targets(pattern, edits: Edits):
    """Turn the names a declaration's *pattern* binds into ``globalThis.name``
    targets (a shorthand ``{a}`` becomes ``{a: globalThis.a}``)."""
    t = pattern.type
    if t == "Identifier":
        edits.replace(*pattern.range, f"globalThis.{pattern.name}")
    elif t == "ObjectPattern":
        for p in pattern.properties:
            if p.type == "RestElement":
                _assign_targets(p.argument, edits)
            elif p.shorthand:
                edits.replace(*p.key.range, f"{p.key.name}: globalThis.{p.key.name}")
            else:
                _assign_targets(p.value, edits)
    elif t == "ArrayPattern":
        for el in pattern.elements:
            if el is not None:
                _assign_targets(el, edits)
    elif t == "AssignmentPattern":
        _assign_targets(pattern.left, edits)
    elif t == "RestElement":
        _assign_targets(pattern.argument, edits)


class _Tengo(_Dialect):
    HELP = ("Each top-level expression and assignment prints its value, as tengo's REPL does;\n"
            "top-level `x := v` variables persist (declaring one again is an error, as in tengo: use =).")

    def __init__(self, session):
        super().__init__(session)
        self.names: set[str] = set()        # the session's top-level variables
        self.declared: tuple = ()           # those the entry compiled last declares
        rt = self.rt
        rt.G[_TENGO_VARS] = rt.make_map([])
        out = session.out

        def println(value):
            out.write(("<undefined>" if value is None else rt.to_string(value)) + "\n")
        rt.G[_TENGO_PRINT] = rt.user_function("println", println)

    def front_end(self, source, name):
        """compile_tengo with the session's lowering in place of tengo's."""
        from .frontends import lower_deep
        from .frontends.tengo.parse import parse
        from .ir.verify import verify
        tree = parse(source, name)
        lowerer = _session_lowerer()(name, source, api._host_globals(), self.names)
        module = lower_deep(lambda: verify(lowerer.program(tree)), None)
        self.declared = tuple(lowerer.declared)
        return module

    def prepare(self, text, name):
        entry = super().prepare(text, name)
        entry.declares = self.declared
        return entry

    def begin(self, entry):
        # declared once the entry runs, even if it then fails (tengo's symbol table)
        self.names.update(entry.declares)

    def global_names(self):
        return [*super().global_names(), *self.names]


@functools.cache
def _session_lowerer():
    """The class of Tengo's session lowering, made on first use: only a Tengo
    session imports the Tengo front end."""
    from .frontends.tengo.lower import Lowerer

    class _Persistent:
        """A top-level variable of the session: an entry of the hidden map."""

        __slots__ = ("lv", "name")
        boxed = False
        fs = None           # never a register of the function at hand
        reg = -1

        def __init__(self, name):
            self.name = name
            self.lv = types.SimpleNamespace(end=0)      # the debug range close_scope ends

    class SessionLowerer(Lowerer):
        """Tengo's lowering, but the top-level variables of the main chunk live
        in the session's map (tengo's REPL keeps them in globals shared by every
        line), and each top-level expression or assignment prints its value
        (tengo's ``addPrints``)."""

        def __init__(self, name, source, host_globals, session_names):
            super().__init__(name, source, host_globals)
            self.session_names = session_names
            self.declared: list[str] = []

        def top_level(self) -> bool:
            return self.fs.parent is None and len(self.fs.scopes) == 1

        def open_scope(self):
            super().open_scope()
            if self.top_level():
                self.fs.scopes[0].update({n: _Persistent(n) for n in self.session_names})

        def declare(self, tok, reg):
            if not self.top_level():
                return super().declare(tok, reg)
            var = self.fs.scopes[0][str(tok)] = _Persistent(str(tok))
            self.declared.append(var.name)
            return var

        def init_var(self, var, value_reg, node):
            if type(var) is _Persistent:
                self.store_var(var, value_reg, node)
            else:
                super().init_var(var, value_reg, node)

        def load_var(self, var, reg, node):
            if type(var) is not _Persistent:
                return super().load_var(var, reg, node)
            b = self.fs.b
            self.emit("LOAD_GLOBAL", reg, b.const(_TENGO_VARS), node=node)
            self.emit("GET_INDEX", reg, reg, b.rk(var.name), node=node)

        def store_var(self, var, src, node):
            if type(var) is not _Persistent:
                return super().store_var(var, src, node)
            b = self.fs.b
            top = b.top
            vars_ = b.alloc()
            self.emit("LOAD_GLOBAL", vars_, b.const(_TENGO_VARS), node=node)
            self.emit("SET_INDEX", vars_, b.rk(var.name), src, node=node)
            b.free_to(top)

        def stmt(self, st):
            if not self.top_level() or st.data not in ("expr_stmt", "define", "assign", "op_assign"):
                return super().stmt(st)
            if st.data != "expr_stmt":
                super().stmt(st)
            self.print_value(st.children[0], st)

        def print_value(self, expr, st):
            b = self.fs.b
            top = b.top
            f = b.alloc()
            self.emit("LOAD_GLOBAL", f, b.const(_TENGO_PRINT), node=st)
            self.expr_to(expr, b.alloc())
            self.emit("CALL", f, 1, 1, 0, node=st)
            b.free_to(top)

    return SessionLowerer


_DIALECTS = {"lua": _Lua, "javascript": _Js, "tengo": _Tengo}


# ---------------------------------------------------------------------------- the terminal
class _Console:
    """Lines from stdin: with readline's editing, history and completion of
    global names when stdin is a terminal (then prompts too)."""

    def __init__(self, lang: str, session: Session):
        self.tty = sys.stdin.isatty()
        self.readline = None
        self.history = None
        if not self.tty:
            return
        try:
            import readline
        except ImportError:         # a Python built without it: plain input()
            return
        self.readline = readline
        self.session = session
        readline.set_completer(self.complete)
        readline.set_completer_delims(" \t\n()[]{},;+-*/%=<>!&|^~#:\"'`")
        readline.parse_and_bind("tab: complete")
        self.history = history_path(lang)
        if self.history and os.path.exists(self.history):
            with contextlib.suppress(OSError):
                readline.read_history_file(self.history)

    def read(self, prompt: str) -> str:
        return input(prompt if self.tty else "")

    def complete(self, text: str, state: int):
        names = sorted(n for n in self.session.dialect.global_names() if n.startswith(text))
        return names[state] if state < len(names) else None

    def close(self):
        if self.readline is None or not self.history:
            return
        with contextlib.suppress(OSError):
            os.makedirs(os.path.dirname(self.history) or ".", exist_ok=True)
            self.readline.set_history_length(1000)
            self.readline.write_history_file(self.history)


def history_path(lang: str) -> str | None:
    """Where the history of *lang* sessions is kept: ``$LLMSPELL_HISTORY`` when
    set (empty: keep none), else ``~/.cache/llmspell/repl_history_<lang>``."""
    path = os.environ.get("LLMSPELL_HISTORY")
    if path is not None:
        return path or None
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(cache, "llmspell", f"repl_history_{lang}")
