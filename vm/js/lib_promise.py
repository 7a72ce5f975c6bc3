"""Promises, async functions and the run's event loop — on greenlets, without threads.

* An ``async`` function call starts a :class:`Task` (a greenlet) and runs it at
  once, as JavaScript does, until its first ``await``; the call then returns
  the task's promise.
* ``await`` inside a task registers a reaction on the awaited promise and
  switches back to whoever resumed the task; the reaction, run later as a
  *microtask*, switches back in with the result.  ``await`` at the top level
  of a spell drives the loop until the promise settles.
* A bridge call that waits (``llm.complete``) returns a promise too: it runs
  in its own task, and when the bridge blocks on the network
  (:func:`vm.waits.wait` — a Task is a waits branch) the task parks on a
  future and the caller goes on.  Several calls started before any is awaited
  are in flight together: ``Promise.all([llm.complete(a), llm.complete(b)])``
  overlaps their waits like parallel workflow steps.
* The loop runs microtasks first-in first-out; when none are left it resumes
  the parked task that *started first* as soon as its result is in — never the
  one whose answer happened to arrive first — so output, journal and
  instruction counts do not depend on network timing.
"""
from __future__ import annotations

import collections
import concurrent.futures

import greenlet

from ..waits import Branch
from ..runtime import ScriptThrow
from .values import CALLABLE, CONSTRUCTOR, NATIVE, JsFunction, JsObject


class PromiseState:
    __slots__ = ("state", "value", "reactions", "handled")

    def __init__(self):
        self.state = "pending"
        self.value = None
        self.reactions: list = []
        self.handled = False


class Task(Branch):
    """An async function's body (or a waiting bridge call) on its own greenlet."""

    used = 0          # call levels this task's frames hold while it is parked


class EventLoop:
    def __init__(self, rt):
        self.rt = rt
        self.jobs: collections.deque = collections.deque()
        self.parked: list[Task] = []          # tasks waiting on a future, in start order
        self.rejected: list[JsObject] = []    # rejected promises nobody has handled (yet)

    def enter(self, task: Task, *value):
        """Switch into *task* (start or resume it) until it parks, awaits or ends."""
        cell = self.rt.meter.depth
        here = cell.cell_contents
        cell.cell_contents = here - task.used
        task.parent = greenlet.getcurrent()
        try:
            task.switch(*value)
        finally:
            task.used = here - cell.cell_contents
            cell.cell_contents = here
        if task.future is not None and task not in self.parked and not task.dead:
            self.parked.append(task)

    def run_until(self, settled) -> None:
        while not settled():
            if self.jobs:
                self.jobs.popleft()()
            elif self.parked:
                task = self.parked.pop(0)
                concurrent.futures.wait([task.future])
                self.enter(task)
            else:
                return


def open(rt):
    loop = rt.loop = EventLoop(rt)
    proto = rt.PromiseProto = JsObject(rt.ObjectProto)

    def new_promise(proto_=proto) -> JsObject:
        p = JsObject(proto_, "Promise")
        p.internal = PromiseState()
        rt.meter.alloc(96)
        return p

    def settle(p: JsObject, state: str, value):
        st = p.internal
        if st.state != "pending":
            return
        st.state, st.value = state, value
        reactions, st.reactions = st.reactions, []
        for on_ok, on_err in reactions:
            _schedule(on_ok if state == "fulfilled" else on_err, value)
        if state == "rejected" and not st.handled:
            loop.rejected.append(p)

    def _schedule(fn, value):
        loop.jobs.append(lambda: fn(value))

    def resolve(p: JsObject, value):
        if value is p:
            settle(p, "rejected", rt.make_error("TypeError", "Chaining cycle detected for promise #<Promise>"))
            return
        if isinstance(value, JsObject):
            if value.cls == "Promise" and type(value.internal) is PromiseState:
                # a job that calls then() — two ticks, as NewPromiseResolveThenableJob takes
                loop.jobs.append(lambda: react(value, lambda v: resolve(p, v), lambda e: settle(p, "rejected", e)))
                return
            try:
                then = rt.get(value, "then")
            except ScriptThrow as e:
                settle(p, "rejected", e.value)
                return
            if type(then) is JsFunction:
                res, rej = resolving_functions(p)
                loop.jobs.append(lambda: _call_then(then, value, res, rej))
                return
        settle(p, "fulfilled", value)

    def _call_then(then, value, res, rej):
        try:
            rt.call(then, value, res, rej)
        except ScriptThrow as e:
            rt.call(rej, None, e.value)

    def resolving_functions(p):
        done = [False]

        def res(this, v=None, *_):
            if not done[0]:
                done[0] = True
                resolve(p, v)

        def rej(this, e=None, *_):
            if not done[0]:
                done[0] = True
                settle(p, "rejected", e)
        return rt.native("", res, 1), rt.native("", rej, 1)

    def react(p: JsObject, on_ok, on_err):
        st = p.internal
        if st.state == "rejected" and not st.handled and p in loop.rejected:
            loop.rejected.remove(p)
        st.handled = True
        if st.state == "pending":
            st.reactions.append((on_ok, on_err))
        else:
            _schedule(on_ok if st.state == "fulfilled" else on_err, st.value)

    def promise_resolve(v) -> JsObject:
        if isinstance(v, JsObject) and v.cls == "Promise" and type(v.internal) is PromiseState:
            return v
        p = new_promise()
        resolve(p, v)
        return p

    def then(p: JsObject, on_ok, on_err) -> JsObject:
        """``p.then(on_ok, on_err)`` with script handlers (or None)."""
        out = new_promise()

        def run(handler, value, fallthrough):
            if type(handler) is not JsFunction:
                fallthrough(value)
                return
            try:
                resolve(out, rt.call(handler, None, value))
            except ScriptThrow as e:
                settle(out, "rejected", e.value)
        react(p, lambda v: run(on_ok, v, lambda x: resolve(out, x)),
              lambda e: run(on_err, e, lambda x: settle(out, "rejected", x)))
        return out

    def this_promise(this, name):
        if not (isinstance(this, JsObject) and type(this.internal) is PromiseState):
            rt.throw("TypeError", f"Method Promise.prototype.{name} called on incompatible receiver "
                     f"{rt.short(this)}")
        return this

    rt.define(proto, "then", lambda this, f=None, r=None, *_: then(this_promise(this, "then"), f, r), 2)
    rt.define(proto, "catch", lambda this, r=None, *_: then(this_promise(this, "catch"), None, r), 1)

    def finally_(this, f=None, *_):
        """As the spec builds it, from then(): the same number of ticks as node."""
        p = this_promise(this, "finally")
        if type(f) is not JsFunction:
            return then(p, f, f)

        def then_finally(this, value=None, *_):
            done = promise_resolve(rt.call(f, None))
            return then(done, rt.native("", lambda this, *_: value), None)

        def catch_finally(this, reason=None, *_):
            done = promise_resolve(rt.call(f, None))

            def rethrow(this, *_):
                raise rt.thrown(reason)
            return then(done, rt.native("", rethrow), None)
        return then(p, rt.native("", then_finally, 1), rt.native("", catch_finally, 1))
    rt.define(proto, "finally", finally_, 1)

    def ctor(this, executor=None, *_):
        if not hasattr(this, "proto") or isinstance(this, JsObject):
            rt.throw("TypeError", "Promise constructor cannot be invoked without 'new'")
        if type(executor) is not JsFunction:
            rt.throw("TypeError", f"Promise resolver {rt.short(executor)} is not a function")
        p = new_promise(this.proto)
        res, rej = resolving_functions(p)
        try:
            rt.call(executor, None, res, rej)
        except ScriptThrow as e:
            rt.call(rej, None, e.value)
        return p
    P = rt.native("Promise", ctor, 1, CALLABLE | CONSTRUCTOR | NATIVE)
    P.props["prototype"] = proto
    proto.props["constructor"] = P
    proto.hide("constructor")
    P.hide("prototype")
    rt.Gh["Promise"] = P

    def static_resolve(this, v=None, *_):
        return promise_resolve(v)

    def static_reject(this, e=None, *_):
        p = new_promise()
        settle(p, "rejected", e)
        return p
    rt.define(P, "resolve", static_resolve, 1)
    rt.define(P, "reject", static_reject, 1)

    def combinator(name, on_item, on_done_empty):
        def fn(this, iterable=None, *_):
            out = new_promise()
            items = [promise_resolve(v) for v in rt.iterate(iterable)]
            results = [None] * len(items)
            left = [len(items)]
            if not items:
                on_done_empty(out)
                return out
            for i, p in enumerate(items):
                on_item(out, p, i, results, left)
            return out
        rt.define(P, name, fn, 1)

    def all_item(out, p, i, results, left):
        def ok(v):
            results[i] = v
            left[0] -= 1
            if left[0] == 0:
                resolve(out, rt.new_array(results))
        react(p, ok, lambda e: settle(out, "rejected", e))
    combinator("all", all_item, lambda out: resolve(out, rt.new_array([])))

    def settled_item(out, p, i, results, left):
        def record(props):
            results[i] = rt.new_object(props)
            left[0] -= 1
            if left[0] == 0:
                resolve(out, rt.new_array(results))
        react(p, lambda v: record({"status": "fulfilled", "value": v}),
              lambda e: record({"status": "rejected", "reason": e}))
    combinator("allSettled", settled_item, lambda out: resolve(out, rt.new_array([])))

    def race_item(out, p, i, results, left):
        react(p, lambda v: resolve(out, v), lambda e: settle(out, "rejected", e))
    combinator("race", race_item, lambda out: None)

    def any_item(out, p, i, results, left):
        def fail(e):
            results[i] = e
            left[0] -= 1
            if left[0] == 0:
                err = rt.make_error("AggregateError", "All promises were rejected")
                err.props["errors"] = rt.new_array(results)
                settle(out, "rejected", err)
        react(p, lambda v: resolve(out, v), fail)

    def any_empty(out):
        err = rt.make_error("AggregateError", "All promises were rejected")
        err.props["errors"] = rt.new_array([])
        settle(out, "rejected", err)
    combinator("any", any_item, any_empty)

    # -- async functions and await -----------------------------------------------------------
    def start_task(body) -> JsObject:
        """Run *body()* as a task; its result settles the returned promise."""
        p = new_promise()

        def run():
            try:
                resolve(p, body())
            except ScriptThrow as e:
                settle(p, "rejected", e.value)
        task = Task(run)
        loop.enter(task)
        return p

    def async_function(py_fn):
        def call(this, *args):
            return start_task(lambda: _invoke(rt, py_fn, this, args))
        return call

    def await_value(v):
        p = promise_resolve(v)
        here = greenlet.getcurrent()
        if isinstance(here, Task):
            box = []

            def wake(kind, value):
                box.append((kind, value))
                loop.enter(here)
            react(p, lambda x: wake("ok", x), lambda e: wake("err", e))
            here.parent.switch()
            kind, value = box[0]
        else:
            st = p.internal
            loop.run_until(lambda: st.state != "pending")
            if st.state == "pending":
                rt.throw("Error", "await on a promise that can never settle (nothing left to run)")
            st.handled = True
            if p in loop.rejected:
                loop.rejected.remove(p)
            kind, value = ("ok" if st.state == "fulfilled" else "err"), st.value
        if kind == "err":
            raise rt.thrown(value)
        return value

    def waiting_bridge(fn):
        """A bridge that waits, as JavaScript sees it: a function returning a promise."""
        def call(this, *args):
            here = rt.locate()
            if here is not None:            # the task's own stack holds no script frame
                rt.meter.waiting_at = here
            return start_task(lambda: fn(*args))
        return call

    def finish():
        """After the spell's last statement: run what is left, then report a
        rejection nobody handled, as node does."""
        loop.run_until(lambda: False)
        if loop.rejected:
            p = loop.rejected[0]
            raise ScriptThrow(p.internal.value, None, [])

    def settle_now(v):
        """A promise handed to another language (a module's async function
        called from Lua or Tengo, which have no promises): run the event loop
        until it settles; its value, or its rejection thrown."""
        if not (isinstance(v, JsObject) and type(v.internal) is PromiseState):
            return v
        st = v.internal
        loop.run_until(lambda: st.state != "pending")
        if st.state == "pending":
            rt.throw("Error", "the promise never settled (it waits on nothing that can finish)")
        if st.state == "rejected":
            st.handled = True
            if v in loop.rejected:
                loop.rejected.remove(v)
            raise rt.thrown(st.value)
        return st.value

    def queue_microtask(this, f=None, *_):
        if type(f) is not JsFunction:
            rt.throw("TypeError", "The \"callback\" argument must be of type function.")
        loop.jobs.append(lambda: rt.call(f, None))
    rt.Gh["queueMicrotask"] = rt.native("queueMicrotask", queue_microtask, 1)

    rt.async_function = async_function
    rt.await_value = await_value
    rt.waiting_bridge = waiting_bridge
    rt.finish = finish
    rt.settle_now = settle_now
    rt.new_promise = new_promise
    rt.resolve_promise = lambda p, value, done: resolve(p, rt.iter_result(value, rt.truthy(done)))
    rt.reject_promise = lambda p, e: settle(p, "rejected", e)
    rt.promise_resolve = promise_resolve


def _invoke(rt, py_fn, this, args):
    try:
        return py_fn(this, *args)
    except TypeError as e:
        code = py_fn.__code__
        if e.__traceback__.tb_next is None and len(args) + 1 > code.co_argcount:
            return py_fn(this, *args[:code.co_argcount - 1])
        raise

