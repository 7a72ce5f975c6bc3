"""The bridges: llm, tools, state, workflow, events, hooks, log — declared once,
as intrinsics in :mod:`.registry`, bound into any runtime by :mod:`.host`."""


#: the global namespaces the bridges install (a test keeps this equal to the
#: registry's): known without importing the bridges, so that compiling, or
#: running a spell that names none of them, does not pay for importing them
NAMESPACES = ("llm", "tools", "state", "workflow", "events", "hooks", "log")


def load_all() -> None:
    """Import every bridge module so its intrinsics are registered."""
    from . import agent, builtin_tools, events, hooks, llm, log, state, tools, workflow  # noqa: F401


def reference() -> str:
    """The script API reference: every intrinsic and built-in tool (the README's
    "Script API" section is this text; a test keeps them equal)."""
    load_all()
    from .registry import reference_markdown
    from .tools import BUILTIN
    text = reference_markdown()
    if BUILTIN:
        lines = ["### built-in tools", ""]
        for tool in BUILTIN.values():
            params = ", ".join(f"{k}{'' if k in tool.parameters.get('required', []) else '?'}"
                               for k in tool.parameters.get("properties", {}))
            flags = " — destructive" if tool.destructive else ""
            lines.append(f"- `tools.{tool.name}({params})`{flags}: {tool.description}")
        text += "\n".join(lines) + "\n"
    return text
