"""JavaScript semantics and standard library on the shared value model."""
