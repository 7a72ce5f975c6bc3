"""Generators on greenlets: ``function*``, ``yield``, ``yield*`` and the iterator protocol.

A generator object owns a greenlet running the function's compiled body.
``next(v)`` switches into it; ``yield x`` switches back out with ``x``.
``return(v)`` resumes the body with :class:`GeneratorReturn`, a Python
exception that JavaScript ``catch`` never sees but ``finally`` blocks do — as
the spec's return completion.  Call depth held by a suspended body is set
aside while it is suspended (as for tasks), so suspended generators never eat
into the caller's depth limit.
"""
from __future__ import annotations

import greenlet

from .lib_promise import _invoke
from ..runtime import ScriptThrow
from .values import JS_NULL, SYM_ASYNC_ITERATOR, SYM_ITERATOR, SYM_TO_STRING_TAG, JsFunction, JsObject


class GeneratorReturn(Exception):
    def __init__(self, value):
        super().__init__()
        self.value = value


class _Body(greenlet.greenlet):
    gen = None


class GenState:
    __slots__ = ("fn", "this", "args", "state", "g", "used")

    def __init__(self, fn, this, args):
        self.fn = fn
        self.this = this
        self.args = args
        self.state = "start"          # start, suspended, running, done
        self.g = None
        self.used = 0


def open(rt):
    proto = rt.GeneratorProto = JsObject(rt.IteratorProto)
    proto.props[SYM_TO_STRING_TAG] = "Generator"
    proto.hide(SYM_TO_STRING_TAG)

    def generator_function(py_fn, is_async):
        def make(this, *args):
            gen = JsObject(async_proto if is_async else proto, "Generator")
            gen.internal = GenState(py_fn, this, args)
            rt.meter.alloc(256)
            return gen
        return make

    def resume(gen, mode: str, value):
        if not (isinstance(gen, JsObject) and type(gen.internal) is GenState):
            rt.throw("TypeError", f"{mode} method called on incompatible receiver {rt.short(gen)}")
        st = gen.internal
        if st.state == "running":
            rt.throw("TypeError", "Generator is already running")
        if st.state == "start" and mode != "next":
            st.state = "done"
        if st.state == "done":
            if mode == "throw":
                raise rt.thrown(value)
            return rt.iter_result(value if mode == "return" else None, True)
        if st.g is None:
            def body():
                try:
                    return ("done", _invoke(rt, st.fn, st.this, st.args))
                except GeneratorReturn as r:
                    return ("done", r.value)
            st.g = _Body(body)
            st.g.gen = st
            args = ()
        else:
            args = ((mode, value),)
        cell = rt.meter.depth
        here = cell.cell_contents
        cell.cell_contents = here - st.used
        st.g.parent = greenlet.getcurrent()
        st.state = "running"
        try:
            kind, out = st.g.switch(*args)
        except BaseException:
            st.state = "done"
            raise
        finally:
            st.used = here - cell.cell_contents
            cell.cell_contents = here
        if kind == "done":
            st.state = "done"
            return rt.iter_result(out, True)
        st.state = "suspended"
        return rt.iter_result(out, False)

    def current_body() -> _Body:
        g = greenlet.getcurrent()
        if not isinstance(g, _Body):
            rt.throw("SyntaxError", "yield outside a generator")
        return g

    def generator_yield(v):
        g = current_body()
        mode, value = g.parent.switch(("yield", v))
        if mode == "throw":
            raise rt.thrown(value)
        if mode == "return":
            raise GeneratorReturn(value)
        return value

    def generator_yield_star(iterable):
        """``yield* iterable``: forward each value; the inner return value is
        the expression's value."""
        it_fn = rt.get(iterable, SYM_ITERATOR) if iterable is not None and iterable is not JS_NULL else None
        if type(it_fn) is not JsFunction:
            rt.iterate(iterable)        # throws V8's "... is not iterable"
        it = rt.call(it_fn, iterable)
        nxt = rt.get(it, "next")
        received = None
        while True:
            r = rt.call(nxt, it, received)
            if rt.truthy(rt.get(r, "done")):
                return rt.get(r, "value")
            g = current_body()
            mode, value = g.parent.switch(("yield", rt.get(r, "value")))
            if mode == "throw":
                thrower = rt.get(it, "throw")
                if thrower is None:
                    raise rt.thrown(value)
                r = rt.call(thrower, it, value)
                if rt.truthy(rt.get(r, "done")):
                    return rt.get(r, "value")
                received = None
                continue
            if mode == "return":
                ret = rt.get(it, "return")
                if ret is not None:
                    rt.call(ret, it, value)
                raise GeneratorReturn(value)
            received = value

    # async generators: each step runs at once (an `await` inside drives the
    # event loop until it settles) and its result is delivered as a promise
    async_proto = rt.AsyncGeneratorProto = JsObject(rt.ObjectProto)
    async_proto.props[SYM_TO_STRING_TAG] = "AsyncGenerator"
    async_proto.hide(SYM_TO_STRING_TAG)

    def async_step(mode):
        def step(this, v=None, *_):
            p = rt.new_promise()
            try:
                r = resume(this, mode, v)
                rt.resolve_promise(p, rt.get(r, "value"), rt.get(r, "done"))
            except ScriptThrow as e:
                rt.reject_promise(p, e.value)
            return p
        return step
    for name in ("next", "return", "throw"):
        rt.define(async_proto, name, async_step(name), 1)
    rt.define(async_proto, SYM_ASYNC_ITERATOR, lambda this, *_: this)

    def for_await(iterable):
        """``for await (x of it)``: the async iterator protocol (or a sync
        iterable's values, each awaited)."""
        f = rt.get(iterable, SYM_ASYNC_ITERATOR) if iterable is not None and iterable is not JS_NULL else None
        if type(f) is not JsFunction:
            return rt.make_iterator(rt.await_value(v) for v in rt.iterate(iterable, True))
        it = rt.call(f, iterable)
        nxt = rt.get(it, "next")

        def values():
            while True:
                r = rt.await_value(rt.call(nxt, it))
                if rt.truthy(rt.get(r, "done")):
                    return
                yield rt.get(r, "value")
        return rt.make_iterator(values())

    rt.define(proto, "next", lambda this, v=None, *_: resume(this, "next", v), 1)
    rt.define(proto, "return", lambda this, v=None, *_: resume(this, "return", v), 1)
    rt.define(proto, "throw", lambda this, v=None, *_: resume(this, "throw", v), 1)
    rt.generator_function = generator_function
    rt.for_await = for_await
    rt.generator_yield = generator_yield
    rt.generator_yield_star = generator_yield_star

