"""Talking to models: litellm for every real provider, plus offline models.

``chat(...)`` is the one entry point the ``llm`` bridge uses.  The model string
selects the provider, as litellm does (``openai/gpt-4o``, ``anthropic/...``,
``ollama/...``), and two offline providers that are honest about what they are:

* ``scripted/echo`` answers "echo: <the last user message>";
* ``scripted/reverse`` answers the last user message reversed (handy to see
  data flow through a workflow);
* ``scripted/rules`` follows rules the spell's author writes in the request
  (``rules = {{when = "weather", call = {name = "get_weather", arguments =
  {...}}}, {when = "sunny", reply = "It is sunny."}}``): the first rule whose
  ``when`` (a plain substring) occurs in the last message — the user's prompt
  or a tool's result — answers, with a text ``reply`` or a tool ``call``.
  Agents with tools run offline this way, and nobody mistakes it for a model.

litellm is imported lazily — a spell that calls no LLM never pays its ~2 s
import — with ``LITELLM_LOCAL_MODEL_COST_MAP`` set so the import does not reach
for the internet.  Transient failures (429, 5xx, timeouts, refused
connections) are retried with exponential backoff, then reported clearly.
"""
from __future__ import annotations

import json
import os
import time

from .host import BridgeFailure

RETRIES = 3
BACKOFF = 0.5          # seconds before the first retry; doubles each time

_litellm = None


def litellm():
    global _litellm
    if _litellm is None:
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
        os.environ.setdefault("LITELLM_MODE", "PRODUCTION")     # DEV mode loads a stray .env file
        import litellm as lib
        lib.suppress_debug_info = True
        _litellm = lib
    return _litellm


def _words(text: str) -> int:
    return len(text.split())


def _scripted(model: str, messages: list, rules) -> dict:
    kind = model.split("/", 1)[1]
    last = next((m.get("content") or "" for m in reversed(messages) if m.get("role") == "user"), "")
    calls = []
    if kind == "echo":
        text = f"echo: {last}"
    elif kind == "reverse":
        text = last[::-1]
    elif kind == "rules":
        text, calls = _follow_rules(rules, messages)
    else:
        raise BridgeFailure(f"unknown offline model {model!r} "
                            "(offline models: scripted/echo, scripted/reverse, scripted/rules)")
    prompt = sum(_words(str(m.get("content") or "")) for m in messages)
    done = _words(text) + sum(_words(c["arguments"]) for c in calls)
    usage = {"prompt_tokens": prompt, "completion_tokens": done, "total_tokens": prompt + done}
    return {"content": text, "tool_calls": calls, "usage": usage, "model": model,
            "finish_reason": "tool_calls" if calls else "stop", "cost": 0.0}


def _follow_rules(rules, messages) -> tuple[str, list]:
    if not rules:
        raise BridgeFailure("scripted/rules needs rules = {{when = ..., reply = ... | call = ...}, ...}")
    last = str(messages[-1].get("content") or "")
    for rule in rules:
        if str(rule.get("when", "")) in last:
            call = rule.get("call")
            if call:
                n = sum(1 for m in messages if m.get("role") == "assistant") + 1
                return "", [{"id": f"call_{n}", "name": call["name"],
                             "arguments": json.dumps(call.get("arguments") or {})}]
            return str(rule.get("reply", "")), []
    return "(no rule matched)", []


def chat(model: str, messages: list, *, temperature=None, max_tokens=None, tools=None,
         on_token=None, api_base=None, timeout=None, response_format=None, rules=None,
         deadline=None) -> dict:
    """One chat completion: ``{content, tool_calls, usage, model, finish_reason, cost}``.

    *deadline* (a ``time.monotonic()`` value) caps every attempt's timeout and
    stops the retries: past it the call fails at once."""
    if model.startswith("scripted/"):
        out = _scripted(model, messages, rules)
        if on_token is not None:
            for piece in out["content"].split(" "):
                on_token(piece + " ")
        return out
    lib = litellm()
    # our retry loop is the only one: litellm's SDK would otherwise retry twice
    # more inside each attempt, hiding how many requests a call really made
    kwargs = {"model": model, "messages": messages, "max_retries": 0}
    if temperature is not None:
        kwargs["temperature"] = temperature
    if max_tokens is not None:
        kwargs["max_tokens"] = max_tokens
    if tools:
        kwargs["tools"] = tools
    if response_format is not None:
        kwargs["response_format"] = response_format
    if api_base is not None:
        kwargs["api_base"] = api_base
    if timeout is not None:
        kwargs["timeout"] = timeout
    if model.startswith("openai/") and not os.environ.get("OPENAI_API_KEY"):
        kwargs["api_key"] = "no-key"        # local OpenAI-compatible servers accept any key
    transient = (lib.RateLimitError, lib.InternalServerError, lib.ServiceUnavailableError,
                 lib.Timeout, lib.APIConnectionError)
    delay = BACKOFF
    for attempt in range(1, RETRIES + 1):
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BridgeFailure(f"{model}: the run's time ran out while waiting")
            kwargs["timeout"] = min(timeout or left, left)
        try:
            if on_token is not None:
                return _stream(lib, kwargs, on_token)
            return _result(lib, lib.completion(**kwargs), model)
        except transient as e:
            if attempt == RETRIES:
                raise BridgeFailure(f"{type(e).__name__} from {model} after {RETRIES} attempts: {_short(e)}")
            if deadline is not None:
                delay = max(0.0, min(delay, deadline - time.monotonic()))
            time.sleep(delay)
            delay *= 2
        except lib.exceptions.APIError as e:
            raise BridgeFailure(f"{type(e).__name__} from {model}: {_short(e)}")
        except lib.BadRequestError as e:
            raise BridgeFailure(f"{model} rejected the request: {_short(e)}")
        except lib.AuthenticationError as e:
            raise BridgeFailure(f"{model}: authentication failed ({_short(e)}); set the provider's API key")
    raise AssertionError("unreachable")


def _short(e) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return text[:300]


def _result(lib, resp, model) -> dict:
    choice = resp.choices[0]
    msg = choice.message
    calls = []
    for tc in getattr(msg, "tool_calls", None) or []:
        calls.append({"id": tc.id, "name": tc.function.name, "arguments": tc.function.arguments})
    usage = getattr(resp, "usage", None)
    u = {"prompt_tokens": getattr(usage, "prompt_tokens", 0) or 0,
         "completion_tokens": getattr(usage, "completion_tokens", 0) or 0,
         "total_tokens": getattr(usage, "total_tokens", 0) or 0}
    try:
        cost = float(lib.completion_cost(completion_response=resp) or 0.0)
    except Exception:       # unknown model prices: cost stays 0
        cost = 0.0
    return {"content": msg.content or "", "tool_calls": calls, "usage": u,
            "model": getattr(resp, "model", None) or model, "finish_reason": choice.finish_reason, "cost": cost}


def _stream(lib, kwargs, on_token) -> dict:
    kwargs = dict(kwargs, stream=True, stream_options={"include_usage": True})
    parts = []
    finish = None
    usage = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
    model = kwargs["model"]
    for chunk in lib.completion(**kwargs):
        if getattr(chunk, "usage", None):
            u = chunk.usage
            usage = {"prompt_tokens": u.prompt_tokens or 0, "completion_tokens": u.completion_tokens or 0,
                     "total_tokens": u.total_tokens or 0}
        if not chunk.choices:
            continue
        delta = chunk.choices[0].delta
        text = getattr(delta, "content", None)
        if text:
            parts.append(text)
            on_token(text)
        if chunk.choices[0].finish_reason:
            finish = chunk.choices[0].finish_reason
    return {"content": "".join(parts), "tool_calls": [], "usage": usage, "model": model,
            "finish_reason": finish or "stop", "cost": 0.0}
