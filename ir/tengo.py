"""Tengo's conventions in the IR, shared by its front end and its runtime:
the builtin functions (the only globals besides the bridges and ``args``: any
other free name is tengo's compile error ``unresolved reference``), which
standard modules ``import("name")`` may name (any other name is a module
file), and why ``os`` is not one of them."""
from __future__ import annotations

BUILTINS = ("append", "bool", "bytes", "char", "copy", "delete", "float", "format", "int", "is_array", "is_bool",
            "is_bytes", "is_callable", "is_char", "is_error", "is_float", "is_function", "is_immutable_array",
            "is_immutable_map", "is_int", "is_iterable", "is_map", "is_string", "is_time", "is_undefined", "len",
            "range", "splice", "string", "time", "type_name")
MODULES = ("fmt", "text", "math", "times", "rand", "json", "base64", "hex", "enum")
UNAVAILABLE = {
    "os": "module 'os' is not available in llmspell's sandbox: spells cannot touch files, "
          "processes or the environment (the bridges — tools, state, log, ... — are the way out)",
}


def import_problem(name: str) -> str | None:
    """Why ``import(name)`` of a standard module cannot work, or None if it
    can.  Any other name is a spell module (a file), found when the spell is
    linked (llmspell/modules.py), as tengo's compiler finds it."""
    return UNAVAILABLE.get(name)


def is_stdlib(name: str) -> bool:
    return name in MODULES or name in UNAVAILABLE
