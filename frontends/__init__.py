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
