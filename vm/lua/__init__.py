"""Lua 5.4 semantics and standard library on the shared value model."""
