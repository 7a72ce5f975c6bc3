"""Front ends: one sub-package per language, each parse → resolve → lower to IR."""


def lower_deep(lower, span):
    """Run *lower()* (lowering + verification) with room for deep trees: a
    long ``a.b.c...`` or ``f()()...`` chain nests the AST as deep as it is long.
    A tree too deep even for that is a compile error, never a RecursionError."""
    import sys

    from ..ir.errors import CompileError
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, COMPILE_RECURSION))
    try:
        return lower()
    except RecursionError:
        raise CompileError("expression too complex to compile", span,
                           hint="split very long chains of calls or operators into several statements") from None
    finally:
        sys.setrecursionlimit(old)


#: Python frames lowering may use
COMPILE_RECURSION = 30_000


def lookup(fs, name: str):
    """The variable *name* refers to from function state *fs* (innermost scope
    first, then the enclosing functions'), or None.  A front end's function
    state has ``scopes`` (dicts name -> variable) and ``parent``."""
    while fs is not None:
        for scope in reversed(fs.scopes):
            var = scope.get(name)
            if var is not None:
                return var
        fs = fs.parent
    return None


def upval(fs, var) -> int:
    """The upvalue index by which function *fs* reaches *var* of an enclosing
    function, created through every function in between (Lua's ``singlevar``).
    A variable has ``name``, ``reg``, ``boxed`` and ``fs`` (its function)."""
    if var.fs is fs.parent:
        return fs.b.upval(var.name, True, var.reg, var.boxed)
    return fs.b.upval(var.name, False, upval(fs.parent, var), var.boxed)
