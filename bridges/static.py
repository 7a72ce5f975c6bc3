"""What ``llmspell check`` knows about the bridges and each language's
library: the :class:`~llmspell.sandbox.validate.Catalog` the static analysis
asks.  Every answer comes from the same declarations the run uses — the
registry's schemas and capability templates (:mod:`.host`'s own checks), the
built-in tools, the workflow template rules, and the globals a real runtime of
the language starts with — so check and run cannot drift apart."""
from __future__ import annotations

import difflib
import functools
import io

from ..sandbox.policy import Policy
from ..sandbox.unknown import OpenList, OpenTable, Static
from ..sandbox.validate import Catalog
from ..vm.runtime import BridgeFailure
from . import load_all
from .host import capability_of, check_args
from .registry import REGISTRY, namespaces
from .tools import BUILTIN, _args_from
from .workflow import KINDS, step_template, template_problems, template_refs, template_texts


class BridgeCatalog(Catalog):
    def __init__(self, lang: str):
        load_all()
        self.globals, self.modules = _library(lang)
        self.bridges = {ns: {it.short for it in items} for ns, items in namespaces().items()}
        self.methods: dict = {}
        for it in REGISTRY.values():
            if it.method_of:
                self.methods.setdefault(it.method_of, set()).add(it.short)
        self.makes = {it.name: it.result.name for it in REGISTRY.values()
                      if it.result is not None and it.result.type == "object"}
        self.tools = {name: tool.destructive for name, tool in BUILTIN.items()}

    def check_call(self, name, args):
        try:
            check_args(REGISTRY[name], args)
        except BridgeFailure as e:
            return str(e)
        return None

    def stray_fields(self, name, args):
        """Keys of option tables that the schema does not list and that are
        one typo away from a field it does (``temprature``): a table that allows
        extra keys would pass them silently at run time."""
        out = []
        for p, v in zip(REGISTRY[name].params, args):
            if p.fields and isinstance(v, dict):
                known = [f.name for f in p.fields]
                for key in v:
                    if key not in known and type(key) is str:
                        close = difflib.get_close_matches(key, known, n=1, cutoff=0.8)
                        if close:
                            out.append((key, close[0]))
        return out

    def capability(self, name, args):
        if any(_unknown(v) for v in args):
            return None
        cap = capability_of(REGISTRY[name], args)
        return None if cap is None or "{" in cap else cap

    def tool_call(self, name, args):
        tool = BUILTIN[name]
        needs = [f"tool:{name}"] + ([f"destructive:{name}"] if tool.destructive else [])
        if args is None or _unknown(args):
            return None, needs
        import jsonschema
        try:
            jsonschema.validate(args, tool.parameters)
        except jsonschema.ValidationError as e:
            where = "/".join(str(p) for p in e.absolute_path)
            return f"bad arguments to tool '{name}'{f' at {where}' if where else ''}: {e.message}", needs
        if tool.capability is not None:
            cap = tool.capability(args)
            if cap is not None:
                needs.append(cap)
        return None, needs

    def tool_args(self, name, values):
        tool = BUILTIN.get(name)
        if tool is None:
            return None
        try:
            return _args_from(tool, tuple(values))
        except BridgeFailure:
            return None

    def workflow_problems(self, spec, steps, inputs):
        wtype = spec.get("type") or "sequential"
        if wtype == "conditional" or _unknown(spec.get("type")):
            return []
        named = []
        for step in steps:
            kinds = [k for k in KINDS if step.get(k) is not None]
            if type(step.get("name")) is not str or len(kinds) != 1:
                return []                      # the run reports these; templates are unknowable
            named.append((step["name"], template_texts(step_template(kinds[0], step))))
        names = {n for n, _ in named}
        index = {n: i for i, (n, _) in reversed(list(enumerate(named)))}
        where = f"workflow '{spec.get('name') or 'workflow'}'"
        out = []
        for step, ref, problem in template_problems(wtype, names, [named], inputs if inputs is not None else _Any()):
            out.append((index[step], f"{where}, step '{step}': template '{{{{{ref}}}}}': {problem}"))
        if inputs is None:          # inputs unknown: a step's result under a name no step has
            for n, (step, texts) in enumerate(named):
                for ref in (r for text in texts for r in template_refs(text)):
                    head, _, rest = ref.partition(".")
                    if head not in names and rest.split(".")[0] in ("output", "status", "error"):
                        close = difflib.get_close_matches(head, sorted(names), n=1)
                        out.append((n, f"{where}, step '{step}': template '{{{{{ref}}}}}': no step is named "
                                       f"'{head}'" + (f" (did you mean '{close[0]}'?)" if close else "")))
        return out


class _Any:
    """Inputs that are not known: every name might be one."""

    def __contains__(self, name):
        return True


def _unknown(v) -> bool:
    """Whether *v* holds anything the analysis does not know."""
    if isinstance(v, (Static, OpenTable, OpenList)):
        return True
    if isinstance(v, dict):
        return any(_unknown(x) for x in v.values())
    if isinstance(v, list):
        return any(_unknown(x) for x in v)
    return False


@functools.cache
def _library(lang: str) -> tuple[dict, dict]:
    """The globals a runtime of *lang* starts with (each with its members) and
    the modules it can import with theirs — read from a real runtime."""
    from ..vm.execute import make_runtime
    rt = make_runtime(lang, Policy(), io.StringIO())
    modules = {}
    if lang == "tengo":
        from ..ir.tengo import MODULES
        from ..vm.tengo.stdlib import load
        modules = {name: set(rt.members(load(rt, name))) for name in MODULES}
    return rt.global_shape(), modules


@functools.cache
def catalog(lang: str) -> BridgeCatalog:
    return BridgeCatalog(lang)
