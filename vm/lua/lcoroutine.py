"""Lua coroutines on greenlets.

A coroutine body is compiled code like any other; it runs on its own greenlet,
so ``coroutine.yield`` can suspend it from any depth of Python frames — inside
a ``pcall``, a metamethod or a ``for`` iterator — which is exactly Lua's
"yield across pcall".  The call-depth counter is shared: a coroutine's frames
count on top of whoever resumed it, and its own height is carried across
yields.  Limits raised inside a coroutine end the whole spell.
"""
from __future__ import annotations

import greenlet

from ..runtime import ScriptThrow, register_function
from ..values import Table
from .lauxlib import type_error


class Coroutine:
    lua_type = "thread"
    __slots__ = ("fn", "glet", "status", "height", "is_main", "error", "__weakref__")

    def __init__(self, fn, is_main=False):
        self.fn = fn
        self.glet = None
        self.status = "running" if is_main else "suspended"
        self.height = 0          # call levels the coroutine holds while suspended
        self.is_main = is_main
        self.error = None        # the error value it died with, until closed


def open(rt) -> Table:
    meter = rt.meter
    main = Coroutine(None, is_main=True)
    state = {"current": main}

    def body(co, args):
        try:
            return ("return", rt.call(co.fn, *args))
        except ScriptThrow as e:
            return ("error", e.value)
        except Exception as e:      # a limit or an internal error: re-raised by the resumer
            return ("raise", e)

    def resume_raw(co, args):
        """Run *co* until it yields, returns or fails: ``(ok, values tuple)``."""
        if co.status == "dead":
            return False, ("cannot resume dead coroutine",)
        if co.status != "suspended":
            return False, ("cannot resume non-suspended coroutine",)
        prev = state["current"]
        prev.status = "normal"
        co.status = "running"
        state["current"] = co
        depth = meter.depth
        saved = depth.cell_contents
        if saved - co.height - 1 < 0:
            prev.status = "running"
            co.status = "suspended"
            state["current"] = prev
            return False, ("C stack overflow",)
        depth.cell_contents = saved - co.height - 1
        here = greenlet.getcurrent()
        if co.glet is None:
            co.glet = greenlet.greenlet(lambda *a: body(co, a), parent=here)
        else:
            co.glet.parent = here
        kind, payload = co.glet.switch(*args)
        co.height = saved - 1 - depth.cell_contents if kind == "yield" else 0
        depth.cell_contents = saved
        state["current"] = prev
        prev.status = "running"
        if kind == "yield":
            co.status = "suspended"
            return True, payload
        co.status = "dead"
        if kind == "return":
            return True, payload if type(payload) is tuple else (payload,)
        if kind == "error":
            co.error = (payload,)
            return False, (payload,)
        raise payload           # a limit or an internal error: not the script's to catch

    def co_create(f=None, *_):
        if not callable(f):
            type_error(rt, 1, "create", "function", f)
        return Coroutine(f)

    def check_co(co, fname):
        if type(co) is not Coroutine:
            type_error(rt, 1, fname, "thread", co)
        return co

    def co_resume(co=None, *args):
        check_co(co, "resume")
        ok, vals = resume_raw(co, args)
        return (ok, *vals)

    def co_yield(*vals):
        co = state["current"]
        if co.is_main:
            rt.runerror("attempt to yield from outside a coroutine")
        args = co.glet.parent.switch(("yield", vals))
        return args

    def co_status(co=None, *_):
        return check_co(co, "status").status

    def co_running(*_):
        co = state["current"]
        return (co, co.is_main)

    def co_isyieldable(co=None, *_):
        co = state["current"] if co is None else check_co(co, "isyieldable")
        return not co.is_main

    def co_wrap(f=None, *_):
        if not callable(f):
            type_error(rt, 1, "wrap", "function", f)
        co = Coroutine(f)

        def wrapped(*args):
            ok, vals = resume_raw(co, args)
            if not ok:
                err = vals[0]
                if type(err) is str:
                    err = rt.where(1) + err
                raise ScriptThrow(err, rt.locate(), rt.traceback())
            return vals
        register_function("wrap", wrapped)
        return wrapped

    def co_close(co=None, *_):
        check_co(co, "close")
        if co.status in ("running", "normal"):
            rt.error(f"cannot close a {co.status} coroutine")
        if co.status == "suspended" and co.glet is not None:
            co.glet.parent = greenlet.getcurrent()
            co.glet.throw(greenlet.GreenletExit)
        co.status = "dead"
        if co.error is not None:
            err, co.error = co.error, None
            return (False, *err)
        return True

    lib = Table()
    lib.hash.update({
        "create": co_create, "resume": co_resume, "yield": co_yield, "status": co_status,
        "running": co_running, "isyieldable": co_isyieldable, "wrap": co_wrap, "close": co_close,
    })
    return lib
