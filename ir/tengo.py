"""Tengo's conventions in the IR, shared by its front end and its runtime:
which modules ``import("name")`` may name (the compiler refuses the others,
as tengo's does), and why ``os`` is not one of them."""
from __future__ import annotations

MODULES = ("fmt", "text", "math", "times", "rand", "json", "base64", "hex", "enum")
UNAVAILABLE = {
    "os": "module 'os' is not available in llmspell's sandbox: spells cannot touch files, "
          "processes or the environment (the bridges — tools, state, log, ... — are the way out)",
}


def import_problem(name: str) -> str | None:
    """Why ``import(name)`` cannot work, or None if it can."""
    if name in UNAVAILABLE:
        return UNAVAILABLE[name]
    if name not in MODULES:
        return f"module '{name}' not found"
    return None
