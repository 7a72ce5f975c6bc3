"""The ``workflow`` bridge: steps of agents, models, tools, functions and workflows.

::

    local wf = workflow.create{name = "research", type = "sequential"}
    wf:addStep{name = "search", agent = researcher, prompt = "Search for {{topic}}"}
    wf:addStep{name = "save", tool = "save", params = {path = "{{topic}}.md", content = "{{search.output}}"}}
    local r = wf:run{topic = "quantum computing"}
    -- r = {workflow = "research", status = "ok", output = <last step's output>,
    --      steps = {search = {status = "ok", output = "..."}, save = {...}}}

Steps (``wf:addStep{...}``, or ``steps = {...}`` in ``workflow.create``) have a
``name`` (letters, digits, ``_``, ``-``; unique in the workflow; not
``iteration``) and exactly one kind:

* ``agent`` + ``prompt`` (a template): the agent answers the prompt.  The step
  works on a *copy* of the agent's conversation as it is when the step starts,
  so steps — parallel ones too — never see each other's turns and
  ``agent:history()`` is unchanged; data flows between steps through templates;
* ``llm = {model, prompt, system?, temperature?, max_tokens?, api_base?, rules?}``:
  one completion (``prompt``/``system`` are templates); the output is its text;
* ``tool`` + ``params``: the tool is called with ``params``, templates filled
  in every string inside (a string that is exactly one template, like
  ``"{{fetch.output}}"``, passes the value itself, a table stays a table);
* ``fn``: called with ``(inputs, results)``; what it returns is the output;
* ``workflow``: a nested run; its inputs are this run's inputs, or the step's
  ``inputs`` table (templates filled as in ``params``).  The step's output is
  the nested output, its status the nested status, and ``steps`` its steps.

Templates: ``{{topic}}`` (an input), ``{{step.output}}``, ``{{step.status}}``,
``{{step.error}}``, ``{{step.output.field.1}}`` (digging into tables, array
indexes from 1), ``{{iteration}}`` (loops).  A name that is a step of the
workflow is the step, otherwise an input.  Strings are inserted as they are,
tables as JSON, other values as the language's ``tostring`` prints them.
Before a run starts every template is checked: an unknown name, a step that
runs later (or a parallel sibling) is an error naming the template and the
step; digging into a field that is not there fails that step.

Types (``workflow.create{type = ...}``):

* ``sequential`` (default): steps in order; each sees the results before it;
* ``parallel``: every step at once, at most ``max_concurrency`` in flight,
  through :func:`vm.waits.run_parallel` — their model waits overlap while the
  spell's code runs in declaration order, so output, journal and fuel are those
  of a sequential run.  The output, with ``merge = "all"`` (default), is the
  array of outputs of the steps that did not end in error, in declaration
  order; with ``merge = "first"`` it is the output of the first step, in
  declaration order, whose status is ``"ok"``;
* ``conditional``: ``branches = {{condition = fn, steps = {...}}, ...,
  default = {...}}``: the steps of the first branch whose ``condition(inputs)``
  is truthy run in sequence, else the ``default`` steps, else nothing.  The
  result's ``branch`` is the branch's index, ``"default"``, or nil.
  (``addStep`` does not apply: steps live in branches.)
* ``loop``: the steps run in sequence ``count`` times, or while
  ``["while"](inputs, results, i)`` is truthy (asked before iteration *i*), or
  until ``["until"](inputs, results, i)`` is (asked after iteration *i*), at
  most ``max_iterations`` (default 100) — more is an error for while/until.
  ``results`` carries over between iterations: each step's entry is its latest
  result (so a step can read what a later step said in the previous
  iteration).  The result's ``iterations`` counts them; the output is the last
  iteration's.

Truthy is as in Lua: everything but nil and false.

Per step: ``retry = {attempts = 3, backoff = 0.1}`` (up to 3 tries in all, the
n-th retry after ``backoff * 2^(n-1)`` real seconds); ``on_error = "fail"``
(default: the run fails with the step's error), ``"continue"`` (the step's
entry is ``{status = "error", error = msg}``, the run goes on) or
``"fallback"`` (entry ``{status = "fallback", output = fallback, error = msg}``;
``fallback`` is a value, or a function called with ``(inputs, results,
error)`` whose result is the output; giving ``fallback`` implies
``on_error = "fallback"``).  ``timeout`` (seconds) is the timeout of each
request the step waits for: every model request of an agent or llm step; a
tool step passes it as the tool's ``timeout`` argument when the tool has one
and ``params`` do not set it.  It is not allowed on fn and workflow steps
(what they wait for is up to them).

A step fails when a bridge reports a failure or the script raises an error in
its function; limits (fuel, tokens, depth, ...) are never step failures — the
spell ends.  An error in a condition, a loop predicate or a fallback function
is not a step's failure either: it is the spell's error, as in any callback.  A run's status is ``"error"`` when some step's (latest) result
has status ``"error"``, else ``"ok"``.

Events: ``workflow.started {workflow, type}``, ``workflow.step.started
{workflow, step, iteration?}``, ``workflow.step.finished {workflow, step,
status, attempts, error?}``, ``workflow.finished {workflow, status, error?}``.
"""
from __future__ import annotations

import copy
import functools
import json
import re

import attrs

from ..vm.runtime import ScriptThrow
from .agent import Agent
from .events import emit
from .host import BridgeFailure, BridgeObject, ScriptFunction, check_value, kind_of
from .llm import build_messages, generate
from .registry import Field, intrinsic
from .tools import did_you_mean, run_tool, tools_of
from ..vm.waits import run_parallel, wait

TYPES = ("sequential", "parallel", "conditional", "loop")
KINDS = ("agent", "llm", "tool", "fn", "workflow")
ENTRY_FIELDS = ("output", "status", "error")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
TEMPLATE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*)\s*\}\}")
#: how deep workflows may nest as steps of each other (cycles are refused outright)
MAX_NESTING = 32


def template_refs(text: str) -> list[str]:
    """The names a template text refers to, in order: ``"{{a.output}} {{t}}"`` →
    ``["a.output", "t"]``.  Text that only looks like a template (``{{ }}``,
    ``{{a b}}``) is literal text.  Pure: the static checker uses it too."""
    return [m.group(1) for m in TEMPLATE.finditer(text)]


@attrs.define(eq=False)
class Step:
    name: str
    kind: str                   # one of KINDS
    target: object              # Agent | llm options dict | tool name | ScriptFunction | Workflow
    template: object            # prompt (agent), {prompt, system} (llm), params (tool), inputs (workflow)
    timeout: float | None
    attempts: int
    backoff: float
    on_error: str
    fallback: object

    def texts(self) -> list[str]:
        return template_texts(self.template)


def template_texts(template) -> list[str]:
    """Every string of a step's template that may hold templates, in order."""
    out, stack = [], [template]
    while stack:
        v = stack.pop()
        if type(v) is str:
            out.append(v)
        elif isinstance(v, dict):
            stack.extend(reversed(list(v.values())))
        elif isinstance(v, list):
            stack.extend(reversed(v))
    return out


def step_template(kind: str, spec: dict):
    """What of a step spec is filled in from templates: the agent's prompt, the
    llm options' prompt and system, the tool's params, the nested workflow's
    inputs.  Pure: ``llmspell check`` reads literal steps with it."""
    if kind == "agent":
        return spec.get("prompt")
    if kind == "llm":
        target = spec["llm"]
        return {k: target[k] for k in ("prompt", "system") if target.get(k) is not None}
    if kind == "tool":
        return spec.get("params") or {}
    if kind == "workflow":
        return spec.get("inputs")
    return None


class Workflow(BridgeObject):
    kind = "workflow"

    def __init__(self, spec: dict):
        self.name = spec.get("name") or "workflow"
        self.type = spec.get("type") or "sequential"
        self.max_concurrency = spec.get("max_concurrency")
        self.merge = spec.get("merge") or "all"
        self.count = spec.get("count")
        self.while_ = spec.get("while")
        self.until = spec.get("until")
        self.max_iterations = spec.get("max_iterations") or 100
        self.steps: list[Step] = []                 # every step, in declaration order
        self.names: set[str] = set()
        self.branches: list[tuple] = []             # conditional: (condition | None for default, [Step])

    def contains(self, other: Workflow) -> bool:
        """Whether *other* is this workflow or nested in it, at any depth."""
        stack, seen = [self], set()
        while stack:
            w = stack.pop()
            if w is other:
                return True
            if id(w) not in seen:
                seen.add(id(w))
                stack.extend(s.target for s in w.steps if s.kind == "workflow")
        return False


# -- declaring steps ---------------------------------------------------------------------

def _add_step(call, wf: Workflow, spec: dict, where: str) -> Step:
    """Check a step spec (already type-checked by its Field) and add it to *wf*.
    *where* prefixes field names in errors: "" for addStep, "steps[2]." in create."""
    name = spec["name"]

    def bad(field: str, why: str):
        raise BridgeFailure(f"bad argument '{where}{field}' ({why})")

    if not NAME.match(name):
        bad("name", f"'{name}' is not a step name: letters, digits, _ and - expected")
    if name == "iteration":
        bad("name", "'iteration' is reserved for loops' {{iteration}}")
    if name in wf.names:
        bad("name", f"workflow '{wf.name}' already has a step named '{name}'")
    kinds = [k for k in KINDS if spec.get(k) is not None]
    if not kinds:
        raise BridgeFailure(f"bad argument '{where.rstrip('.') or 'step'}' (step '{name}' needs one of the "
                            f"fields {', '.join(KINDS)})")
    if len(kinds) > 1:
        bad(kinds[1], f"step '{name}' has both '{kinds[0]}' and '{kinds[1]}': one kind per step")
    kind = kinds[0]
    for field, owner in (("prompt", "agent"), ("params", "tool"), ("inputs", "workflow")):
        if spec.get(field) is not None and kind != owner:
            bad(field, f"only {owner} steps take {field}")
    target, template = spec[kind], step_template(kind, spec)
    if kind == "agent":
        if not isinstance(target, Agent):
            bad("agent", f"agent expected, got {kind_of(target)}")
        if spec.get("prompt") is None:
            bad("prompt", "an agent step needs a prompt")
    elif kind == "llm":
        call.host.require(f"model:{target['model']}")
        target = {k: v for k, v in target.items() if k not in template}
    elif kind == "tool":
        if target not in tools_of(call.host):
            bad("tool", f"no tool named '{target}'{did_you_mean(call.host, target)}")
    elif kind == "workflow":
        if not isinstance(target, Workflow):
            bad("workflow", f"workflow expected, got {kind_of(target)}")
        if target.contains(wf):
            bad("workflow", f"workflow '{target.name}' contains workflow '{wf.name}': a workflow cannot run itself")
    timeout = spec.get("timeout")
    if timeout is not None:
        if kind in ("fn", "workflow"):
            bad("timeout", "timeout applies to agent, llm and tool steps")
        if not timeout > 0:
            bad("timeout", "a positive number of seconds expected")
    retry = spec.get("retry") or {}
    attempts, backoff = retry.get("attempts", 1), retry.get("backoff", 0)
    if attempts < 1:
        bad("retry.attempts", "at least 1 expected")
    if not backoff >= 0:
        bad("retry.backoff", "a number of seconds >= 0 expected")
    fallback = spec.get("fallback")
    on_error = spec.get("on_error") or ("fallback" if fallback is not None else "fail")
    if on_error == "fallback" and fallback is None:
        bad("fallback", "on_error = 'fallback' needs a fallback value or function")
    if on_error != "fallback" and fallback is not None:
        bad("fallback", f"a fallback needs on_error = 'fallback', not '{on_error}'")
    step = Step(name, kind, target, template, timeout, attempts, float(backoff), on_error, fallback)
    wf.steps.append(step)
    wf.names.add(name)
    return step


LLM_STEP = Field("llm", "table", extra=False, doc="a completion: {model, prompt, system?, ...}", fields=(
    Field("model", "string", required=True), Field("prompt", "string", required=True), Field("system", "string"),
    Field("temperature", "number"), Field("max_tokens", "integer"), Field("api_base", "string"),
    Field("rules", "array", doc="the rules of the offline model scripted/rules"),
))
STEP_FIELDS = (
    Field("name", "string", required=True, doc="letters, digits, _ and -; unique in the workflow"),
    Field("agent", "object", doc="an agent step: the agent answers prompt"),
    Field("prompt", "string", doc="the agent step's prompt (a template)"),
    LLM_STEP,
    Field("tool", "string", doc="a tool step: the tool's name"),
    Field("params", "table", doc="the tool's arguments (templates in strings)"),
    Field("fn", "function", doc="a function step: fn(inputs, results) returns the output"),
    Field("workflow", "object", doc="a nested workflow"),
    Field("inputs", "table", doc="the nested workflow's inputs (templates in strings); default: this run's"),
    Field("timeout", "number", doc="seconds per request the step waits for (agent, llm, tool steps)"),
    Field("retry", "table", extra=False, doc="{attempts, backoff}: tries in all, seconds before the first retry",
          fields=(Field("attempts", "integer", default=1), Field("backoff", "number", default=0))),
    Field("on_error", "string", enum=("fail", "continue", "fallback"), doc="default fail"),
    Field("fallback", "any", doc="the output on failure: a value, or fn(inputs, results, error)"),
)
STEP = Field("step", "table", required=True, extra=False, fields=STEP_FIELDS)
STEP_ITEM = Field("step", "table", extra=False, fields=STEP_FIELDS)
BRANCH = Field("branch", "table", extra=False, fields=(
    Field("condition", "function", required=True), Field("steps", "array", items=STEP_ITEM, default=None)))
CREATE = Field("spec", "table", extra=False, fields=(
    Field("name", "string", default="workflow"),
    Field("type", "string", enum=TYPES, default="sequential"),
    Field("steps", "array", items=STEP_ITEM, doc="steps, as addStep takes them"),
    Field("max_concurrency", "integer", doc="parallel: steps in flight at once (default all)"),
    Field("merge", "string", enum=("all", "first"), doc="parallel: all outputs, or the first that succeeded"),
    Field("branches", "table", doc="conditional: {{condition = fn, steps = {...}}, ..., default = {...}}"),
    Field("default", "array", items=STEP_ITEM,
          doc="conditional: the default steps beside the branches (for JavaScript, whose arrays take no keys)"),
    Field("count", "integer", doc="loop: run the steps this many times"),
    Field("while", "function", doc="loop: fn(inputs, results, i) asked before each iteration"),
    Field("until", "function", doc="loop: fn(inputs, results, i) asked after each iteration"),
    Field("max_iterations", "integer", default=100, doc="loop: the most iterations while/until may run"),
))

_ONLY = {"max_concurrency": "parallel", "merge": "parallel", "branches": "conditional", "default": "conditional",
         "count": "loop",
         "while": "loop", "until": "loop"}


@intrinsic("workflow.create", params=(CREATE,), result=Field("workflow", "object"))
def create(call, spec):
    """A workflow: sequential, parallel, conditional or loop steps over named inputs."""
    spec = spec or {}
    wf = Workflow(spec)
    for field, kind in _ONLY.items():
        if spec.get(field) is not None and wf.type != kind:
            raise BridgeFailure(f"bad argument '{field}' (only {kind} workflows take {field})")
    if wf.max_concurrency is not None and wf.max_concurrency < 1:
        raise BridgeFailure("bad argument 'max_concurrency' (at least 1 expected)")
    if wf.type == "loop":
        given = [k for k in ("count", "while", "until") if spec.get(k) is not None]
        if len(given) != 1:
            raise BridgeFailure("bad argument 'spec' (a loop needs exactly one of count, while, until)")
        if wf.count is not None and wf.count < 0:
            raise BridgeFailure("bad argument 'count' (at least 0 expected)")
        if wf.max_iterations < 1:
            raise BridgeFailure("bad argument 'max_iterations' (at least 1 expected)")
    if wf.type == "conditional":
        if spec.get("steps") is not None:
            raise BridgeFailure("bad argument 'steps' (a conditional workflow's steps live in its branches)")
        branches = spec.get("branches") or {}
        if spec.get("default") is not None:
            if type(branches) is dict and branches.get("default") is not None:
                raise BridgeFailure("bad argument 'default' (the branches already have a default)")
            branches = dict(enumerate(branches, 1)) if type(branches) is list else dict(branches)
            branches["default"] = spec["default"]
        for where, condition, steps in _branches(call, branches):
            wf.branches.append((condition, [_add_step(call, wf, s, f"{where}[{i}].")
                                            for i, s in enumerate(steps, 1)]))
    for i, s in enumerate(spec.get("steps") or [], 1):
        _add_step(call, wf, s, f"steps[{i}].")
    return wf


def _branches(call, branches):
    """``(where, condition | None, steps)`` per branch of the seed's form
    ``{{condition = fn, steps = {...}}, ..., default = {...}}``, default last."""
    if type(branches) is list:
        branches = dict(enumerate(branches, 1))
    listed = [k for k in branches if k != "default"]
    if listed != list(range(1, len(listed) + 1)):
        raise BridgeFailure("bad argument 'branches' (an array of {condition, steps} and an optional default)")
    out = []
    for i in listed:
        b = check_value(call.intrinsic, BRANCH, branches[i], f"branches[{i}]")
        out.append((f"branches[{i}].steps", b["condition"], b.get("steps") or []))
    if branches.get("default") is not None:
        steps = check_value(call.intrinsic, Field("default", "array", items=STEP_ITEM), branches["default"],
                            "branches.default")
        out.append(("branches.default", None, steps))
    return out


@intrinsic("workflow.addStep", params=(STEP,), result=Field("workflow", "object"), method_of="workflow")
def add_step(call, wf: Workflow, spec):
    """Add a step (agent + prompt, llm, tool + params, fn, or workflow); returns the workflow."""
    if wf.type == "conditional":
        raise BridgeFailure("a conditional workflow's steps live in its branches (workflow.create{branches = ...})")
    _add_step(call, wf, spec, "")
    return wf


@intrinsic("workflow.steps", method_of="workflow")
def step_names(call, wf: Workflow):
    """The names of the steps, in declaration order."""
    return [s.name for s in wf.steps]


@intrinsic("workflow.run", params=(Field("inputs", "table", default=None),), method_of="workflow", waits=True)
def run(call, wf: Workflow, inputs):
    """Run with named inputs; returns {workflow, status, output, steps, ...}."""
    if type(inputs) is list:
        raise BridgeFailure("bad argument 'inputs' (a table of named values expected, got an array)")
    return run_workflow(call, wf, inputs or {}, 0)


# -- running -------------------------------------------------------------------------------

@attrs.define
class Scope:
    """What a step sees: the run's inputs, the results so far, the loop's iteration."""

    inputs: dict
    results: dict = attrs.Factory(dict)
    iteration: int | None = None


def run_workflow(call, wf: Workflow, inputs: dict, level: int) -> dict:
    if level > MAX_NESTING:
        raise BridgeFailure(f"workflows nested more than {MAX_NESTING} deep")
    check_templates(call, wf, inputs)
    host = call.host
    emit(host, "workflow.started", {"workflow": wf.name, "type": wf.type})
    try:
        result = _RUNNERS[wf.type](call, wf, Scope(inputs), level)
    except BridgeFailure as e:
        emit(host, "workflow.finished", {"workflow": wf.name, "status": "error", "error": str(e)})
        raise
    emit(host, "workflow.finished", {"workflow": wf.name, "status": result["status"]})
    return result


def _result(wf: Workflow, scope: Scope, output, **extra) -> dict:
    status = "error" if any(e["status"] == "error" for e in scope.results.values()) else "ok"
    return dict({"workflow": wf.name, "status": status, "output": output, "steps": scope.results}, **extra)


def _in_sequence(call, wf, steps, scope, level):
    """Run *steps* one after the other; the last one's output."""
    output = None
    for step in steps:
        entry = scope.results[step.name] = run_step(call, wf, step, scope, level)
        output = entry.get("output")
    return output


def _sequential(call, wf, scope, level):
    return _result(wf, scope, _in_sequence(call, wf, wf.steps, scope, level))


def _parallel(call, wf, scope, level):
    thunks = [functools.partial(run_step, call, wf, step, scope, level) for step in wf.steps]
    outcomes = run_parallel(thunks, wf.max_concurrency, call.rt.meter.depth)
    for how, value in outcomes:          # a failure, in declaration order, fails the run
        if how == "error":
            raise value
    entries = [value for _, value in outcomes]
    for step, entry in zip(wf.steps, entries):
        scope.results[step.name] = entry
    if wf.merge == "first":
        output = next((e.get("output") for e in entries if e["status"] == "ok"), None)
    else:
        output = [e.get("output") for e in entries if e["status"] != "error"]
    return _result(wf, scope, output)


def _conditional(call, wf, scope, level):
    for index, (condition, steps) in enumerate(wf.branches, 1):
        if condition is None or _truthy(call, condition(scope.inputs)):
            output = _in_sequence(call, wf, steps, scope, level)
            return _result(wf, scope, output, branch=index if condition is not None else "default")
    return _result(wf, scope, None, branch=None)


def _loop(call, wf, scope, level):
    i, output = 0, None
    while True:
        if wf.count is not None:
            if i >= wf.count:
                break
        elif wf.while_ is not None:
            if not _truthy(call, wf.while_(scope.inputs, scope.results, i + 1)):
                break
            if i >= wf.max_iterations:
                raise BridgeFailure(f"loop '{wf.name}' still running after max_iterations = {wf.max_iterations}")
        i += 1
        scope.iteration = i
        output = _in_sequence(call, wf, wf.steps, scope, level)
        if wf.until is not None:
            if _truthy(call, wf.until(scope.inputs, scope.results, i)):
                break
            if i >= wf.max_iterations:
                raise BridgeFailure(f"loop '{wf.name}' still running after max_iterations = {wf.max_iterations}")
    return _result(wf, scope, output, iterations=i)


_RUNNERS = {"sequential": _sequential, "parallel": _parallel, "conditional": _conditional, "loop": _loop}


def _truthy(call, v) -> bool:
    """A condition's result judged by the spell's own language (0 is true in
    Lua, false in JavaScript)."""
    return call.host.rt.truthy(call.host.to_script(v))


def run_step(call, wf: Workflow, step: Step, scope: Scope, level: int) -> dict:
    """One step with its retries and error policy: its result entry
    ``{status, output, error?, steps?}``.  Raises BridgeFailure when it fails
    under ``on_error = "fail"``; limits and other errors pass through."""
    host, meter = call.host, call.rt.meter
    event = {"workflow": wf.name, "step": step.name}
    if scope.iteration is not None:
        event["iteration"] = scope.iteration
    emit(host, "workflow.step.started", event)
    error = None
    for attempt in range(1, step.attempts + 1):
        if attempt > 1 and step.backoff > 0:
            meter.sleep(wait, step.backoff * 2 ** (attempt - 2))
        depth = meter.depth.cell_contents
        try:
            entry = _attempt(call, wf, step, scope, level)
            break
        except BridgeFailure as e:
            error = str(e)
        except ScriptThrow as e:            # an error raised by the spell's own code in this step
            meter.depth.cell_contents = depth
            error = e.value if isinstance(e.value, str) else call.rt.tostring(e.value)
    else:
        if step.on_error == "fail":
            emit(host, "workflow.step.finished", dict(event, status="error", attempts=attempt, error=error))
            raise BridgeFailure(f"workflow '{wf.name}', step '{step.name}': {error}")
        if step.on_error == "continue":
            entry = {"status": "error", "output": None, "error": error}
        else:
            value = step.fallback
            if isinstance(value, ScriptFunction):
                value = value(scope.inputs, scope.results, error)
            entry = {"status": "fallback", "output": value, "error": error}
    finished = dict(event, status=entry["status"], attempts=attempt)
    if entry.get("error") is not None:
        finished["error"] = entry["error"]
    emit(host, "workflow.step.finished", finished)
    return entry


def _attempt(call, wf: Workflow, step: Step, scope: Scope, level: int) -> dict:
    """One try at a step: its result entry, or an exception."""
    call.rt.meter.charge(1)
    resolve = functools.partial(_resolve, wf, scope)
    kind = step.kind
    if kind == "agent":
        agent = copy.copy(step.target)
        agent.messages = list(step.target.messages)         # the step's own copy of the conversation
        if step.timeout is not None:
            agent.options = dict(agent.options, timeout=step.timeout)
        return {"status": "ok", "output": agent.run(call, render_text(call, step.template, resolve))}
    if kind == "llm":
        texts = {k: render_text(call, v, resolve) for k, v in step.template.items()}
        request = dict(step.target, messages=build_messages(texts))
        if step.timeout is not None:
            request["timeout"] = step.timeout
        return {"status": "ok", "output": generate(call, request)["content"]}
    if kind == "tool":
        tool = tools_of(call.host).get(step.target)
        if tool is None:
            raise BridgeFailure(f"no tool named '{step.target}'")
        args = render_value(call, step.template, resolve)
        if (step.timeout is not None and "timeout" in tool.parameters.get("properties", {})
                and "timeout" not in args):
            args["timeout"] = step.timeout
        return {"status": "ok", "output": run_tool(call, tool, args)}
    if kind == "fn":
        return {"status": "ok", "output": step.target(scope.inputs, scope.results)}
    inputs = scope.inputs if step.template is None else render_value(call, step.template, resolve)
    nested = run_workflow(call, step.target, inputs, level + 1)
    entry = {"status": nested["status"], "output": nested["output"], "steps": nested["steps"]}
    if nested["status"] == "error":
        entry["error"] = next(e["error"] for e in nested["steps"].values() if e["status"] == "error")
    return entry


# -- templates ------------------------------------------------------------------------------

def check_templates(call, wf: Workflow, inputs: dict) -> None:
    """Before a run: every template names an input, ``iteration`` (loops) or a
    step whose result it can see."""
    groups = [steps for _, steps in wf.branches] if wf.type == "conditional" else [wf.steps]
    call.rt.meter.charge(sum(len(text) for steps in groups for step in steps for text in step.texts()))
    named = [[(step.name, step.texts()) for step in steps] for steps in groups]
    for step, ref, problem in template_problems(wf.type, wf.names, named, inputs):
        raise BridgeFailure(f"workflow '{wf.name}', step '{step}': template '{{{{{ref}}}}}': {problem}")


def template_problems(wtype: str, names, groups, inputs):
    """``(step, ref, problem)`` for each template that names nothing it can see:
    an input, ``iteration`` (loops) or a step whose result it can see — an
    earlier step of its sequence; in loops any step; in parallel workflows none.
    *groups* are lists of ``(step name, its texts)`` (a conditional's branches,
    else one); *inputs* the input names.  Pure: ``llmspell check`` uses it too."""
    for steps in groups:
        order = [name for name, _ in steps]
        for n, (name, texts) in enumerate(steps):
            for text in texts:
                for ref in template_refs(text):
                    problem = _visibility(wtype, names, order, n, ref, inputs)
                    if problem is not None:
                        yield name, ref, problem


def _visibility(wtype, names, order, n, ref, inputs) -> str | None:
    head = ref.split(".", 1)[0]
    if head in names:
        if wtype == "parallel":
            return "parallel steps cannot use each other's outputs"
        if wtype == "loop":
            return None
        if head == order[n]:
            return f"step '{head}' cannot use its own result"
        if head not in order[:n]:
            return f"step '{head}' does not run before step '{order[n]}'"
        return None
    if head in inputs or (head == "iteration" and wtype == "loop"):
        return None
    visible = [] if wtype == "parallel" else (order if wtype == "loop" else order[:n])
    return (f"unknown name '{head}' (inputs: {', '.join(map(str, inputs)) or 'none'}; "
            f"steps it can use: {', '.join(visible) or 'none'})")


def _resolve(wf: Workflow, scope: Scope, ref: str):
    """The value *ref* (``a.output.x``) names in *scope*."""
    parts = ref.split(".")
    head = parts[0]
    if head in wf.names:
        entry = scope.results.get(head)
        if entry is None:
            raise _template_error(ref, f"step '{head}' has no result yet")
        if len(parts) < 2 or parts[1] not in ENTRY_FIELDS:
            raise _template_error(ref, f"a step's output, status or error expected, as in '{{{{{head}.output}}}}'")
        value, used = entry.get(parts[1]), 2
    elif head == "iteration" and scope.iteration is not None:
        value, used = scope.iteration, 1
    elif head in scope.inputs:
        value, used = scope.inputs[head], 1
    else:
        raise _template_error(ref, f"unknown name '{head}'")
    for key in parts[used:]:
        if type(value) is dict and key in value:
            value = value[key]
        elif type(value) is dict and key.isdigit() and int(key) in value:
            value = value[int(key)]
        elif type(value) is list and key.isdigit() and 1 <= int(key) <= len(value):
            value = value[int(key) - 1]
        else:
            raise _template_error(ref, f"{'.'.join(parts[:used])} has no field '{key}' (it is {_a(value)})")
        used += 1
    return value


def _a(value) -> str:
    kind = kind_of(value, arrays=True)
    return "nil" if kind == "nil" else f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _template_error(ref: str, problem: str) -> BridgeFailure:
    return BridgeFailure(f"template '{{{{{ref}}}}}': {problem}")


def render_text(call, text: str, resolve) -> str:
    """*text* with every template replaced by its value as text."""
    pieces, last = [], 0
    for m in TEMPLATE.finditer(text):
        pieces.append(text[last:m.start()])
        pieces.append(_as_text(call, resolve(m.group(1))))
        last = m.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    size = sum(len(p) for p in pieces)
    call.rt.meter.charge(size)
    call.rt.meter.string(size)
    return "".join(pieces)


def render_value(call, value, resolve):
    """*value* with templates filled in every string inside; a string that is one
    template is replaced by the value itself (nil drops a table's key)."""
    if type(value) is str:
        whole = TEMPLATE.fullmatch(value)
        return resolve(whole.group(1)) if whole else render_text(call, value, resolve)
    if type(value) is dict:
        out = {k: render_value(call, v, resolve) for k, v in value.items()}
        return {k: v for k, v in out.items() if v is not None}
    if type(value) is list:
        return [render_value(call, v, resolve) for v in value]
    return value


def _as_text(call, value) -> str:
    if type(value) is str:
        return value
    if type(value) in (dict, list):
        text = json.dumps(value, ensure_ascii=False, default=lambda v: f"<{kind_of(v)}>")
        call.rt.meter.charge(len(text))
        call.rt.meter.string(len(text))
        return text
    if isinstance(value, (BridgeObject, ScriptFunction)):
        return f"<{kind_of(value)}>"
    return call.rt.tostring(value)
