"""The bridges: llm, tools, state, workflow, events, hooks, log — declared once,
as intrinsics in :mod:`.registry`, bound into any runtime by :mod:`.host`."""


def load_all() -> None:
    """Import every bridge module so its intrinsics are registered."""
    from . import agent, events, hooks, llm, log, tools  # noqa: F401
