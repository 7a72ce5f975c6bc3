"""Tengo: its runtime (values, operators, builtins) and its standard library modules."""
