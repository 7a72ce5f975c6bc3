"""Fuzzing your spells with hypothesis: random model answers, tool results and inputs.

A spell's code meets its worst inputs in the answers of a model: prose where it
asked for JSON, JSON without the field it indexes, a tool call it did not
expect, a rate limit.  This module gives hypothesis strategies for those and
:func:`run_spell`, which runs a spell offline with the answers *injected* — no
provider, no network, no files — and returns what happened, an error included,
so a property can assert on it::

    from hypothesis import given
    from llmspell.testing import llm_answers, run_spell

    @given(llm_answers(schema=SCHEMA))
    def test_never_crashes(answer):
        assert run_spell("summarize.lua", answers=[answer]).error is None

How the answers get in: :func:`run_spell` hands the run an object that stands
where a ``--replay`` cassette stands (:mod:`llmspell.bridges.cassette`), so every
model call — ``llm.complete``, agents, workflow steps — takes the next answer
from :attr:`answers`, after the bridges' hooks, events and budgets ran exactly as
they do for a real model; and every call of a built-in tool that reaches outside
the run (``file_read``, ``file_list``, ``file_write``, ``http_get``,
``http_request``) takes the next of its *tool_results* instead of touching the
world.  The policy is still checked before either is used: a spell that reads a
file needs ``policy=`` granting it, as it would in production.
"""
from __future__ import annotations

import functools
import io
import json
import pathlib

import attrs
from hypothesis import strategies as st

from .errors import LlmspellError, UsageError
# imported now, not on the first run: the VM raises Python's recursion limit
# when it loads, and hypothesis warns when that happens inside one of its tests
from .vm.execute import execute

__all__ = ["Answer", "ToolFailure", "SpellRun", "llm_answers", "text_answers", "json_answers", "json_values",
           "broken_json_answers", "tool_call_answers", "provider_errors", "tool_results", "inputs",
           "run_spell"]


# -- what gets injected ---------------------------------------------------------------

@attrs.frozen
class Answer:
    """One model answer: text, tool calls (``(name, arguments JSON text)`` pairs),
    or — with *error* — the provider's failure, which the spell sees as the
    model call failing with that message (after llmspell's retries, as a real
    rate limit or timeout would)."""

    content: str = ""
    tool_calls: tuple = ()
    error: str | None = None


@attrs.frozen
class ToolFailure:
    """A built-in tool's failure (a missing file, a refused connection)."""

    message: str


@attrs.define
class SpellRun:
    """What one run did.  *error* is the :class:`~llmspell.LlmspellError` that
    ended it (a script error, a limit), or None; the other fields hold what
    happened up to that point either way."""

    output: str                 # what the spell printed
    error: LlmspellError | None
    journal: list               # every bridge call: name, args, result, fuel
    instructions: int
    tokens: int
    values: list = attrs.Factory(list)   # the main chunk's return values (empty after an error)


class _Injected:
    """Stands where a replayed cassette stands: answers model calls and
    outside-reaching built-in tools from the lists it was given, in order."""

    mode = "replay"     # a streaming callback gets each answer whole, as in a replay

    def __init__(self, answers, tool_results):
        self.answers = list(answers)
        self.tool_results = list(tool_results)
        self.asked = 0
        self.tools_run = 0

    def answer(self, request: dict, ask):
        from .bridges.host import BridgeFailure
        self.asked += 1
        if self.asked > len(self.answers):
            raise BridgeFailure(f"llmspell.testing: model call #{self.asked} has no answer "
                                f"({len(self.answers)} given to run_spell)")
        a = self.answers[self.asked - 1]
        a = Answer(a) if isinstance(a, str) else a
        if a.error is not None:
            raise BridgeFailure(f"{request['model']}: {a.error}")
        calls = [{"id": f"call_{self.asked}_{i}", "name": name, "arguments": arguments}
                 for i, (name, arguments) in enumerate(a.tool_calls, 1)]
        prompt = sum(_words(m.get("content")) for m in request["messages"])
        done = _words(a.content) + sum(_words(c["arguments"]) for c in calls)
        return {"content": a.content, "tool_calls": calls, "model": request["model"], "cost": 0.0,
                "usage": {"prompt_tokens": prompt, "completion_tokens": done, "total_tokens": prompt + done},
                "finish_reason": "tool_calls" if calls else "stop"}

    def tool_answer(self, name: str, args: dict, ask):
        from .bridges.host import BridgeFailure
        self.tools_run += 1
        if self.tools_run > len(self.tool_results):
            raise BridgeFailure(f"llmspell.testing: call #{self.tools_run} of a built-in tool ('{name}') "
                                f"has no result ({len(self.tool_results)} given to run_spell)")
        result = self.tool_results[self.tools_run - 1]
        if isinstance(result, ToolFailure):
            raise BridgeFailure(result.message)
        return result


def _words(text) -> int:
    """Token counts as the offline models count them: words."""
    return len(str(text or "").split())


# -- strategies -----------------------------------------------------------------------

def json_values(max_leaves: int = 10) -> st.SearchStrategy:
    """Any JSON value (what a model may return when it ignores the schema)."""
    scalars = (st.none() | st.booleans() | st.integers(-10**6, 10**6)
               | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20))
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=max_leaves)


def _matching(schema: dict) -> st.SearchStrategy:
    """Values for the JSON-schema subset answers are usually asked in (type,
    properties, required, items, enum, const, anyOf/oneOf, sizes and bounds);
    other keywords are honoured by the final filter in :func:`json_answers`."""
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of([_matching(s) for s in schema[key]])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([_matching(dict(schema, type=k)) for k in kind])
    if kind == "object":
        props = schema.get("properties", {})
        required = set(schema.get("required", ()))
        return st.fixed_dictionaries({k: _matching(v) for k, v in props.items() if k in required},
                                     optional={k: _matching(v) for k, v in props.items() if k not in required})
    if kind == "array":
        return st.lists(_matching(schema.get("items", {})), min_size=schema.get("minItems", 0),
                        max_size=schema.get("maxItems", max(schema.get("minItems", 0), 5)))
    if kind == "string":
        return st.text(min_size=schema.get("minLength", 0),
                       max_size=schema.get("maxLength", max(schema.get("minLength", 0), 40)))
    if kind == "integer":
        return st.integers(schema.get("minimum"), schema.get("maximum"))
    if kind == "number":
        lo, hi = schema.get("minimum"), schema.get("maximum")
        return st.integers(lo, hi) | st.floats(lo, hi, allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return json_values()


def _validator(schema: dict):
    import jsonschema
    try:
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
    except jsonschema.SchemaError as e:
        raise UsageError(f"llmspell.testing: not a valid JSON schema ({e.message})") from None
    return cls(schema)


def _spelled(value) -> st.SearchStrategy:
    """The ways a model writes a JSON value: bare, indented, or in a ```json fence
    (llm.complete's schema check accepts all three; a spell parsing the text
    itself may not)."""
    return st.sampled_from([json.dumps(value, ensure_ascii=False), json.dumps(value, indent=2),
                            f"```json\n{json.dumps(value)}\n```"])


def text_answers() -> st.SearchStrategy:
    """Free text, empty included."""
    return st.builds(Answer, st.text(max_size=200))


def json_answers(schema: dict | None = None) -> st.SearchStrategy:
    """JSON answers matching *schema* (any JSON without one)."""
    if schema is None:
        return json_values().flatmap(_spelled).map(Answer)
    valid = _validator(schema).is_valid
    return _matching(schema).filter(valid).flatmap(_spelled).map(Answer)


def broken_json_answers(schema: dict) -> st.SearchStrategy:
    """Answers a model gives when it misses *schema*: a required field left out,
    JSON of another shape, prose around the JSON, JSON cut short."""
    valid = _validator(schema).is_valid
    missing = st.nothing()
    if schema.get("type") == "object" and schema.get("required"):
        missing = st.tuples(_matching(schema), st.sampled_from(schema["required"])).map(
            lambda vk: {k: v for k, v in vk[0].items() if k != vk[1]})
    wrong = json_values().filter(lambda v: not valid(v))
    as_json = (missing | wrong).flatmap(_spelled)
    good = _matching(schema).map(json.dumps)
    chatty = good.map(lambda t: f"Sure! Here is the JSON you asked for:\n{t}")
    cut = good.filter(lambda t: len(t) > 1).flatmap(lambda t: st.integers(1, len(t) - 1).map(lambda n: t[:n]))
    return (as_json | chatty | cut).map(Answer)


def tool_call_answers(tools=None) -> st.SearchStrategy:
    """A request to call tools: *tools* is a list of names, or a dict of name →
    JSON schema of the arguments (the arguments then match it); names the spell
    does not have and arguments that are not JSON come up too."""
    if isinstance(tools, dict) and tools:
        named = st.sampled_from(sorted(tools)).flatmap(
            lambda n: st.tuples(st.just(n), _matching(tools[n] or {"type": "object"}).map(json.dumps)))
    else:
        names = st.sampled_from(list(tools)) if tools else st.from_regex(r"[a-z_]{1,12}", fullmatch=True)
        named = st.tuples(names, st.dictionaries(st.text(max_size=8), json_values(4), max_size=3).map(json.dumps))
    stray = st.tuples(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), st.just("{}"))
    not_json = st.tuples(st.sampled_from(list(tools)) if tools else st.just("tool"), st.just("{not json"))
    return st.lists(named | stray | not_json, min_size=1, max_size=3).map(
        lambda calls: Answer(tool_calls=tuple(calls)))


#: what providers fail with, as llmspell reports them after its retries
PROVIDER_FAILURES = (
    "RateLimitError after 3 attempts: rate limit exceeded (injected by llmspell.testing)",
    "Timeout after 3 attempts: the request timed out (injected by llmspell.testing)",
    "InternalServerError after 3 attempts: 500 (injected by llmspell.testing)",
    "authentication failed (injected by llmspell.testing); set the provider's API key",
    "the request was rejected: context length exceeded (injected by llmspell.testing)",
)


def provider_errors() -> st.SearchStrategy:
    """Failed model calls: rate limits, timeouts, server errors, refusals."""
    return st.sampled_from(PROVIDER_FAILURES).map(lambda m: Answer(error=m))


def llm_answers(schema: dict | None = None, tools=None) -> st.SearchStrategy:
    """Any one model answer: free text, JSON (matching *schema* and breaking it,
    when given), tool-call requests (for *tools*, see :func:`tool_call_answers`),
    provider errors and timeouts.  Draw a list of them for a spell that asks
    more than once: ``st.lists(llm_answers(), min_size=3)``."""
    kinds = [text_answers(), json_answers(schema), tool_call_answers(tools), provider_errors()]
    if schema is not None:
        kinds.append(broken_json_answers(schema))
    return st.one_of(kinds)


def tool_results(values: st.SearchStrategy | None = None) -> st.SearchStrategy:
    """One result of a built-in tool that reaches outside (files, HTTP): one of
    *values* (default: text, or any JSON value), or a :class:`ToolFailure`."""
    values = values if values is not None else st.text(max_size=200) | json_values()
    failures = st.sampled_from(["no such file (injected by llmspell.testing)",
                                "connection refused (injected by llmspell.testing)",
                                "timed out after 30 s (injected by llmspell.testing)"]).map(ToolFailure)
    return values | failures


def inputs(**fields) -> st.SearchStrategy:
    """The spell's inputs (``--arg K=V``: Lua's ``...``, JavaScript's ``args``).
    Each field is a strategy or a fixed value; with none, random names to text,
    as the command line gives them."""
    if not fields:
        return st.dictionaries(st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True), st.text(max_size=40),
                               max_size=4)
    return st.fixed_dictionaries({k: v if isinstance(v, st.SearchStrategy) else st.just(v)
                                  for k, v in fields.items()})


# -- running --------------------------------------------------------------------------

#: a fuzzed spell that loops forever on some answer ends at this limit instead of hanging
DEFAULT_LIMITS = {"max_instructions": 10_000_000}


def run_spell(spell, lang: str | None = None, *, answers=(), tool_results=(), inputs: dict | None = None,
              limits: dict | None = None, policy=None) -> SpellRun:
    """Run *spell* (a path, or source text) offline with injected *answers*
    (:class:`Answer` or plain text, one per model call, in order) and
    *tool_results* (one per call of an outside-reaching built-in tool).

    *inputs* is the spell's input table; *limits* overrides fields of
    :class:`~llmspell.sandbox.policy.Limits` (default: at most 10 million
    instructions) in *policy* (default: the CLI's defaults).  An error the run
    ends with is returned in :attr:`SpellRun.error`, never raised; a spell that
    does not compile — or a module it imports statically — raises its
    ParseError/CompileError at once.  Modules in another language answer
    from the same *answers* and *tool_results*."""
    from .sandbox.policy import Policy
    from .vm.values import to_python
    from .api import bridges_setup, chunk_loader
    from .modules import Linker
    program = _compiled(*_spell_source(spell, lang))
    policy = policy or Policy()
    try:
        policy = attrs.evolve(policy, limits=attrs.evolve(policy.limits, **{**DEFAULT_LIMITS, **(limits or {})}))
    except (TypeError, ValueError) as e:
        raise UsageError(f"llmspell.testing: bad limits ({e})") from None
    injected = _Injected([answers] if isinstance(answers, (str, Answer)) else answers, tool_results)
    install = bridges_setup(injected)
    out = io.StringIO()
    linker = Linker(program.module, policy, out, install)      # modules answer from the same injections
    seen: list = []

    def setup(rt):
        seen.append(rt)
        install(rt)
        linker.attach(rt)
    error, values = None, []
    try:
        linker.link(program.module)
        outcome = execute(program.compiled, policy, out, (inputs,) if inputs is not None else (),
                          loader=chunk_loader, setup=setup)
        values = [to_python(v) for v in outcome.values]
    except LlmspellError as e:
        e.source = linker.source_set()
        error = e
        if not seen:            # linking failed: nothing ran
            raise
    rt = seen[0]
    return SpellRun(out.getvalue(), error, list(rt.bridges.journal), rt.meter.instructions, rt.meter.tokens,
                    values)


def _spell_source(spell, lang):
    """``(source, lang, name)`` from a path or from source text."""
    from .api import lang_for
    text = str(spell)
    is_path = isinstance(spell, pathlib.PurePath) or ("\n" not in text and pathlib.Path(text).is_file())
    if is_path:
        try:
            source = pathlib.Path(text).read_text(encoding="utf-8")
        except OSError as e:
            raise UsageError(f"llmspell.testing: cannot read {text}: {e.strerror}") from None
        return source, lang_for(text, lang), text
    return text, lang_for("<spell>", lang or "lua"), "<spell>"


@functools.lru_cache(maxsize=64)
def _compiled(source: str, lang: str, name: str):
    """A hypothesis run calls the same spell hundreds of times: compile it once."""
    from .api import compile
    program = compile(source, lang, name)
    program.compiled        # compile to Python now, once
    return program
