"""Agents: ``llm.agent{model, system, tools, max_steps}`` and ``agent:run(prompt)``.

``run`` is a real tool-calling loop over the provider's tool-calling API: the
model sees the tools' JSON schemas; when it asks for calls, llmspell runs them
(arguments validated against each tool's schema, capabilities checked), feeds
the results back as ``tool`` messages, and repeats until the model answers or
``max_steps`` is reached.  A tool's failure — bad arguments, a denied
permission, an error in its handler — is a message the model sees, not a
crash.  An agent keeps its conversation (``agent:history()``,
``agent:reset()``); another agent in ``tools`` becomes a tool that takes a
``prompt``.
"""
from __future__ import annotations

import json

from ..vm.runtime import ScriptThrow
from .events import emit
from .host import BridgeFailure, BridgeObject
from .llm import generate
from .registry import Field, intrinsic
from .tools import Tool, run_tool, tools_of


class Agent(BridgeObject):
    kind = "agent"

    def __init__(self, spec: dict):
        self.model = spec["model"]
        self.name = spec.get("name") or "agent"
        self.system = spec.get("system")
        self.tool_refs = list(spec.get("tools") or [])
        self.max_steps = spec.get("max_steps") or 10
        self.options = {k: spec.get(k) for k in ("temperature", "max_tokens", "api_base", "timeout", "rules")}
        self.description = spec.get("description") or f"Ask the {self.name} agent"
        self.messages: list[dict] = []

    def tools(self, call) -> dict[str, Tool]:
        available = tools_of(call.host)
        out = {}
        for ref in self.tool_refs:
            if isinstance(ref, Agent):
                out[ref.name] = _agent_tool(ref)
            elif isinstance(ref, str):
                tool = available.get(ref)
                if tool is None:
                    raise BridgeFailure(f"agent '{self.name}' names an unknown tool '{ref}'")
                out[ref] = tool
            else:
                raise BridgeFailure(f"agent '{self.name}': tools are tool names or agents")
        return out

    def run(self, call, prompt: str) -> str:
        tools = self.tools(call)
        schemas = [t.schema() for t in tools.values()] or None
        if not self.messages and self.system:
            self.messages.append({"role": "system", "content": self.system})
        self.messages.append({"role": "user", "content": prompt})
        emit(call.host, "agent.started", {"agent": self.name, "prompt": prompt})
        for step in range(1, self.max_steps + 1):
            request = dict({k: v for k, v in self.options.items() if v is not None},
                           model=self.model, messages=self.messages, tools=schemas)
            out = generate(call, request)
            emit(call.host, "agent.step", {"agent": self.name, "step": step,
                                           "tool_calls": [tc["name"] for tc in out["tool_calls"]]})
            if not out["tool_calls"]:
                self.messages.append({"role": "assistant", "content": out["content"]})
                emit(call.host, "agent.finished", {"agent": self.name, "steps": step, "answer": out["content"]})
                return out["content"]
            self.messages.append({"role": "assistant", "content": out["content"] or None, "tool_calls": [
                {"id": tc["id"], "type": "function",
                 "function": {"name": tc["name"], "arguments": tc["arguments"]}} for tc in out["tool_calls"]]})
            for tc in out["tool_calls"]:
                self.messages.append({"role": "tool", "tool_call_id": tc["id"],
                                      "content": _run_requested(call, tools, tc)})
        raise BridgeFailure(f"agent '{self.name}' gave no final answer within max_steps = {self.max_steps}")


def _run_requested(call, tools: dict, tc: dict) -> str:
    """One tool call the model asked for; every failure becomes its answer."""
    tool = tools.get(tc["name"])
    if tool is None:
        return f"error: there is no tool named '{tc['name']}'"
    try:
        args = json.loads(tc["arguments"] or "{}")
    except ValueError as e:
        return f"error: the arguments are not valid JSON ({e.msg})"
    if not isinstance(args, dict):
        return "error: the arguments must be a JSON object"
    meter = call.rt.meter
    depth = meter.depth.cell_contents
    try:
        result = run_tool(call, tool, args)
    except BridgeFailure as e:
        return f"error: {e}"
    except ScriptThrow as e:            # the spell's handler failed: the model hears about it
        meter.depth.cell_contents = depth
        return f"error: {e.value if isinstance(e.value, str) else call.rt.tostring(e.value)}"
    return result if isinstance(result, str) else json.dumps(result, ensure_ascii=False)


def _agent_tool(agent: Agent) -> Tool:
    return Tool(agent.name, agent.description,
                {"type": "object", "properties": {"prompt": {"type": "string", "description": "the task"}},
                 "required": ["prompt"]},
                lambda call, args: agent.run(call, args["prompt"]))


AGENT_SPEC = Field("spec", "table", required=True, fields=(
    Field("model", "string", required=True),
    Field("name", "string", doc="how other agents call it when it is their tool"),
    Field("description", "string"),
    Field("system", "string"),
    Field("tools", "array", doc="tool names, or agents"),
    Field("max_steps", "integer", default=10),
    Field("temperature", "number"), Field("max_tokens", "integer"), Field("api_base", "string"),
    Field("timeout", "number"),
    Field("rules", "array", doc="the rules of the offline model scripted/rules"),
))


@intrinsic("llm.agent", params=(AGENT_SPEC,), result=Field("agent", "object"), capability="model:{model}")
def make_agent(call, spec):
    """An agent: a model, a system prompt and tools, with its own conversation."""
    return Agent(spec)


@intrinsic("agent.run", params=(Field("prompt", "string", required=True),), method_of="agent", waits=True)
def agent_run(call, agent: Agent, prompt):
    """Run the tool-calling loop on a prompt; returns the final answer."""
    return agent.run(call, prompt)


@intrinsic("agent.history", method_of="agent")
def agent_history(call, agent: Agent):
    """The conversation so far (messages with role and content)."""
    return [{k: v for k, v in m.items() if v is not None} for m in agent.messages]


@intrinsic("agent.reset", method_of="agent")
def agent_reset(call, agent: Agent):
    """Forget the conversation."""
    agent.messages.clear()
    return None
