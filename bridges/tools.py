"""The ``tools`` bridge: tools the spell registers, built-in tools, and calling them.

A :class:`Tool` has a name, a description, parameters as a JSON schema object
(the seed's shorthand ``{location = {type = "string", required = true}}`` is
accepted and normalised), a handler, and metadata: the capability it needs
(``read:{path}``), ``destructive`` and ``requires_confirmation``.  The same
tool objects serve ``tools.call(name, args)``, direct calls
(``tools.file_write(path, content)``) and agents, which send the schemas to the
model and run the calls it asks for.
"""
from __future__ import annotations

from typing import Callable

import attrs

from . import hooks
from .events import emit
from .host import BridgeFailure, ScriptFunction
from .registry import Field, Intrinsic, intrinsic, namespace_setup


@attrs.define(eq=False)
class Tool:
    name: str
    description: str
    parameters: dict                      # JSON schema: {"type": "object", "properties": ..., "required": [...]}
    handler: Callable                     # (call, args: dict) -> Python data
    capability: Callable | None = None    # (args) -> capability string, or None
    destructive: bool = False
    requires_confirmation: bool = False
    builtin: bool = False

    @property
    def order(self) -> list[str]:
        return list(self.parameters.get("properties", {}))

    def schema(self) -> dict:
        """The OpenAI-style function schema sent to models."""
        return {"type": "function", "function": {"name": self.name, "description": self.description,
                                                 "parameters": self.parameters}}


#: built-in tools, shared by every run (see builtin_tools.py)
BUILTIN: dict[str, Tool] = {}


def builtin_tool(name: str, description: str, parameters: dict, capability=None,
                 destructive: bool = False):
    """Declare a built-in tool over its handler ``(call, args) -> result``."""
    def register(fn):
        BUILTIN[name] = Tool(name, description, normalise_parameters(parameters), fn, capability,
                             destructive, builtin=True)
        return fn
    return register


def normalise_parameters(params) -> dict:
    """JSON schema from either a JSON schema object or the seed's shorthand
    ``{name = {type = "string", required = true, description = "..."}}``."""
    if not params:
        return {"type": "object", "properties": {}, "required": []}
    if params.get("type") == "object" and "properties" in params:
        out = dict(params)
        out.setdefault("required", [])
        return out
    props, required = {}, []
    for key, spec in params.items():
        spec = dict(spec) if isinstance(spec, dict) else {"type": str(spec)}
        if spec.pop("required", False):
            required.append(key)
        props[key] = spec
    return {"type": "object", "properties": props, "required": required}


def tools_of(host) -> dict[str, Tool]:
    """This run's tools: the built-ins plus those the spell registered."""
    tools = getattr(host, "tools", None)
    if tools is None:
        tools = host.tools = dict(BUILTIN)
    return tools


def run_tool(call, tool: Tool, args: dict):
    """Validate *args* against the tool's schema, check its capabilities, run it."""
    import jsonschema
    host = call.host
    host.require(f"tool:{tool.name}")
    try:
        jsonschema.validate(args, tool.parameters)
    except jsonschema.ValidationError as e:
        where = "/".join(str(p) for p in e.absolute_path)
        raise BridgeFailure(f"bad arguments to tool '{tool.name}'{f' at {where}' if where else ''}: {e.message}")
    if tool.capability is not None:
        cap = tool.capability(args)
        if cap is not None:
            host.require(cap)
    if tool.destructive or tool.requires_confirmation:
        # nobody is there to confirm during a run: the policy must say yes in advance
        host.require(f"destructive:{tool.name}")
    ctx = {"call": "tool", "tool": tool.name}
    args = hooks.apply(host, "beforeToolCall", ctx, tool.name, args)
    emit(host, "tool.called", {"tool": tool.name, "args": args})
    clock = getattr(host.rt, "clock", None)
    start = clock.now() if clock is not None else 0.0
    cassette = getattr(host, "cassette", None)
    try:
        if cassette is not None and tool.builtin and tool.capability is not None:
            result = cassette.tool_answer(tool.name, args, lambda: tool.handler(call, args))
        else:
            result = tool.handler(call, args)
        result = hooks.apply(host, "afterToolCall", ctx, tool.name, args, result)
    except BridgeFailure as e:
        emit(host, "tool.executed", {"tool": tool.name, "success": False, "error": str(e),
                                     "duration": (clock.now() - start) if clock is not None else 0.0})
        raise
    emit(host, "tool.executed", {"tool": tool.name, "success": True,
                                 "duration": (clock.now() - start) if clock is not None else 0.0})
    return result


def _args_from(tool: Tool, values: tuple) -> dict:
    """Direct calls: one table of arguments (a table whose keys are all the
    tool's parameter names), or positional arguments in the order the tool's
    parameters were declared (``tools.json_stringify(t)``)."""
    names = tool.order
    if len(values) == 1 and isinstance(values[0], dict) and values[0] and set(values[0]) <= set(names):
        return values[0]
    if len(values) > len(names):
        raise BridgeFailure(f"tool '{tool.name}' takes {len(names)} argument(s), got {len(values)}")
    return {k: v for k, v in zip(names, values) if v is not None}


TOOL_SPEC = Field("tool", "table", required=True, fields=(
    Field("name", "string", required=True),
    Field("description", "string", default=""),
    Field("parameters", "table", doc="JSON schema object, or {arg = {type=..., required=true}}"),
    Field("handler", "function", required=True),
    Field("destructive", "boolean", default=False),
    Field("requires_confirmation", "boolean", default=False),
))


@intrinsic("tools.register", params=(TOOL_SPEC,))
def register(call, spec):
    """Register a tool the spell implements; it becomes callable as tools.NAME too."""
    host = call.host
    tools = tools_of(host)
    name = spec["name"]
    if name in tools and tools[name].builtin:
        raise BridgeFailure(f"'{name}' is a built-in tool")
    handler: ScriptFunction = spec["handler"]
    tools[name] = Tool(name, spec.get("description") or "", normalise_parameters(spec.get("parameters") or {}),
                       lambda c, args: handler(args), None, bool(spec.get("destructive")),
                       bool(spec.get("requires_confirmation")))
    host.rt.set_namespace_member(host.rt.get_global("tools"), name, direct_caller(host, name))
    return name


@intrinsic("tools.call", params=(Field("name", "string", required=True), Field("args", "table", default=None)))
def call_tool(call, name, args):
    """Call a tool by name with a table of arguments."""
    tool = tools_of(call.host).get(name)
    if tool is None:
        raise BridgeFailure(f"no tool named '{name}'{did_you_mean(call.host, name)}")
    return run_tool(call, tool, args if isinstance(args, dict) else {})


@intrinsic("tools.list")
def list_tools(call):
    """The tools available: name, description, parameters, destructive."""
    return [{"name": t.name, "description": t.description, "parameters": t.parameters,
             "destructive": t.destructive} for t in tools_of(call.host).values()]


def did_you_mean(host, name) -> str:
    """" (did you mean 'x'?)" for the closest tool name, or ""."""
    import difflib
    close = difflib.get_close_matches(name, list(tools_of(host)), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


_DIRECT = Intrinsic("tools.<name>", (Field("...args", "any"),), lambda *a: None, doc="a direct tool call")


def direct_caller(host, name: str):
    """``tools.NAME(...)``: the tool run through the same checks and journal."""
    from .host import Call

    def direct(*args):
        rt = host.rt
        try:
            values = tuple(host.to_host(a) for a in args)
            tool = tools_of(host)[name]
            call = Call(host, _DIRECT)
            arguments = _args_from(tool, values)
            entry = {"call": f"tools.{name}", "args": [arguments], "fuel": rt.meter.instructions}
            host.journal.append(entry)
            result = run_tool(call, tool, arguments)
            entry["result"] = result if isinstance(result, (str, int, float, bool, type(None))) else repr(result)
            return host.to_script(result)
        except BridgeFailure as e:
            return rt.bridge_failure(f"tools.{name}: {e}")
    from ..vm.runtime import register_function
    register_function(f"tools.{name}", direct)
    return host.rt.host_function(f"tools.{name}", direct)


@namespace_setup("tools")
def _install(host, table):
    for name in tools_of(host):
        host.rt.set_namespace_member(table, name, direct_caller(host, name))

