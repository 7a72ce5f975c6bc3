"""The policy file, ``llmspell.toml``: limits and permissions a project keeps
beside its spells instead of repeating them as flags.

Format (every key optional)::

    [limits]
    max_instructions = 1_000_000
    max_memory = "64MB"        # or an int of bytes ("64M", "2G", "512KB" work too)
    max_depth = 500
    max_string = "1MB"
    timeout = 30               # seconds
    max_tokens = 10000
    max_cost = 0.50            # USD

    [permissions]
    read = ["./data"]          # paths resolved against the toml file's folder
    write = ["./out"]
    net = ["api.example.com", "127.0.0.1:8080"]
    env = ["OPENAI_API_KEY"]
    tool = ["file_write"]
    model = ["openai/*"]       # naming models allows only those (by default any model)
    all = false

    [builtins]
    disable = ["os.time", "load", "Date.now"]   # taken away in whichever language has them

    [modules]
    stdlib = ["fmt", "text", "json"]  # the standard modules import() may load (default: all)
    paths = ["../shared-spells"]      # more folders require/import search (after the spell's own)

Where it comes from: ``--config FILE``, else ``llmspell.toml`` in the spell's
own folder (not searched upward: a spell's powers should not change because of
a file in some parent folder).  Flags combine with it: a limit flag wins over
the file, permission flags add to the file's grants.

The file is checked strictly: an unknown key or a wrong type is a
:class:`UsageError` at the key's ``file:line`` — a misspelt ``max_memroy``
silently ignored would leave a spell less confined than its author believes.
"""
from __future__ import annotations

import difflib
import os
import re

import attrs

from ..ir.errors import UsageError
from ..ir.tengo import MODULES
from ..ir.source import SourceFile, Span
from .policy import POLICY_FILE, Limits, Policy, with_defaults

_SUFFIX = {"k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}

PERMISSIONS = ("read", "write", "net", "env", "tool", "model")
SECTIONS = ("limits", "permissions", "builtins", "modules")


def parse_size(text: str) -> int:
    """``"64MB"``, ``"64M"``, ``"2g"``, ``"1000"`` → bytes; ValueError if not a positive size."""
    t = text.strip().lower().removesuffix("b")
    mult = _SUFFIX.get(t[-1:], 1)
    if mult != 1:
        t = t[:-1]
    try:
        n = int(float(t) * mult)
    except ValueError:
        raise ValueError(f"not a size: {text!r} (examples: 1000, 64M, 2G)") from None
    if n <= 0:
        raise ValueError(f"must be positive: {text!r}")
    return n


def grants(kind: str, values, base: str) -> list[str]:
    """Capability grants for ``--allow-KIND`` / ``KIND = [...]`` values.  Paths
    are resolved against *base* (symlinks and ``..`` too), because the bridges
    check resolved paths; a tool grant also lets that tool run when destructive."""
    out = []
    for value in values:
        if kind in ("read", "write"):
            value = os.path.realpath(os.path.join(base, value))
        out.append(f"{kind}:{value}")
        if kind == "tool":
            out.append(f"destructive:{value}")
    return out


@attrs.frozen
class PolicyFile:
    """What a policy file sets: only the limits it names, its grants (resolved)."""

    path: str
    limits: dict
    grants: tuple
    allow_all: bool
    disabled: tuple = ()
    modules: tuple | None = None
    module_paths: tuple = ()


def compose(file: PolicyFile | None, limits: dict, grants, allow_all: bool, **settings) -> Policy:
    """The policy a run or a check works under: the file's settings with the
    flags on top — a limit flag (in *limits*) wins, flag *grants* add to the
    file's, and the defaults stand where neither overrides them
    (:func:`~.policy.with_defaults`)."""
    merged = dict(file.limits) if file else {}
    merged.update({k: v for k, v in limits.items() if v is not None})
    return Policy(limits=Limits(**merged), grants=with_defaults(tuple(file.grants if file else ()) + tuple(grants)),
                  allow_all=allow_all or bool(file and file.allow_all),
                  disabled=file.disabled if file else (), modules=file.modules if file else None,
                  module_paths=file.module_paths if file else (),
                  source=file.path if file else None, **settings)


def for_spell(spell: str, config: str | None = None) -> PolicyFile | None:
    """The policy file that applies to *spell*: *config* if given, else the
    spell's folder's ``llmspell.toml`` if there is one."""
    if config is not None:
        return load(config)
    beside = os.path.join(os.path.dirname(os.path.abspath(spell)), POLICY_FILE)
    return load(beside) if os.path.isfile(beside) else None


def load(path: str) -> PolicyFile:
    try:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
    except FileNotFoundError:
        raise UsageError(f"no such policy file: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a directory, not a policy file") from None
    except OSError as e:
        raise UsageError(f"cannot read {path}: {e.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: a policy file must be UTF-8 text") from None
    return _Reader(path, text).read()


class _Reader:
    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text

    def read(self) -> PolicyFile:
        import tomllib              # only when there is a policy file: start-up is short without
        try:
            doc = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as e:
            m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(e))
            line, col = (int(m[1]), int(m[2])) if m else (0, 0)
            raise self._error(f"invalid TOML: {str(e)[:m.start()] if m else e}", line, col) from None
        for key in doc:
            if key not in SECTIONS:
                self._unknown(None, key, SECTIONS)
            if not isinstance(doc[key], dict):
                self._fail(None, key, f"'{key}' must be a table ([{key}])")
        limits = {k: self._limit(k, v) for k, v in doc.get("limits", {}).items()}
        perms = doc.get("permissions", {})
        base = os.path.dirname(os.path.abspath(self.path))
        out, allow_all = [], False
        for key, value in perms.items():
            if key == "all":
                if not isinstance(value, bool):
                    self._fail("permissions", key, "'all' must be true or false")
                allow_all = value
            elif key in PERMISSIONS:
                if not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
                    self._fail("permissions", key, f"'{key}' must be a list of non-empty strings")
                out += grants(key, value, base)
            else:
                self._unknown("permissions", key, PERMISSIONS + ("all",))
        disabled = self._names("builtins", doc.get("builtins", {}), ("disable",))["disable"]
        modules = self._names("modules", doc.get("modules", {}), ("stdlib", "paths"))
        for name in modules["stdlib"] or ():
            if name not in MODULES:         # a misspelt module would silently stay forbidden
                close = difflib.get_close_matches(name, MODULES, 1)
                self._fail("modules", "stdlib", f"unknown standard module '{name}'",
                           f"did you mean '{close[0]}'?" if close else f"known modules: {', '.join(MODULES)}")
        paths = []
        for folder in modules["paths"] or ():
            path = os.path.normpath(os.path.join(base, os.path.expanduser(folder)))
            if not os.path.isdir(path):
                self._fail("modules", "paths", f"no such folder: {path}")
            paths.append(path)
        return PolicyFile(self.path, limits, tuple(out), allow_all, disabled or (), modules["stdlib"], tuple(paths))

    def _names(self, section: str, table: dict, keys: tuple) -> dict:
        """The lists of names a [builtins]/[modules] table holds (None: not set)."""
        for k in table:
            if k not in keys:
                self._unknown(section, k, keys)
        out = {}
        for key in keys:
            value = out[key] = table.get(key)
            if value is not None and not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
                self._fail(section, key, f"'{key}' must be a list of non-empty strings")
            if value is not None:
                out[key] = tuple(value)
        return out

    def _limit(self, key: str, value):
        if key not in Limits.FLAGS:
            self._unknown("limits", key, tuple(Limits.FLAGS))
        if key in ("max_memory", "max_string") and isinstance(value, str):
            try:
                return parse_size(value)
            except ValueError as e:
                self._fail("limits", key, f"'{key}': {e}")
        ok = int if key in ("max_instructions", "max_depth", "max_tokens", "max_memory", "max_string") \
            else (int, float)
        if isinstance(value, bool) or not isinstance(value, ok):     # bool is an int in Python
            want = "a whole number" if ok is int else "a number"
            if key in ("max_memory", "max_string"):
                want += ' of bytes or a size like "64MB"'
            self._fail("limits", key, f"'{key}' must be {want}")
        if value <= 0:
            self._fail("limits", key, f"'{key}' must be positive, got {value}")
        if key == "max_depth" and value > Limits.MAX_DEPTH:
            self._fail("limits", key, f"'max_depth' is at most {Limits.MAX_DEPTH:,}")
        return value

    def _unknown(self, table: str | None, key: str, known: tuple):
        close = difflib.get_close_matches(key, known, 1)
        hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"
        where = f" in [{table}]" if table else " (a policy file has " + ", ".join(f"[{k}]" for k in known) + ")"
        self._fail(table, key, f"unknown key '{key}'{where}", hint)

    def _fail(self, table: str | None, key: str, message: str, hint: str | None = None):
        line, col, width = self._locate(table, key)
        raise self._error(message, line, col, hint, width)

    def _error(self, message: str, line: int, col: int, hint: str | None = None, width: int = 1) -> UsageError:
        span = Span(self.path, line, col, line, col + width)
        err = UsageError(message if line else f"{self.path}: {message}", span, hint)
        err.source = SourceFile(self.path, self.text)
        return err

    def _locate(self, table: str | None, key: str) -> tuple[int, int, int]:
        """Line, column and width of *key* in *table* (None: the top level).  tomllib
        keeps no positions, so the text is scanned for ``[table.key]`` headers
        and ``key =`` lines (bare, quoted, or dotted ``table.key =``) under the
        right header.  (0, 0, 0) if not found — the message still names the key."""
        full = key if table is None else f"{table}.{key}"
        current = None
        for n, line in enumerate(self.text.splitlines(), 1):
            header = re.match(r"\s*\[+\s*([^\]]+?)\s*\]", line)
            if header:
                current = header[1].strip("\"'")
                if current == full or current.startswith(full + "."):
                    return n, line.index("[") + 1, len(line.rstrip())
                continue
            m = re.match(rf"""\s*(?:([\w-]+)\s*\.\s*)?(["']?){re.escape(key)}\2\s*[=.]""", line)
            if m and (m[1] or current) == table:
                return n, m.start(2) + 1, len(key) + 2 * len(m[2])     # the key and its quotes
        return 0, 0, 0
