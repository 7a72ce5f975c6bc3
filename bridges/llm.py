"""The ``llm`` bridge: completions, streaming and structured output.

``llm.complete{model, prompt | messages, system, temperature, max_tokens,
schema, on_token}`` returns ``{content, usage = {prompt_tokens,
completion_tokens, total_tokens}, cost, model, finish_reason}``; with a JSON
``schema`` the answer is parsed and validated into ``data``, and a mismatch is
fed back to the model (at most ``schema_retries`` times) before failing with
the validation error.  Tokens and cost count against the run's budgets.
"""
from __future__ import annotations

import json

from . import hooks, providers
from .events import emit
from .host import BridgeFailure
from ..vm.waits import in_branch, wait
from .registry import Field, intrinsic

MESSAGE = Field("message", "table", fields=(Field("role", "string", required=True,
                                                  enum=("system", "user", "assistant", "tool")),
                                            Field("content", "string")))
REQUEST = Field("request", "table", required=True, fields=(
    Field("model", "string", required=True, doc="provider/model, e.g. openai/gpt-4o, or scripted/echo offline"),
    Field("prompt", "string", doc="a single user message"),
    Field("messages", "array", items=MESSAGE, doc="the conversation, instead of prompt"),
    Field("system", "string", doc="system message put first"),
    Field("temperature", "number"),
    Field("max_tokens", "integer"),
    Field("schema", "table", doc="JSON schema: the answer is parsed and validated into data"),
    Field("schema_retries", "integer", default=2, doc="how often a mismatch is fed back to the model"),
    Field("on_token", "function", doc="called with each piece of a streamed answer"),
    Field("api_base", "string", doc="the provider's URL (e.g. a local OpenAI-compatible server)"),
    Field("timeout", "number", doc="seconds per request"),
    Field("rules", "array", doc="the rules of the offline model scripted/rules"),
))
RESULT = Field("result", "table", fields=(
    Field("content", "string"), Field("usage", "table"), Field("cost", "number"), Field("model", "string"),
    Field("finish_reason", "string"), Field("data", "any")))


def build_messages(req: dict) -> list:
    messages = []
    if req.get("system"):
        messages.append({"role": "system", "content": req["system"]})
    if req.get("messages"):
        messages.extend(dict(m) for m in req["messages"])
    if req.get("prompt") is not None:
        messages.append({"role": "user", "content": req["prompt"]})
    if not messages or all(m["role"] == "system" for m in messages):
        raise BridgeFailure("bad argument 'request' (prompt or messages expected)")
    return messages


def generate(call, request: dict, on_token=None) -> dict:
    """One model call as every bridge makes it: hooks, events, the provider, budgets.

    *request* is ``{model, messages, temperature?, max_tokens?, tools?, ...}``."""
    host = call.host
    ctx = {"call": call.intrinsic.name, "model": request["model"]}
    request = hooks.apply(host, "beforeGenerate", ctx, request)
    emit(host, "llm.request", {"model": request["model"], "messages": request["messages"]})
    opts = {k: request.get(k) for k in ("temperature", "max_tokens", "api_base", "timeout", "tools", "rules")}
    meter = call.rt.meter
    # the run's --timeout bounds the wait too, not only the spell's own code
    opts["deadline"] = meter.deadline
    cassette = getattr(host, "cassette", None)
    try:
        if cassette is not None:
            out = cassette.answer(request, lambda: _ask(request, on_token, opts))
            if cassette.mode == "replay" and on_token is not None:
                on_token(out["content"])
        else:
            out = _ask(request, on_token, opts)
    except BridgeFailure:
        meter.check_time()          # a wait cut short by the run's timeout is that limit
        raise
    meter.check_time()
    meter.charge_tokens(out["usage"].get("total_tokens", 0), out.get("cost", 0.0))
    out = hooks.apply(host, "afterGenerate", ctx, request, out)
    emit(host, "llm.response", _public(out))
    return out


def _ask(request: dict, on_token, opts: dict) -> dict:
    if on_token is not None and in_branch():
        # the request runs on a worker thread: collect the pieces there and
        # hand them to the spell's callback here, in order
        pieces: list = []
        out = wait(providers.chat, request["model"], request["messages"], on_token=pieces.append, **opts)
        for piece in pieces:
            on_token(piece)
    else:
        out = wait(providers.chat, request["model"], request["messages"], on_token=on_token, **opts)
    return out


@intrinsic("llm.complete", params=(REQUEST,), result=RESULT, capability="model:{model}", waits=True)
def complete(call, req):
    """One completion; with ``schema``, a validated ``data`` table too."""
    messages = build_messages(req)
    on_token = req.get("on_token")
    base = {k: req[k] for k in ("model", "temperature", "max_tokens", "api_base", "timeout", "rules")
            if req.get(k) is not None}
    schema = req.get("schema")
    tries = (req.get("schema_retries") or 0) + 1 if schema is not None else 1
    for attempt in range(tries):
        out = generate(call, dict(base, messages=messages), on_token)
        if schema is None:
            return _public(out)
        problem, data = _validate(out["content"], schema)
        if problem is None:
            result = _public(out)
            result["data"] = data
            return result
        messages = messages + [{"role": "assistant", "content": out["content"]},
                               {"role": "user", "content": f"That answer does not match the JSON schema: {problem}. "
                                                           "Reply with JSON only, matching the schema."}]
    raise BridgeFailure(f"the answer does not match the schema after {tries} attempt(s): {problem}")


def _public(out: dict) -> dict:
    return {"content": out["content"], "usage": out["usage"], "cost": out["cost"], "model": out["model"],
            "finish_reason": out["finish_reason"]}


def _validate(text: str, schema: dict):
    """``(problem, data)``: the JSON in *text* checked against *schema*."""
    import jsonschema
    body = text.strip()
    if body.startswith("```"):
        body = body.strip("`")
        body = body.split("\n", 1)[1] if "\n" in body else body
    try:
        data = json.loads(body)
    except ValueError as e:
        return f"not JSON ({e.msg} at position {e.pos})", None
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as e:
        where = "/".join(str(p) for p in e.absolute_path) or "the top level"
        return f"{e.message} (at {where})", None
    except jsonschema.SchemaError as e:
        raise BridgeFailure(f"bad argument 'request.schema' (not a valid JSON schema: {e.message})")
    return None, data
