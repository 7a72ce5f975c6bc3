"""Limits (and, with the sandbox issue, permissions) a spell runs under.

Every limit is enforced by the VM's meter (:mod:`llmspell.vm.limits`); crossing
one ends the spell with :class:`~llmspell.ir.errors.LimitExceeded`, which scripts
cannot catch.
"""
from __future__ import annotations

import attrs


MAX_DEPTH = 100_000


def _positive(instance, attribute, value):
    if value is not None and not value > 0:
        raise ValueError(f"{attribute.name} must be positive, got {value!r}")


def _depth(instance, attribute, value):
    if not 0 < value <= MAX_DEPTH:
        raise ValueError(f"max_depth must be between 1 and {MAX_DEPTH:,}, got {value!r}")


@attrs.frozen
class Limits:
    """Resource limits; ``None`` means unlimited."""

    max_instructions: int | None = attrs.field(default=None, validator=_positive)   # fuel: IR instructions
    max_memory: int | None = attrs.field(default=256 * 1024 * 1024, validator=_positive)  # bytes allocated
    max_depth: int = attrs.field(default=2000, validator=_depth)          # nested script calls
    max_string: int = attrs.field(default=64 * 1024 * 1024, validator=_positive)  # longest string built
    timeout: float | None = attrs.field(default=None, validator=_positive)  # wall-clock seconds
    max_tokens: int | None = attrs.field(default=None, validator=_positive)  # LLM tokens over the run
    max_cost: float | None = attrs.field(default=None, validator=_positive)  # LLM cost (USD) over the run

    MAX_DEPTH = MAX_DEPTH

    FLAGS = {
        "max_instructions": "--max-instructions",
        "max_memory": "--max-memory",
        "max_depth": "--max-depth",
        "max_string": "--max-string",
        "timeout": "--timeout",
        "max_tokens": "--max-tokens",
        "max_cost": "--max-cost",
    }


#: what a spell may do without being granted anything: call pure tools and any model
DEFAULT_GRANTS = ("tool:*", "model:*")


def with_defaults(grants) -> tuple:
    """*grants* plus the defaults they leave standing: pure tools are always
    allowed; any model is allowed until the policy names the models it allows
    (``--allow-model=openai/*``), and then only those."""
    grants = tuple(grants)
    names_models = any(g.startswith("model:") for g in grants)
    return tuple(d for d in DEFAULT_GRANTS if not (names_models and d.startswith("model:"))) + grants

#: the policy file's name (read by :mod:`llmspell.sandbox.config`; named in denials)
POLICY_FILE = "llmspell.toml"

_FLAGS = {"read": "--allow-read", "write": "--allow-write", "net": "--allow-net", "env": "--allow-env",
          "tool": "--allow-tool", "model": "--allow-model"}


@attrs.frozen
class Policy:
    limits: Limits = Limits()
    seed: int = 0          # math.random's seed until the spell calls math.randomseed
    clock_start: float = 1_700_000_000.0   # the virtual clock's epoch time at start
    grants: tuple = DEFAULT_GRANTS         # capability patterns ("net:127.0.0.1", "read:/data/*")
    allow_all: bool = False
    log_level: str = "info"                # the log bridge drops lines below this level
    disabled: tuple = ()                   # builtins taken away ("os.time", "load", "Date.now")
    modules: tuple | None = None           # the standard modules a spell may import (None: all)
    module_paths: tuple = ()               # folders require/import search after the spell's own
    source: str | None = None              # the policy file these came from, for messages

    def disabled_message(self, name: str) -> str:
        """Why builtin *name* is missing: the policy took it away, and where."""
        where = f" in {self.source}" if self.source else ""
        return f"permission denied: {name} is disabled by the policy ([builtins] disable{where})"

    def module_problem(self, name: str) -> str | None:
        """Why the policy refuses to let a spell import standard module *name*, or None."""
        if self.modules is None or name in self.modules:
            return None
        where = f" in {self.source}" if self.source else ""
        return (f"permission denied: module '{name}' is not among the modules the policy allows "
                f"([modules] stdlib{where}: {', '.join(self.modules) or 'none'})")

    def allows(self, capability: str) -> bool:
        """Whether a grant covers *capability*.  ``read:DIR``/``write:DIR`` grant
        DIR and everything below it (paths are resolved by the bridge before
        they are checked); ``net:HOST`` grants every port of HOST,
        ``net:HOST:PORT`` one port; other kinds match as glob patterns."""
        if self.allow_all:
            return True
        import fnmatch
        import os.path
        kind, _, what = capability.partition(":")
        for grant in self.grants:
            gkind, _, gwhat = grant.partition(":")
            if gkind != kind:
                continue
            if kind in ("read", "write"):
                root = gwhat.rstrip("/") or "/"
                if what == root or what.startswith(root + os.path.sep) or root == "/":
                    return True
            elif kind == "net":
                host, _, port = what.partition(":")
                ghost, _, gport = gwhat.partition(":")
                if fnmatch.fnmatchcase(host, ghost) and (not gport or gport == port):
                    return True
            elif fnmatch.fnmatchcase(what, gwhat):
                return True
        return False

    def flag_for(self, capability: str) -> str:
        kind, what = self._grant_of(capability)
        return f"{_FLAGS[kind]}={what}" if kind else "--allow-all"

    def toml_for(self, capability: str) -> str:
        """The policy-file line that grants *capability*, and where it goes."""
        import json
        kind, what = self._grant_of(capability)
        line = f"{kind} = [{json.dumps(what, ensure_ascii=False)}]" if kind else "all = true"
        return f"{line} under [permissions] in {POLICY_FILE}"

    def denial(self, capability: str) -> str:
        """The one wording of a denial, for every language: the capability and
        both ways to grant it."""
        return (f"permission denied: needs {capability} "
                f"(grant it with {self.flag_for(capability)}, or {self.toml_for(capability)})")

    @staticmethod
    def _grant_of(capability: str) -> tuple:
        """(permission kind, value) that grants *capability*; kind None when only
        allow-all does."""
        kind, _, what = capability.partition(":")
        if kind == "destructive":
            kind = "tool"          # --allow-tool=NAME also lets a destructive tool run
        return (kind, what) if kind in _FLAGS else (None, what)
