"""Front ends: one sub-package per language, each parse → resolve → lower to IR."""
