"""The VM: value model, metering, the IR-to-Python compiler, and each language's runtime."""
